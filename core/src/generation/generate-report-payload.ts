import type { JobRequester } from '../jobs/job-requester.js';

/** The queue name of report generation. */
export const GENERATE_REPORT_JOB = 'reports.generate';

export interface GenerateReportPayload {
  readonly tenantId: string;
  readonly generationRequestId: string;
  readonly requestedBy: JobRequester;
}
