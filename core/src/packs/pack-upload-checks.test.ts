import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { PackArchive } from '@repogen/sdk';
import { DEFAULT_BUNDLED_PACKS_DIR } from './bundled-packs.js';
import { unknownEvidenceKinds } from './pack-upload-checks.js';

type KindsOfManifest = Pick<PackArchive['manifest'], 'evidence' | 'annexures'>;

describe('unknownEvidenceKinds', () => {
  it('names each kind of the evidence profile, the OCR list and the annexures that the host does not take', () => {
    const manifest = {
      evidence: {
        required: [
          { kind: 'photo.exterior', min: 1 },
          { kind: 'document.title_search', min: 1 },
        ],
        ocr: [{ kind: 'screenshot.street_view' }],
      },
      annexures: [
        { section: 'photos', heading: 'PHOTOS', kinds: ['photo.*', 'photo.drone'] },
        { section: 'other', heading: 'OTHER', kinds: ['video.*', 'document.*'] },
      ],
    } as unknown as KindsOfManifest;
    assert.deepEqual(
      unknownEvidenceKinds(manifest).map((problem) => problem.path),
      ['evidence.required[1].kind', 'evidence.ocr[0].kind', 'annexures[0].kinds[1]', 'annexures[1].kinds[0]'],
    );
  });

  it("finds none in the repository's own packs, so each of their checklists can be completed", async () => {
    const folders = await fs.readdir(DEFAULT_BUNDLED_PACKS_DIR, { withFileTypes: true });
    let packs = 0;
    for (const folder of folders.filter((entry) => entry.isDirectory())) {
      const pkg = JSON.parse(
        await fs.readFile(path.join(DEFAULT_BUNDLED_PACKS_DIR, folder.name, 'package.json'), 'utf8'),
      ) as { repogen: KindsOfManifest & { role?: string } };
      if (pkg.repogen.role !== 'pack') continue;
      packs += 1;
      assert.deepEqual(unknownEvidenceKinds(pkg.repogen), [], folder.name);
    }
    assert.ok(packs >= 6, `${packs} packs`);
  });
});
