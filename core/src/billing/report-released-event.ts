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
 * The one place a released report is announced, called after the release has committed.
 * Signed callbacks to V1 hook in here; until then the event is logged.
 */
export async function publishReportReleased(logger: Logger, event: ReportReleasedEvent): Promise<void> {
  logger.info({ event: 'report.released', ...event }, 'report released');
  return Promise.resolve();
}
