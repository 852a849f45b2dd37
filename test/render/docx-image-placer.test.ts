import assert from 'node:assert/strict';
import JSZip from 'jszip';
import {
  buildDocx,
  CarboneDocxFiller,
  cellBox,
  mmToEmu,
  normaliseImage,
  placeImages,
  RENDER_ERROR_CODES,
  toAnnexureTemplateData,
  type NormalisedImage,
} from '../../core/src/render/index.js';
import { makePhoto } from './render-fixtures.js';

interface Drawing {
  readonly descr: string;
  readonly docPrId: string;
  readonly cx: number;
  readonly cy: number;
  readonly embed: string;
}

async function readDocx(
  docx: Buffer,
): Promise<{ zip: JSZip; drawings: Drawing[]; rels: string; contentTypes: string }> {
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file('word/document.xml')!.async('string');
  const drawings = [...xml.matchAll(/<w:drawing>[\s\S]*?<\/w:drawing>/g)].map(([drawing]) => ({
    descr: /descr="([^"]*)"/.exec(drawing)?.[1] ?? '',
    docPrId: /<wp:docPr id="(\d+)"/.exec(drawing)?.[1] ?? '',
    cx: Number(/<wp:extent cx="(\d+)"/.exec(drawing)?.[1]),
    cy: Number(/<wp:extent cx="\d+" cy="(\d+)"/.exec(drawing)?.[1]),
    embed: /r:embed="([^"]*)"/.exec(drawing)?.[1] ?? '',
  }));
  const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
  const contentTypes = await zip.file('[Content_Types].xml')!.async('string');
  return { zip, drawings, rels, contentTypes };
}

