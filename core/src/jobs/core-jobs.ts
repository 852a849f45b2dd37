import type { ExpireSessionsPayload } from './expire-sessions-job.js';
import { expireSessionsJob } from './expire-sessions-job.js';
import { generateReportJob } from '../generation/generate-report-job.js';
import type { GenerateReportPayload } from '../generation/generate-report-payload.js';
import { ocrEvidenceJob } from '../evidence/ocr-evidence-job.js';
import type { OcrEvidencePayload } from '../evidence/ocr-job-payload.js';
import { expireIdempotentRequestsJob, type ExpireIdempotentRequestsPayload } from '../idempotency/expire-idempotent-requests-job.js';

/** The jobs of the host itself; every process that sends or works jobs knows these. */
export const coreJobs = [expireSessionsJob, generateReportJob, ocrEvidenceJob, expireIdempotentRequestsJob] as const;

/**
 * The payload of each core job, written out rather than derived from `coreJobs`: the jobs
 * declare their services through `coreServices`, whose type names this one.
 */
export type CoreJobPayloads = {
  'maintenance.expire-sessions': ExpireSessionsPayload;
  'reports.generate': GenerateReportPayload;
  'evidence.ocr': OcrEvidencePayload;
  'maintenance.expire-idempotent-requests': ExpireIdempotentRequestsPayload;
};
