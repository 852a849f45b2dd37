import type { JobRequester } from '../jobs/job-requester.js';

export const OCR_EVIDENCE_JOB = 'evidence.ocr';

/** Reads one evidence item and stores its proposals; the uploader is the actor of record. */
export interface OcrEvidencePayload {
  readonly tenantId: string;
  readonly evidenceId: string;
  readonly requestedBy: JobRequester;
}
