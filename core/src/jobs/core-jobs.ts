import type { ExpireSessionsPayload } from './expire-sessions-job.js';
import { expireSessionsJob } from './expire-sessions-job.js';
import { generateReportJob } from '../generation/generate-report-job.js';
import type { GenerateReportPayload } from '../generation/generate-report-payload.js';
import { ocrEvidenceJob } from '../evidence/ocr-evidence-job.js';
import type { OcrEvidencePayload } from '../evidence/ocr-job-payload.js';
import { reconcileReservationsJob, type ReconcileReservationsPayload } from '../billing/reconcile-reservations-job.js';
import { refillCreditsJob, type RefillCreditsPayload } from '../billing/refill-credits-job.js';
import { expireIdempotentRequestsJob, type ExpireIdempotentRequestsPayload } from '../idempotency/expire-idempotent-requests-job.js';
import { sweepStaleFilesJob, type SweepStaleFilesPayload } from './sweep-stale-files-job.js';

/** The jobs of the host itself; every process that sends or works jobs knows these. */
export const coreJobs = [
  expireSessionsJob,
  generateReportJob,
  ocrEvidenceJob,
  refillCreditsJob,
  reconcileReservationsJob,
  expireIdempotentRequestsJob,
  sweepStaleFilesJob,
] as const;

/**
 * The payload of each core job, written out rather than derived from `coreJobs`: the jobs
 * declare their services through `coreServices`, whose type names this one.
 */
export type CoreJobPayloads = {
  'maintenance.expire-sessions': ExpireSessionsPayload;
  'reports.generate': GenerateReportPayload;
  'evidence.ocr': OcrEvidencePayload;
  'billing.refill-credits': RefillCreditsPayload;
  'billing.reconcile-reservations': ReconcileReservationsPayload;
  'maintenance.expire-idempotent-requests': ExpireIdempotentRequestsPayload;
  'maintenance.sweep-stale-files': SweepStaleFilesPayload;
};
