import type { Role } from '../auth/principal.js';

export const OCR_EVIDENCE_JOB = 'evidence.ocr';

/** Reads one evidence item and stores its proposals; the uploader is the actor of record. */
export interface OcrEvidencePayload {
  readonly tenantId: string;
  readonly evidenceId: string;
  readonly requestedBy: {
    readonly role: Role;
    readonly via: 'session' | 'token' | 'service';
    readonly userId?: string | undefined;
    readonly credentialId: string;
    readonly label: string;
  };
}
