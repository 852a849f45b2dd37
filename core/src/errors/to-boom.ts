import Boom from '@hapi/boom';
import { isDomainError } from './domain-error.js';
import { codeForStatus } from './error-codes.js';
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable } from '../store/database-unavailable.js';

/** The one place where errors become HTTP answers: `{statusCode, error, code, message, details?}`. */
export function toBoom(error: unknown): Boom.Boom {
  if (isDomainError(error)) {
    const boom = new Boom.Boom(error.message, { statusCode: error.status });
    boom.output.payload.code = error.code;
    if (error.details !== undefined) boom.output.payload.details = error.details;
    return boom;
  }
  if (isDatabaseUnavailable(error)) {
    const boom = new Boom.Boom('The database is unavailable; try again shortly', { statusCode: 503 });
    boom.output.payload.code = DATABASE_UNAVAILABLE;
    boom.output.headers['retry-after'] = '5';
    return boom;
  }
  const boom = Boom.isBoom(error) ? error : Boom.boomify(error instanceof Error ? error : new Error(String(error)));
  const payload = boom.output.payload as Boom.Payload & { code?: string; details?: unknown };
  const status = boom.output.statusCode;
  const data = boom.data as { code?: unknown } | null | undefined;
  payload.code = typeof data?.code === 'string' ? data.code : (payload.code ?? codeForStatus(status));
  // Boom already hides the message of a 5xx; no stack or attributes ever reach the client.
  delete (payload as unknown as Record<string, unknown>).attributes;
  return boom;
}
