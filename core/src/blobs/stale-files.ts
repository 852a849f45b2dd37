import fs from 'node:fs/promises';
import path from 'node:path';

export interface StaleFileSweep {
  readonly removed: number;
  readonly bytes: number;
}

/**
 * Removes the files below `root` that `matches` and that nobody has written for `olderThanMs`:
 * what a process killed in the middle of a write leaves behind (a blob's temporary file, an
 * upload's part). Normal failures clean up after themselves; only a kill leaves these, and the
 * age keeps the sweep off a write that another live process sharing the folder is making.
 * A missing root is an empty sweep.
 */
export async function sweepStaleFiles(
  root: string,
  options: { readonly olderThanMs: number; readonly matches: (name: string) => boolean; readonly now?: Date },
): Promise<StaleFileSweep> {
  const cutoff = (options.now ?? new Date()).getTime() - options.olderThanMs;
  let removed = 0;
  let bytes = 0;
  async function visit(folder: string): Promise<void> {
    const entries = await fs.readdir(folder, { withFileTypes: true }).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    });
    for (const entry of entries) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) await visit(file);
      else if (entry.isFile() && options.matches(entry.name)) {
        const stat = await fs.stat(file).catch(() => undefined);
        if (!stat || stat.mtimeMs > cutoff) continue;
        // Gone meanwhile (its write finished and renamed it, or another sweep) is as good as removed.
        await fs.rm(file, { force: true });
        removed += 1;
        bytes += stat.size;
      }
    }
  }
  await visit(root);
  return { removed, bytes };
}
