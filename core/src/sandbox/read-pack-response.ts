import type { JsonValue } from '@repogen/sdk';
import { checkResult, isPackOperation } from './result-schemas.js';
import { clipText } from './sandbox-errors.js';
import type { WireError } from './sandbox-protocol.js';

export type PackResponse =
  { readonly ok: true; readonly result: JsonValue } | { readonly ok: false; readonly error: WireError };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads what `invoke` returned: a JSON envelope `{ ok: true, result }` whose result matches the
 * operation's contract, or `{ ok: false, error: { code, message } }`, the pack's own report of
 * a failure. Anything else is `PACK_OUTPUT_INVALID`.
 */
export function readPackResponse(operation: string, text: string): PackResponse {
  const invalid = (message: string): PackResponse => ({ ok: false, error: { code: 'PACK_OUTPUT_INVALID', message } });
  let envelope: unknown;
  try {
    envelope = JSON.parse(text);
  } catch {
    return invalid('invoke did not return JSON');
  }
  if (!isRecord(envelope) || typeof envelope.ok !== 'boolean')
    return invalid('invoke did not return an envelope { ok, result | error }');
  if (envelope.ok) {
    if (!('result' in envelope)) return invalid('The envelope has no result');
    if (!isPackOperation(operation)) return invalid(`Unknown operation ${operation}`);
    const problem = checkResult(operation, envelope.result);
    if (problem !== undefined) return invalid(`The ${operation} result breaks the contract: ${problem}`);
    return { ok: true, result: envelope.result as JsonValue };
  }
  const error = envelope.error;
  if (!isRecord(error) || typeof error.code !== 'string' || typeof error.message !== 'string') {
    return invalid('The envelope reports a failure without { code, message }');
  }
  return {
    ok: false,
    error: {
      code: 'PACK_FAULT',
      message: clipText(`Reported ${error.code}: ${error.message}`),
      packCode: clipText(error.code, 100),
    },
  };
}
