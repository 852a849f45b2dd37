import crypto from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { blobStoreFull, SHA256_HEX, type BlobStore } from './blob-store.js';
import { sha256OfFile } from './file-digest.js';

/**
 * Blobs as files under `root/ab/cd/<sha256>`. A write goes to a temporary file that is
 * renamed into place, so a reader never sees a half-written blob.
 */
export function createFsBlobStore(root: string): BlobStore {
  const locate = (sha256: string) => {
    if (!SHA256_HEX.test(sha256)) throw new Error(`Not a sha256 digest: ${sha256.slice(0, 80)}`);
    return path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };
  /** Writes into place through a temporary file, so that a reader never sees a half-written blob. */
  async function store(sha256: string, write: (temporary: string) => Promise<void>): Promise<string> {
    const target = locate(sha256);
    if (await exists(target)) return sha256;
    const temporary = `${target}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`;
    try {
      await fs.mkdir(path.dirname(target), { recursive: true });
      await write(temporary);
      await fs.rename(temporary, target);
    } catch (error) {
      // A write cut short by a full disk leaves a partial file that would only take more space.
      await fs.rm(temporary, { force: true }).catch(() => undefined);
      throw isOutOfSpace(error) ? blobStoreFull() : error;
    }
    return sha256;
  }

  return {
    put(bytes) {
      const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
      return store(sha256, (temporary) => fs.writeFile(temporary, bytes, { flag: 'wx' }));
    },
    async putFile(file) {
      const sha256 = await sha256OfFile(file);
      return store(sha256, (temporary) => fs.copyFile(file, temporary, fsConstants.COPYFILE_EXCL));
    },
    async get(sha256) {
      return fs.readFile(locate(sha256)).catch((error: unknown) => {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      });
    },
    has: (sha256) => exists(locate(sha256)),
  };
}

function isOutOfSpace(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}
