import type { Principal } from '../auth/principal.js';

/** The queue name of report generation. */
export const GENERATE_REPORT_JOB = 'reports.generate';

/** Who asked for the generation: the job acts for them (pack visibility, the audit entry). */
export interface GenerationRequester {
  readonly role: Principal['role'];
  readonly via: Principal['via'];
  readonly userId?: string | undefined;
  readonly credentialId: string;
  readonly label: string;
}

export interface GenerateReportPayload {
  readonly tenantId: string;
  readonly generationRequestId: string;
  readonly requestedBy: GenerationRequester;
}
