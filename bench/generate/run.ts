/**
 * Report generation time: the median DOCX-only and DOCX+PDF time of the whole pipeline
 * (sandbox compute and layout, carbone, image placing, LibreOffice, pdf-lib assembly) for the
 * SBI fixture with 12 photos and a 2-page document, beside the bare equivalent: carbone filling
 * the same template with the same data, the same photos (normalised beforehand) put in their
 * slots, and the same kept-alive LibreOffice converting; and the ratio. What the ratio measures
 * is what the pipeline adds: sandbox compute and layout, image normalisation, PDF assembly
 * (appended document, page numbers, watermark, bookmarks).
 *
 *   node --no-node-snapshot --import tsx bench/generate/run.ts
 *   targets: DOCX ≤ 300 ms; PDF pack ≤ 2.5 s; ratio to the bare pipeline ≤ 1.25
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import {
  buildDocx,
  buildReportTemplateData,
  CarboneDocumentRenderer,
  CarboneDocxFiller,
  createPackSandbox,
  LibreOfficeConverter,
  normaliseImage,
  placeImages,
  runReportPipeline,
  type EvidenceItem,
  type EvidenceSource,
} from '@repogen/core';
import { buildPack, compileInputSchema, discoverFixtures, DEFAULT_FIXTURE_NOW, readPackArchive, reasonRequiredFields, sha256, type JsonValue } from '@repogen/sdk';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';

type RunnablePack = Parameters<typeof runReportPipeline>[1]['pack'];

const PACK_DIR = fileURLToPath(new URL('../../template-packs/sbi-under-5cr-v1', import.meta.url));
const DOCX_SAMPLES = 15;
const PDF_SAMPLES = 7;

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timeEach(count: number, call: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await call();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** A stand-in for the SBI template while the pack has none: the same contract, a page of values and the annexures. */
function fallbackTemplate(): Promise<Buffer> {
  return buildDocx({
    header: '{d.report.reference} · v{d.report.version}',
    blocks: [
      { kind: 'paragraph', style: 'Title', runs: '{d.report.title}' },
      {
        kind: 'table',
        widths: [6, 8],
        rows: [
          { cells: ['Borrower', '{d.input.addressee.borrower}'] },
          { cells: ['Fair market value', '{d.values.fairMarketValue:formatRupees}'] },
          { cells: ['In words', '{d.values.fairMarketValueWords}'] },
          { cells: ['Realisable value', '{d.values.realizableValue:formatRupees}'] },
          { cells: ['Distress value', '{d.values.distressValue:formatRupees}'] },
        ],
      },
      { kind: 'table', widths: [6, 8], rows: [{ cells: ['{d.warnings[i].code}', '{d.warnings[i].message}'] }, { cells: ['{d.warnings[i+1].code}', '{d.warnings[i+1].message}'] }] },
      { kind: 'annexurePages' },
    ],
  });
}

async function runnableSbi(): Promise<{ pack: RunnablePack; input: JsonValue; now: string; templateSource: string }> {
  const built = await buildPack(PACK_DIR, { write: false });
  const archive = await readPackArchive(built.bytes);
  const [fixture] = discoverFixtures(built.files);
  if (!fixture) throw new Error('the SBI pack has no fixture');
  const schema = JSON.parse(archive.files.get('schema.json')!.toString('utf8')) as JsonValue;
  const compiled = compileInputSchema(schema);
  if (!compiled.ok) throw new Error('the SBI schema does not compile');
  let manifest = archive.manifest;
  const files = new Map(archive.files);
  let templateSource = 'the pack’s templates/report.docx';
  if (!manifest.templates.some((template) => template.id === 'report')) {
    files.set('templates/report.docx', await fallbackTemplate());
    manifest = { ...manifest, templates: [{ id: 'report', file: 'templates/report.docx' }] };
    templateSource = 'a stand-in template (the pack has no report template yet)';
  }
  const logic = archive.files.get('logic.js')!.toString('utf8');
  const pack = {
    detail: {
      key: manifest.key,
      version: manifest.version,
      family: manifest.family,
      title: manifest.title,
      status: 'published',
      scope: 'global',
      digest: archive.digest,
      archiveSize: built.bytes.length,
      createdAt: new Date().toISOString(),
      statusChangedAt: new Date().toISOString(),
      statusReason: null,
      manifest,
      schema,
      description: { formulas: [], rules: [], operations: [] },
      reasonRequired: reasonRequiredFields(schema),
    },
    sandboxRef: { key: manifest.key, version: manifest.version, tenantId: null, logic, digest: sha256(logic) },
    validateInput: compiled.validate,
    archive: { ...archive, manifest, files },
    settings: {},
  } satisfies RunnablePack;
  return { pack, input: fixture.input, now: fixture.expected.now ?? DEFAULT_FIXTURE_NOW, templateSource };
}

async function photo(index: number, width: number, height: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#${(0x2a6f97 + index * 0x0a0a0a).toString(16).slice(-6)}"/><text x="50%" y="50%" font-size="120" text-anchor="middle" fill="white">Photo ${index}</text></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

async function twoPagePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const n of [1, 2]) doc.addPage([595.28, 841.89]).drawText(`Sale deed sheet ${n}`, { x: 72, y: 760, size: 18, font });
  return Buffer.from(await doc.save());
}

