import { pino, type Logger } from 'pino';

export type { Logger };

/** Paths whose values never reach a log line: credentials in headers, bodies and errors. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-service-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.secret',
  'password',
  'token',
];

/**
 * Writes out the log lines still buffered, so that what the CLI prints next comes after them
 * (pino writes to stdout asynchronously, and its `flush(cb)` may answer before the lines are out).
 */
export function flushLogs(logger: Logger): void {
  const stream = (logger as unknown as Record<symbol, { flushSync?: () => void } | undefined>)[pino.symbols.streamSym];
  try {
    stream?.flushSync?.();
  } catch {
    // A write still in flight refuses a synchronous flush; its lines come out a moment later.
  }
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, base: { service: 'repogen' } }, destination);
}
