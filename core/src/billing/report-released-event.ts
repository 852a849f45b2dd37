import type { Knex } from 'knex';
import type { CallbackPublisher, RecordedCallbacks } from '../callbacks/callback-publisher.js';

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
 * The one place a released report is announced: a signed `report.released` callback to each
 * endpoint the tenant registered (none without the V1 bridge), recorded in the release's own
 * transaction so that a release never commits without its event. Recording only writes the
 * deliveries, so a receiver that is down never fails a release.
 */
export function recordReportReleased(
  trx: Knex.Transaction,
  callbacks: CallbackPublisher,
  event: ReportReleasedEvent,
): Promise<RecordedCallbacks> {
  const { tenantId, ...data } = event;
  return callbacks.record(trx, tenantId, 'report.released', data);
}
