import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { create } from 'tar';
import type { BuiltManifest } from './pack-archive.js';

/** A fixed timestamp so that the same content always gives the same archive bytes. */
const EPOCH = new Date('2000-01-01T00:00:00Z');

export function sha256(bytes: Buffer | string): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/** Serialises with keys sorted at every level, so the manifest's bytes (and digest) are stable. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 2) + '\n';
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/**
 * Writes a deterministic gzipped tar: sorted entries, fixed times, no owner metadata.
 * Returns the archive's bytes and its content digest.
 */
export async function writePackArchive(
  manifest: Omit<BuiltManifest, 'files'>,
  files: ReadonlyMap<string, Buffer>,
): Promise<{ bytes: Buffer; digest: string; manifest: BuiltManifest }> {
  const digests: Record<string, string> = Object.fromEntries(
    [...files.keys()].sort().map((name) => [name, sha256(files.get(name)!)] as const),
  );
  const built: BuiltManifest = { ...manifest, files: digests };
  const manifestBytes = Buffer.from(canonicalJson(built));
  const staging = await fs.mkdtemp(path.join(os.tmpdir(), 'repogen-pack-'));
  try {
    const names = ['manifest.json', ...[...files.keys()].sort()];
    await fs.writeFile(path.join(staging, 'manifest.json'), manifestBytes);
    for (const [name, bytes] of files) {
      const target = path.join(staging, name);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, bytes);
    }
    const chunks: Buffer[] = [];
    const stream = create({ gzip: true, portable: true, mtime: EPOCH, cwd: staging, noDirRecurse: true }, names);
    for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
    return { bytes: Buffer.concat(chunks), digest: sha256(manifestBytes), manifest: built };
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
}
