import { DomainError, InvalidError, NotFoundError } from '../errors/domain-error.js';

/**
 * The stable codes an evidence upload is refused with. Each refusal stores nothing: every
 * file of a request is checked before any byte reaches the blob store or a row is written.
 */
export const EVIDENCE_ERROR_CODES = {
  /** 413: one file is larger than the per-file cap. */
  tooLarge: 'EVIDENCE_TOO_LARGE',
  /** 415: the magic bytes do not confirm the type the name or content type declares. */
  typeMismatch: 'EVIDENCE_TYPE_MISMATCH',
  /** 415: a type evidence may not have (an executable, an archive, an unknown format). */
  typeUnsupported: 'EVIDENCE_TYPE_UNSUPPORTED',
  /** 415: content that can run script: HTML, SVG, JavaScript, a PDF with actions or JavaScript. */
  scriptable: 'EVIDENCE_SCRIPTABLE',
  /** 413: an image whose declared pixel count is past the limit (a decompression bomb). */
  tooManyPixels: 'EVIDENCE_TOO_MANY_PIXELS',
  /** 413: a PDF with more pages than the cap. */
  tooManyPages: 'EVIDENCE_TOO_MANY_PAGES',
  /** 400: the bytes claim a type but cannot be read as it (a truncated image, a broken PDF). */
  unreadable: 'EVIDENCE_UNREADABLE',
  /** 400: no file part in the request, or more files than one request may carry. */
  filesInvalid: 'EVIDENCE_FILES_INVALID',
} as const;

export type EvidenceErrorCode = (typeof EVIDENCE_ERROR_CODES)[keyof typeof EVIDENCE_ERROR_CODES];

/** A refused file, named so that the operator knows which of several uploads to fix. */
export class EvidenceRejectedError extends DomainError {
  constructor(code: EvidenceErrorCode, status: 400 | 413 | 415, file: string, problem: string) {
    super(code, `${file}: ${problem}`, status, 'user', { file });
  }
}

export const evidenceNotFound = (id: string) => new NotFoundError(`Evidence ${id}`, 'EVIDENCE_NOT_FOUND');
export const proposalNotFound = (id: string) => new NotFoundError(`Proposal ${id}`, 'PROPOSAL_NOT_FOUND');
export const proposalDecided = (id: string, status: string) =>
  new InvalidError('PROPOSAL_ALREADY_DECIDED', `Proposal ${id} is already ${status}`, { status });
