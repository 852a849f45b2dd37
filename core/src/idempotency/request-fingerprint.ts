import crypto from 'node:crypto';

/**
 * A stable sha256 of a request: method, path with query, and the parsed body with object keys
 * sorted and bytes (uploaded files) replaced by their digest, so that a repeat sent by another
 * client library with its keys in another order is still the same request.
 */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return crypto
    .createHash('sha256')
    .update(JSON.stringify([method.toUpperCase(), path, canonical(body)]))
    .digest('hex');
}

function canonical(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return { sha256: crypto.createHash('sha256').update(value).digest('hex') };
  if (Array.isArray(value)) return value.map(canonical);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((key) => [key, canonical(record[key])]),
    );
  }
  return value ?? null;
}
