import type { CallbackPublisher } from '../callbacks/callback-publisher.js';
import type { Logger } from '../logging/logger.js';

/** What a `report.released` event says: enough for V1 to fetch the released PDF. */
export interface ReportReleasedEvent {
  readonly tenantId: string;
  readonly reportId: string;
  readonly externalKey: string | null;
  readonly versionId: string;
  readonly version: number;
  readonly artifactId: string;
  readonly releasedAt: string;
}

/**
 * The one place a released report is announced, after the release has committed: a signed
 * `report.released` callback to each endpoint the tenant registered (none without the V1
 * bridge). Announcing only records deliveries, so a receiver that is down never fails a release.
 */
export async function publishReportReleased(
  callbacks: CallbackPublisher,
  logger: Logger,
  event: ReportReleasedEvent,
): Promise<void> {
  const { tenantId, ...data } = event;
  logger.info({ event: 'report.released', ...event }, 'report released');
  await callbacks.publish(tenantId, 'report.released', data);
}
