import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EVIDENCE_KINDS } from '@repogen/core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('evidence kinds', () => {
  // The admin UI is bundled apart from the host, so it keeps its own labelled copy of the list.
  it('are offered by the admin UI exactly as the host takes them', async () => {
    const source = await fs.readFile(path.join(ROOT, 'admin-ui/src/workspace/evidence-kinds.ts'), 'utf8');
    const offered = [...source.matchAll(/^\s*'((?:photo|screenshot|document)\.[a-z_]+)':/gm)].map((match) => match[1]);
    assert.deepEqual(offered, [...EVIDENCE_KINDS]);
  });

  it('are listed in the README', async () => {
    const readme = await fs.readFile(path.join(ROOT, 'README.md'), 'utf8');
    assert.deepEqual(
      EVIDENCE_KINDS.filter((kind) => !readme.includes(`\`${kind}\``)),
      [],
    );
  });
});
