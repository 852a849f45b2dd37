import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { degrees, PDFDocument } from 'pdf-lib';
import {
  appendOutlineEntries,
  assembleReportPdf,
  assembleReportPdfWithSource,
  FINDINGS_HEADING,
  releaseReportPdf,
  readOutlineTitles,
  RENDER_ERROR_CODES,
  type PdfMetadata,
} from '../../core/src/render/index.js';
import { makePdf, makePhoto, pdfToText, qpdfCheck } from './render-fixtures.js';

const METADATA: PdfMetadata = {
  title: 'Valuation report ₹ test',
  packKey: 'COOP_LB_V1',
  packVersion: '2.0.1',
  inputHash: 'f'.repeat(64),
  createdAt: new Date('2026-11-25T09:30:00Z'),
};

/** A body as LibreOffice gives it: pages and a bookmark per heading, an annexure's heading on each of its pages. */
async function bodyWithSections(): Promise<Buffer> {
  const doc = await PDFDocument.load(await makePdf(4, 'Body'));
  appendOutlineEntries(doc, [
    { title: '1. Property', page: doc.getPage(0) },
    { title: '2. Valuation', page: doc.getPage(1) },
    { title: 'SITE IMAGES', page: doc.getPage(2) },
    { title: 'SITE IMAGES', page: doc.getPage(3) },
  ]);
  return Buffer.from(await doc.save());
}

/** An uploaded scan whose page is stored sideways (/Rotate 90). */
async function sidewaysPdf(): Promise<Buffer> {
  const doc = await PDFDocument.load(await makePdf(1, 'Sideways'));
  doc.getPage(0).setRotation(degrees(90));
  return Buffer.from(await doc.save());
}

describe('render: PDF assembly', function () {
  this.timeout(30_000);
  let workDir: string;

  before(async () => {
    workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'repogen-pdf-test-'));
  });

  after(() => fs.rm(workDir, { recursive: true, force: true }));

  it('appends documents in order, numbers every page, bookmarks every section and keeps qpdf happy', async () => {
    const pdf = await assembleReportPdf({
      body: await bodyWithSections(),
      appendices: [
        { kind: 'pdf', title: 'Sale deed', data: await makePdf(2, 'Sale deed') },
        { kind: 'image', title: 'Approved plan', data: await makePhoto(1800, 1200, 'plan') },
        { kind: 'pdf', title: 'Tax receipt', data: await sidewaysPdf() },
      ],
      metadata: METADATA,
      released: false,
      footerLeft: 'Ref ₹/42',
      footerRight: '25-11-2026',
    });
    const file = path.join(workDir, 'assembled.pdf');
    await fs.writeFile(file, pdf);
    assert.ok(qpdfCheck(file).ok, qpdfCheck(file).output);

    const doc = await PDFDocument.load(pdf);
    assert.equal(doc.getPageCount(), 8);
    assert.deepEqual(readOutlineTitles(doc), [
      '1. Property',
      '2. Valuation',
      'SITE IMAGES',
      'Sale deed',
      'Approved plan',
      'Tax receipt',
    ]);
    const plan = doc.getPage(6);
    assert.ok(plan.getWidth() > plan.getHeight(), 'a landscape scan gets a landscape page');

    const text = pdfToText(file);
    const order = ['Body sheet 4', 'Sale deed sheet 1', 'Sale deed sheet 2', 'Sideways sheet 1'].map((marker) =>
      text.indexOf(marker),
    );
    assert.ok(
      order.every((position, index) => position >= 0 && (index === 0 || position > (order[index - 1] ?? 0))),
      `appended in order: ${order.join()}`,
    );
    for (let page = 1; page <= 8; page += 1) assert.ok(text.includes(`Page ${page} of 8`));
    assert.ok(text.includes('Ref ₹/42') && text.includes('25-11-2026'));

    assert.equal(doc.getTitle(), METADATA.title);
    assert.equal(doc.getCreator(), 'Repogen');
    assert.deepEqual(doc.getCreationDate(), METADATA.createdAt);
    assert.match(doc.getKeywords() ?? '', /pack:COOP_LB_V1@2\.0\.1 input-sha256:f{64} draft/);
  });

  it('appends the checker findings to a draft only, on pages of their own, so the released PDF is the report alone', async () => {
    const long = 'Built-up area exceeds the approved plan by 2.17 %, and the valuer has not yet written why. '.repeat(6);
    const findings = {
      provenance: 'Draft version 2 generated on 25-11-2026 (COOP_LB_V1 2.0.1, input ' + 'f'.repeat(64) + ')',
      items: Array.from({ length: 40 }, (_, index) => ({ level: index % 2 ? 'warn' : 'error', code: `CHECK_${index}`, message: index === 3 ? long : `Finding number ${index}` })),
    };
    const request = { body: await makePdf(2, 'Body'), appendices: [], metadata: METADATA, released: false, findings, footerLeft: 'Ref 7' } as const;
    const { pdf, source } = await assembleReportPdfWithSource(request);
    const draftFile = path.join(workDir, 'findings-draft.pdf');
    const releasedFile = path.join(workDir, 'findings-released.pdf');
    await fs.writeFile(draftFile, pdf);
    await fs.writeFile(releasedFile, await releaseReportPdf(source, { packKey: 'COOP_LB_V1', packVersion: '2.0.1', inputHash: 'f'.repeat(64) }));
    assert.ok(qpdfCheck(draftFile).ok, qpdfCheck(draftFile).output);

    const draftText = pdfToText(draftFile);
    const draft = await PDFDocument.load(pdf);
    assert.ok(draft.getPageCount() >= 4, 'the findings run over pages of their own');
    assert.ok(draftText.includes(FINDINGS_HEADING) && draftText.includes('CHECK_39') && draftText.includes('Draft version 2 generated on 25-11-2026'));
    assert.ok(draftText.includes('has not yet written why'), 'a long finding is wrapped, not cut');
    assert.ok(draftText.includes('Page 2 of 2') && draftText.includes('Findings 1 of'), 'the report keeps its own page numbers');
    assert.ok(readOutlineTitles(draft).includes('Checker findings (draft only)'));

    const releasedText = pdfToText(releasedFile);
    assert.equal((await PDFDocument.load(await fs.readFile(releasedFile))).getPageCount(), 2);
    assert.ok(!releasedText.includes('CHECKER FINDINGS') && !releasedText.includes('CHECK_0'), 'no findings in the released PDF');
  });

  it('gives the same bytes for the same input', async () => {
    const request = { body: await makePdf(1, 'Same'), appendices: [], metadata: METADATA, released: true } as const;
    const [first, second] = await Promise.all([assembleReportPdf(request), assembleReportPdf(request)]);
    assert.ok(first.equals(second));
  });

  it('names the appended document that is no PDF', async () => {
    const request = {
      body: await makePdf(1, 'Body'),
      appendices: [
        { kind: 'pdf', title: 'Deed', data: await makePdf(1, 'Deed') },
        { kind: 'pdf', title: 'Broken', data: Buffer.from('not a pdf') },
      ],
      metadata: METADATA,
      released: false,
    } as const;
    await assert.rejects(assembleReportPdf(request), {
      code: RENDER_ERROR_CODES.documentInvalid,
      details: { index: 1, title: 'Broken' },
      message: /^Appended document 2 \("Broken"\) is not a readable PDF/,
    });
  });
});