/** 12 photos (exterior, interior, surroundings, GPS; portrait and landscape) and a 2-page sale deed. */
async function evidence(): Promise<EvidenceSource> {
  const kinds = ['photo.exterior', 'photo.exterior', 'photo.exterior', 'photo.interior', 'photo.interior', 'photo.interior', 'photo.interior', 'photo.surroundings', 'photo.surroundings', 'photo.gps', 'photo.gps', 'photo.exterior'];
  const items: EvidenceItem[] = [];
  const bytes = new Map<string, Buffer>();
  for (const [index, kind] of kinds.entries()) {
    const [width, height] = index % 3 === 0 ? [1200, 1600] : [1600, 1200];
    const id = `photo-${index + 1}`;
    const data = await photo(index, width, height);
    bytes.set(id, data);
    items.push({ id, kind, mime: 'image/jpeg', size: data.length, width, height, order: index, title: id });
  }
  const deed = await twoPagePdf();
  bytes.set('sale-deed', deed);
  items.push({ id: 'sale-deed', kind: 'document.sale_deed', mime: 'application/pdf', size: deed.length, order: 0, title: 'Sale deed' });
  return { list: () => Promise.resolve(items), read: (id) => Promise.resolve(bytes.get(id)!) };
}

async function main(): Promise<void> {
  const { pack, input, now, templateSource } = await runnableSbi();
  const source = await evidence();
  const sandbox = createPackSandbox();
  const renderer = new CarboneDocumentRenderer();
  const bareFiller = new CarboneDocxFiller();
  const bareConverter = new LibreOfficeConverter();
  try {
    await Promise.all([renderer.converter.start(), bareConverter.start()]);
    const request = (pdf: boolean) => ({
      pack,
      callerTenantId: 'bench',
      input,
      evidence: source,
      report: { title: 'Valuation report', reference: 'BENCH/0001', version: 1, draft: true },
      now: new Date(now),
      pdf,
    });
    // The bare baseline fills the same template with the same data (values and pages from one pipeline run).
    const sample = await runReportPipeline({ sandbox, renderer }, request(true));
    const template = pack.archive.files.get('templates/report.docx')!;
    const data = buildReportTemplateData({
      header: { title: 'Valuation report', reference: 'BENCH/0001', version: 1, generatedOn: '12-08-2025', packKey: pack.detail.key, packVersion: pack.detail.version, inputSha256: sample.inputSha256, draft: true },
      input: sample.input,
      values: sample.values,
      warnings: sample.warnings,
      pages: sample.pages.filter((page) => !page.evidenceIds.includes('sale-deed')),
    });
    const pdfPages = (await PDFDocument.load(sample.pdf!)).getPageCount();
    const placed = new Map(
      await Promise.all(
        (await source.list())
          .filter((item) => item.mime.startsWith('image/'))
          .map(async (item) => [item.id, await normaliseImage(item.id, await source.read(item.id))] as const),
      ),
    );
    const bareDocx = async () => placeImages(await bareFiller.fill(template, data), placed);

    for (let i = 0; i < 3; i++) await runReportPipeline({ sandbox, renderer }, request(true));
    for (let i = 0; i < 3; i++) await bareConverter.convertToPdf(await bareDocx());

    const docxMs = await timeEach(DOCX_SAMPLES, () => runReportPipeline({ sandbox, renderer }, request(false)));
    const bareDocxMs = await timeEach(DOCX_SAMPLES, bareDocx);
    const pdfMs = await timeEach(PDF_SAMPLES, () => runReportPipeline({ sandbox, renderer }, request(true)));
    const barePdfMs = await timeEach(PDF_SAMPLES, async () => bareConverter.convertToPdf(await bareDocx()));

    const line = (label: string, ours: number, bare: number, target: number) =>
      `  ${label.padEnd(10)} pipeline ${ours.toFixed(0).padStart(6)} ms   bare ${bare.toFixed(0).padStart(6)} ms   ratio ${(ours / bare).toFixed(2)}   target ≤ ${target} ms ${ours <= target ? 'met' : 'MISSED'}`;
    console.log(`SBI fixture, 12 photos + a 2-page document (${sample.pages.length} annexure pages, ${pdfPages} PDF pages); template: ${templateSource}`);
    console.log(line('DOCX', docxMs, bareDocxMs, 300));
    console.log(line('DOCX+PDF', pdfMs, barePdfMs, 2500));
    if (process.env.BENCH_STEPS) {
      const steps: string[] = [];
      await runReportPipeline({ sandbox, renderer }, { ...request(true), onProgress: (event) => {
          if (event.state === 'done') steps.push(`${event.step} ${event.ms ?? 0} ms`);
        },
      });
      console.log(`  steps: ${steps.join(', ')}`);
    }
    console.log('  bare: carbone + photo slots (pre-normalised) + LibreOffice, no sandbox, no assembly; ratio target ≤ 1.25');
  } finally {
    await Promise.all([renderer.close(), bareFiller.close(), bareConverter.close(), sandbox.close()]);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
