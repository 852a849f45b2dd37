/**
 * PostgreSQL error classes that say the server is not there (57P: operator intervention, such as
 * a shutdown or a restart; 08: connection exception), and the Node and pool errors a client sees
 * when it cannot reach the server at all.
 */
const UNAVAILABLE_SQLSTATE = /^(57P0[1-3]|08\d{3})$/;
const UNAVAILABLE_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);
const UNAVAILABLE_MESSAGE =
  /^(Connection terminated|Knex: Timeout acquiring a connection|timeout expired|Client has encountered a connection error)/;

export const DATABASE_UNAVAILABLE = 'DATABASE_UNAVAILABLE';

/** Whether an error means the database could not be reached, so the request is worth repeating later (503), not a fault (500). */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (
    let current: unknown = error, depth = 0;
    current instanceof Error && depth < 4;
    current = current.cause, depth += 1
  ) {
    const { code, name } = current as Error & { code?: unknown };
    if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_ERRNO.has(code))) return true;
    if (name === 'KnexTimeoutError' || UNAVAILABLE_MESSAGE.test(current.message)) return true;
  }
  return false;
}
