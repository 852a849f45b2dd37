import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import {
  assembleReportPdf,
  buildDocx,
  CarboneDocumentRenderer,
  readOutlineTitles,
  toAnnexureTemplateData,
  type PlacedImage,
} from '../../core/src/render/index.js';
import { libreOfficeOrSkip, makePdf, makePhoto, pdfToText, qpdfCheck, runningOfficePids } from './render-fixtures.js';

const INPUT_HASH = 'a3f1c2d4e5b6a7980112233445566778899aabbccddeeff00112233445566778';

function template(): Promise<Buffer> {
  return buildDocx({
    header: 'Repogen Valuers · {d.reportNo}',
    title: 'Valuation report',
    blocks: [
      { kind: 'paragraph', style: 'Title', runs: 'Valuation report {d.reportNo}' },
      { kind: 'heading', level: 1, text: '1. Property' },
      {
        kind: 'table',
        widths: [5, 8],
        rows: [
          { cells: ['Owner', '{d.owner}'] },
          { cells: ['Address', '{d.address}'] },
          { cells: ['Fair market value', '{d.marketValue:formatRupees}'] },
          { cells: ['Realisable value', '{d.realisableValue:formatIndian(2)}'] },
        ],
      },
      { kind: 'heading', level: 1, text: '2. Floors' },
      {
        kind: 'table',
        widths: [4, 4],
        rows: [
          { header: true, cells: ['Floor', 'Area (sq ft)'] },
          { cells: ['{d.floors[i].name}', '{d.floors[i].area:formatIndian}'] },
          { cells: ['{d.floors[i+1].name}', '{d.floors[i+1].area:formatIndian}'] },
        ],
      },
      { kind: 'annexurePages' },
    ],
  });
}

const DATA = {
  reportNo: 'RG/2026/0042',
  owner: 'Ravi Kumar',
  address: '12 MG Road, Pune 411001',
  marketValue: 12345678,
  realisableValue: 11111110.5,
  floors: [
    { name: 'Ground', area: 1250 },
    { name: 'First', area: 1180 },
  ],
  annexure: toAnnexureTemplateData([
    { section: 'photos', heading: 'Exterior photographs', grid: '2x2', evidenceIds: ['front', 'rear', 'side', 'gate'] },
    { section: 'photos', heading: 'Interior photographs', grid: '1x2', evidenceIds: ['kitchen', 'hall'] },
  ]),
};

