import crypto from 'node:crypto';
import { sha256OfFile } from '../blobs/file-digest.js';

/**
 * A stable sha256 of a request: method, path with query, and the parsed body with object keys
 * sorted and uploaded files (bytes, or a part hapi streamed to a file) replaced by the digest of
 * their content, so that a repeat sent by another client library, with its keys in another
 * order or its files in another multipart body, is still the same request.
 */
export async function requestFingerprint(method: string, path: string, body: unknown): Promise<string> {
  return crypto
    .createHash('sha256')
    .update(JSON.stringify([method.toUpperCase(), path, await canonical(body)]))
    .digest('hex');
}

async function canonical(value: unknown): Promise<unknown> {
  if (Buffer.isBuffer(value)) return { sha256: crypto.createHash('sha256').update(value).digest('hex') };
  if (isStreamedFile(value)) return { filename: value.filename, sha256: await sha256OfFile(value.path) };
  if (Array.isArray(value)) return Promise.all(value.map(canonical));
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    return Object.fromEntries(await Promise.all(keys.map(async (key) => [key, await canonical(record[key])] as const)));
  }
  return value ?? null;
}

/** A multipart file part as hapi writes it with `output: 'file'`. */
function isStreamedFile(value: unknown): value is { filename: string; path: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { filename?: unknown }).filename === 'string' &&
    typeof (value as { path?: unknown }).path === 'string' &&
    typeof (value as { bytes?: unknown }).bytes === 'number'
  );
}
