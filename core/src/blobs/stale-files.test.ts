import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sweepStaleFiles } from './stale-files.js';

const HOUR = 3_600_000;

async function writeAged(file: string, ageMs: number, bytes = 'partial'): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, bytes);
  const at = new Date(Date.now() - ageMs);
  await fs.utimes(file, at, at);
}

describe('sweepStaleFiles', () => {
  let root: string;
  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'repogen-sweep-'));
  });
  afterEach(() => fs.rm(root, { recursive: true, force: true }));

  it('removes old matching files at any depth, and keeps fresh ones and the blobs themselves', async () => {
    const digest = 'ab'.repeat(32);
    const stale = path.join(root, 'ab', 'ab', `${digest}.4242.0a1b2c.tmp`);
    const fresh = path.join(root, 'ab', 'ab', `${digest}.4243.0d1e2f.tmp`);
    const blob = path.join(root, 'ab', 'ab', digest);
    await writeAged(stale, 25 * HOUR, '12345');
    await writeAged(fresh, 1 * HOUR);
    await writeAged(blob, 400 * HOUR);

    const swept = await sweepStaleFiles(root, { olderThanMs: 24 * HOUR, matches: (name) => name.endsWith('.tmp') });

    assert.deepEqual(swept, { removed: 1, bytes: 5 });
    await assert.rejects(fs.access(stale));
    await fs.access(fresh);
    await fs.access(blob);
  });

  it('answers an empty sweep for a folder that does not exist', async () => {
    assert.deepEqual(await sweepStaleFiles(path.join(root, 'never-made'), { olderThanMs: HOUR, matches: () => true }), {
      removed: 0,
      bytes: 0,
    });
  });
});