describe('render: DOCX image step', function () {
  this.timeout(20_000);
  const filler = new CarboneDocxFiller();
  const images = new Map<string, NormalisedImage>();

  before(async () => {
    const photos: [string, number, number][] = [
      ['front', 1600, 1200],
      ['rear', 1200, 1600],
      ['kitchen', 1600, 900],
      ['hall', 900, 1600],
      ['road', 1500, 1500],
      ['gps', 1200, 1600],
    ];
    for (const [id, width, height] of photos)
      images.set(id, await normaliseImage(id, await makePhoto(width, height, id)));
  });

  after(() => filler.close());

  for (const orientation of ['portrait', 'landscape'] as const) {
    it(`places every slot of looped annexure pages on an A4 ${orientation} template`, async () => {
      const template = await buildDocx({
        orientation,
        blocks: [{ kind: 'heading', level: 1, text: 'Report for {d.owner}' }, { kind: 'annexurePages' }],
      });
      const annexure = toAnnexureTemplateData([
        { section: 'photos', heading: 'Exterior', grid: '2x2', evidenceIds: ['front', 'rear', 'kitchen', 'hall'] },
        { section: 'photos', heading: 'Surroundings', grid: '2x1', evidenceIds: ['road', 'front'] },
        { section: 'gps', heading: 'GPS', grid: '1x1', evidenceIds: ['gps'] },
      ]);
      const filled = await filler.fill(template, { owner: 'Ravi', annexure });
      const placed = await placeImages(filled, images);
      const { zip, drawings, rels, contentTypes } = await readDocx(placed);
      const templateArea = (await readDocx(filled)).drawings[0]!;

      assert.deepEqual(
        drawings.map((drawing) => drawing.descr),
        [
          'evidence:front;grid=2x2',
          'evidence:rear;grid=2x2',
          'evidence:kitchen;grid=2x2',
          'evidence:hall;grid=2x2',
          'evidence:road;grid=2x1',
          'evidence:front;grid=2x1',
          'evidence:gps;grid=1x1',
        ],
      );
      // One media part and one relationship per distinct image: `front` appears twice.
      const media = Object.values(zip.files).filter((file) => !file.dir && file.name.startsWith('word/media/'));
      assert.equal(media.length, 6, media.map((file) => file.name).join());
      assert.equal((rels.match(/relationships\/image"/g) ?? []).length, 6);
      assert.equal(drawings[0]!.embed, drawings[5]!.embed);
      assert.ok(!rels.includes('annexure-placeholder'), 'the unused placeholder relationship is removed');
      assert.match(contentTypes, /Extension="jpeg"/);
      // carbone's loops copy the drawing ids; Word refuses duplicates.
      assert.equal(new Set(drawings.map((drawing) => drawing.docPrId)).size, drawings.length);

      for (const drawing of drawings) {
        const evidenceId = /evidence:([^;]+)/.exec(drawing.descr)![1]!;
        const grid = /grid=(\dx\d)/.exec(drawing.descr)![1] as '2x2' | '2x1' | '1x1';
        const image = images.get(evidenceId)!;
        const box = cellBox(templateArea, grid);
        assert.ok(drawing.cx <= box.cx && drawing.cy <= box.cy, `${evidenceId} fits its ${grid} cell`);
        assert.ok(drawing.cx === box.cx || drawing.cy === box.cy, `${evidenceId} fills its cell in one direction`);
        const ratio = drawing.cx / drawing.cy;
        assert.ok(Math.abs(ratio - image.widthPx / image.heightPx) < 0.01, `${evidenceId} keeps its aspect ratio`);
      }
      const [landscapePhoto, portraitPhoto] = [drawings[0]!, drawings[1]!];
      assert.ok(landscapePhoto.cx > landscapePhoto.cy && portraitPhoto.cy > portraitPhoto.cx);
      if (orientation === 'landscape')
        assert.ok(templateArea.cx > templateArea.cy, 'a landscape page gets a wide image area');
    });
  }

  it('prints one section’s pages where the format puts them and the others after the text between', async () => {
    const template = await buildDocx({
      blocks: [
        { kind: 'annexurePages', sections: ['photos'] },
        { kind: 'paragraph', runs: 'ANNEXURE 2 — PROGRESS SHEET' },
        { kind: 'annexurePages', exceptSections: ['photos'] },
      ],
    });
    const annexure = toAnnexureTemplateData([
      { section: 'photos', heading: 'Photographs', grid: '2x1', evidenceIds: ['front', 'rear'] },
      { section: 'photos', heading: 'Photographs', grid: '1x1', evidenceIds: ['kitchen'] },
      { section: 'site-plan', heading: 'Site plan', grid: '1x1', evidenceIds: ['gps'] },
    ]);
    const placed = await placeImages(await filler.fill(template, { annexure }), images);
    const { zip, drawings } = await readDocx(placed);
    assert.deepEqual(
      drawings.map((drawing) => drawing.descr),
      ['evidence:front;grid=2x1', 'evidence:rear;grid=2x1', 'evidence:kitchen;grid=1x1', 'evidence:gps;grid=1x1'],
    );
    const text = [...(await zip.file('word/document.xml')!.async('string')).matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)]
      .map((match) => match[1]?.trim())
      .filter(Boolean);
    assert.deepEqual(text, ['Photographs', 'Photographs', 'ANNEXURE 2 — PROGRESS SHEET', 'Site plan']);
    assert.equal(new Set(drawings.map((drawing) => drawing.docPrId)).size, drawings.length);
  });

  it('fills a hand-made slot without a grid to its own box', async () => {
    const template = await buildDocx({ blocks: [{ kind: 'annexurePages', imageArea: { widthMm: 80, heightMm: 40 } }] });
    // The builder's slots carry a grid; a plain `evidence:<id>` description uses the picture's own extent.
    const zip = await JSZip.loadAsync(template);
    const xml = await zip.file('word/document.xml')!.async('string');
    zip.file(
      'word/document.xml',
      xml.replace(/\{d\.annexure[^}]*\}/g, '').replace(/descr="[^"]*"/, 'descr="evidence:{d.photo}"'),
    );
    const handMade = await zip.generateAsync({ type: 'nodebuffer' });
    const filled = await filler.fill(handMade, { photo: 'rear' });
    const { drawings } = await readDocx(await placeImages(filled, images));
    assert.equal(drawings.length, 1);
    assert.equal(drawings[0]!.cy, mmToEmu(40));
    assert.equal(drawings[0]!.cx, Math.round((mmToEmu(40) * 1200) / 1600));
  });

  it('refuses a slot whose evidence was not supplied', async () => {
    const template = await buildDocx({ blocks: [{ kind: 'annexurePages' }] });
    const annexure = toAnnexureTemplateData([
      { section: 'photos', heading: 'Exterior', grid: '1x1', evidenceIds: ['unknown'] },
    ]);
    const filled = await filler.fill(template, { annexure });
    await assert.rejects(placeImages(filled, images), { code: RENDER_ERROR_CODES.evidenceMissing });
  });
});
