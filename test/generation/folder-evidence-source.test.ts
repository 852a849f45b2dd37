import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { formatIndianDate, readEvidenceFolder } from '@repogen/core';
import { makePdf, makePhoto } from '../render/render-fixtures.js';

describe('evidence folder (repogen generate)', () => {
  let dir: string;

  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'repogen-evidence-folder-'));
  });

  after(() => fs.rm(dir, { recursive: true, force: true }));

  it('reads kinds from sub-folders and file names, in name order, with sizes as printed (EXIF turned)', async () => {
    const root = path.join(dir, 'folders');
    const files: [string, Buffer][] = [
      ['exterior/02-side.jpg', await makePhoto(1600, 1200, 'side')],
      ['exterior/01-front.jpg', await makePhoto(1600, 1200, 'front', 6)],
      ['screenshots/guideline-rate.png', await makePhoto(800, 600, 'g')],
      ['screenshots/other.png', await makePhoto(800, 600, 'o')],
      ['documents/sale_deed.pdf', await makePdf(1, 'Sale deed')],
    ];
    for (const [name, bytes] of files) {
      await fs.mkdir(path.dirname(path.join(root, name)), { recursive: true });
      await fs.writeFile(path.join(root, name), bytes);
    }
    const source = await readEvidenceFolder(root);
    const items = await source.list();
    assert.deepEqual(
      items.map((item) => [item.id, item.kind, item.order]),
      [
        ['01-front', 'photo.exterior', 0],
        ['02-side', 'photo.exterior', 1],
        ['guideline-rate', 'screenshot.guideline', 0],
        ['other', 'screenshot.other', 0],
        ['sale_deed', 'document.sale_deed', 0],
      ],
    );
    assert.deepEqual([items[0]!.width, items[0]!.height], [1200, 1600], 'an EXIF quarter turn swaps the printed shape');
    assert.equal(items[4]!.mime, 'application/pdf');
    assert.equal(items[4]!.title, 'Sale deed');
    assert.deepEqual(await source.read('sale_deed'), files[4]![1]);
  });

  it('takes kinds from a manifest.json and names the entry that is wrong', async () => {
    const root = path.join(dir, 'manifest');
    await fs.mkdir(root);
    await fs.writeFile(path.join(root, 'a.jpg'), await makePhoto(640, 480, 'a'));
    await fs.writeFile(path.join(root, 'manifest.json'), JSON.stringify({ files: [{ file: 'a.jpg', kind: 'photo.surroundings', title: 'Approach' }] }));
    const items = await (await readEvidenceFolder(root)).list();
    assert.deepEqual(items.map((item) => [item.id, item.kind, item.title]), [['a', 'photo.surroundings', 'Approach']]);

    await fs.writeFile(path.join(root, 'manifest.json'), JSON.stringify({ files: [{ file: 'a.jpg', kind: 'selfie' }] }));
    await assert.rejects(readEvidenceFolder(root), { code: 'EVIDENCE_INVALID', message: /manifest\.json files\[0\] has kind "selfie"/ });
    await fs.writeFile(path.join(root, 'manifest.json'), JSON.stringify({ files: [{ file: '../escape.jpg', kind: 'photo.exterior' }] }));
    await assert.rejects(readEvidenceFolder(root), { message: /outside the evidence folder/ });
    await fs.writeFile(path.join(root, 'manifest.json'), JSON.stringify({ files: [{ file: 'notes.txt', kind: 'document.other' }] }));
    await assert.rejects(readEvidenceFolder(root), { message: /notes\.txt has an unsupported type/ });
  });

  it('prints dates as Indian reports do, in India time', () => {
    assert.equal(formatIndianDate(new Date('2026-11-25T20:00:00Z')), '26-11-2026');
    assert.equal(formatIndianDate(new Date('2025-08-12T06:00:00Z')), '12-08-2025');
  });
});
