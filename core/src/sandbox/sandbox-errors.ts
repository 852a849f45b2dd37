import { UnavailableError, UnprocessableError, type DomainError } from '../errors/domain-error.js';
import type { WireError } from './sandbox-protocol.js';

/**
 * What a caller learns when a pack misbehaves. The same input fails the same way again, so
 * these are 422 `user` errors (never retried, never a 500); only a sandbox that cannot run at
 * all is operational (503, worth a retry).
 */
export type PackErrorCode = 'PACK_TIMEOUT' | 'PACK_MEMORY' | 'PACK_FAULT' | 'PACK_OUTPUT_INVALID';

export class PackRunError extends UnprocessableError {
  constructor(code: PackErrorCode, message: string, details: { pack: string; operation: string; packCode?: string }) {
    super(code, message, details);
  }
}

export const SANDBOX_UNAVAILABLE = 'SANDBOX_UNAVAILABLE';

export function sandboxUnavailable(message: string): UnavailableError {
  return new UnavailableError(SANDBOX_UNAVAILABLE, message);
}

/** Longest text taken from a pack into an error message; a pack's text is data, not a report. */
export const MAX_PACK_TEXT = 500;

export function clipText(text: string, max = MAX_PACK_TEXT): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Turns the child's report of a failed call into the domain error the host throws. */
export function errorFromWire(error: WireError, pack: string, operation: string): DomainError {
  if (error.code === 'SANDBOX_UNAVAILABLE') return sandboxUnavailable(clipText(error.message));
  const details =
    error.packCode === undefined ? { pack, operation } : { pack, operation, packCode: clipText(error.packCode, 100) };
  return new PackRunError(error.code, `Pack ${pack} (${operation}): ${clipText(error.message)}`, details);
}