describe('render: report pipeline (carbone, image step, LibreOffice, pdf-lib)', function () {
  this.timeout(120_000);
  let renderer: CarboneDocumentRenderer;
  let workDir: string;
  let photos: PlacedImage[];

  before(async function () {
    libreOfficeOrSkip(this);
    workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'repogen-render-test-'));
    renderer = new CarboneDocumentRenderer();
    // Mixed portrait and landscape; `rear` is stored landscape with an EXIF "rotate 90°" flag.
    const sizes: [string, number, number, number?][] = [
      ['front', 1600, 1200],
      ['rear', 1600, 1200, 6],
      ['side', 1600, 1000],
      ['gate', 1000, 1500],
      ['kitchen', 1600, 1200],
      ['hall', 1200, 1600],
    ];
    photos = await Promise.all(
      sizes.map(async ([id, width, height, orientation]) => ({
        id,
        data: await makePhoto(width, height, id, orientation),
      })),
    );
  });

  after(async () => {
    await renderer?.close();
    if (workDir) await fs.rm(workDir, { recursive: true, force: true });
  });

  it('fills, places 6 photos, converts and assembles a PDF that qpdf accepts', async () => {
    const templateDocx = await template();
    let started = performance.now();
    const docx = await renderer.renderDocx(templateDocx, DATA, photos);
    const docxMs = performance.now() - started;

    started = performance.now();
    const body = await renderer.convertToPdf(docx);
    const convertMs = performance.now() - started;
    const bodyPages = (await PDFDocument.load(body)).getPageCount();
    assert.equal(bodyPages, 3, 'one page of text and two annexure pages');

    started = performance.now();
    const pdf = await assembleReportPdf({
      body,
      appendices: [
        { kind: 'pdf', title: 'Sale deed', data: await makePdf(2, 'Sale deed') },
        { kind: 'image', title: 'Encumbrance certificate', data: await makePhoto(1200, 1700, 'EC scan') },
      ],
      metadata: {
        title: 'Valuation report RG/2026/0042',
        packKey: 'SBI_UNDER_5CR_V1',
        packVersion: '1.2.0',
        inputHash: INPUT_HASH,
        createdAt: new Date('2026-11-25T10:00:00Z'),
      },
      released: false,
      footerLeft: 'RG/2026/0042',
    });
    const assembleMs = performance.now() - started;
    console.log(
      `      timings: DOCX ${docxMs.toFixed(0)} ms, PDF convert ${convertMs.toFixed(0)} ms (first, includes LibreOffice start), assemble ${assembleMs.toFixed(0)} ms`,
    );

    const file = path.join(workDir, 'report.pdf');
    await fs.writeFile(file, pdf);
    // For a look at the output: REPOGEN_RENDER_TEST_OUT=/some/dir keeps the DOCX and the PDF.
    const keep = process.env.REPOGEN_RENDER_TEST_OUT;
    if (keep)
      await Promise.all([
        fs.writeFile(path.join(keep, 'report.docx'), docx),
        fs.writeFile(path.join(keep, 'report.pdf'), pdf),
      ]);
    const check = qpdfCheck(file);
    assert.ok(check.ok, check.output);

    const text = pdfToText(file);
    for (const expected of [
      'Valuation report RG/2026/0042',
      'Ravi Kumar',
      '₹1,23,45,678',
      '1,11,11,110.50',
      '1,250',
      'First',
      'EXTERIOR PHOTOGRAPHS',
      'Sale deed sheet 2',
      'RG/2026/0042',
    ]) {
      assert.ok(text.includes(expected), `the PDF text holds '${expected}'`);
    }
    for (let page = 1; page <= 6; page += 1) assert.ok(text.includes(`Page ${page} of 6`), `page ${page} is numbered`);
    // pdftotext breaks the diagonal watermark into pieces.
    assert.ok(text.replace(/\s+/g, '').includes('DRAFT'), 'the draft watermark is there');

    const assembled = await PDFDocument.load(pdf);
    assert.equal(assembled.getPageCount(), 6);
    assert.equal(assembled.getTitle(), 'Valuation report RG/2026/0042');
    assert.match(assembled.getKeywords() ?? '', new RegExp(`input-sha256:${INPUT_HASH}`));
    assert.match(assembled.getKeywords() ?? '', /pack:SBI_UNDER_5CR_V1@1\.2\.0/);
    assert.match(assembled.getSubject() ?? '', /SBI_UNDER_5CR_V1@1\.2\.0/);
    const outline = readOutlineTitles(assembled);
    for (const title of [
      '1. Property',
      '2. Floors',
      'Exterior photographs',
      'Interior photographs',
      'Sale deed',
      'Encumbrance certificate',
    ]) {
      assert.ok(
        outline.some((entry) => entry.toLowerCase() === title.toLowerCase()),
        `a bookmark '${title}' in ${JSON.stringify(outline)}`,
      );
    }

    // Four photos on the first annexure page, two on the second, one scan on the last page.
    const images = spawnSync('pdfimages', ['-list', file], { encoding: 'utf8' })
      .stdout.split('\n')
      .slice(2)
      .filter(Boolean);
    const perPage = images.reduce<Record<string, number>>((counts, line) => {
      const page = line.trim().split(/\s+/)[0]!;
      counts[page] = (counts[page] ?? 0) + 1;
      return counts;
    }, {});
    assert.deepEqual(perPage, { '2': 4, '3': 2, '6': 1 });
  });

  it('leaves the watermark out of a released report and converts warm', async () => {
    let started = performance.now();
    const docx = await renderer.renderDocx(await template(), DATA, photos);
    const docxMs = performance.now() - started;
    started = performance.now();
    const body = await renderer.convertToPdf(docx);
    const warmMs = performance.now() - started;
    const pdf = await assembleReportPdf({
      body,
      appendices: [],
      metadata: {
        title: 'Valuation report',
        packKey: 'SBI_UNDER_5CR_V1',
        packVersion: '1.2.0',
        inputHash: INPUT_HASH,
        createdAt: new Date('2026-11-25T10:00:00Z'),
      },
      released: true,
    });
    const file = path.join(workDir, 'released.pdf');
    await fs.writeFile(file, pdf);
    const text = pdfToText(file);
    assert.ok(!text.replace(/\s+/g, '').includes('DRAFT'));
    assert.ok(text.includes('Page 3 of 3'));
    console.log(`      timings: DOCX warm ${docxMs.toFixed(0)} ms, PDF convert warm ${warmMs.toFixed(0)} ms`);
  });

  it('leaves no LibreOffice process after close()', async () => {
    const officePid = renderer.converter.officePid;
    assert.ok(officePid, 'the converter is running');
    await renderer.close();
    assert.deepEqual(
      runningOfficePids().filter((pid) => pid === officePid),
      [],
    );
    await assert.rejects(renderer.convertToPdf(Buffer.alloc(0)), { code: 'RENDERER_CLOSED' });
  });
});
