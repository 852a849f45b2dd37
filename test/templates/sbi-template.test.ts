import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import JSZip from 'jszip';
import {
  buildPack,
  DEFAULT_FIXTURE_NOW,
  discoverFixtures,
  PACK_GLOBAL,
  type BuiltPack,
  type ComputeResult,
  type EvidenceManifestItem,
  type FixtureCase,
  type InvokeResponse,
  type JsonValue,
  type LayoutResult,
  type PackGlobal,
} from '@repogen/sdk';
import { CarboneDocumentRenderer, toAnnexureTemplateData, type PlacedImage } from '../../core/src/render/index.js';
import { libreOfficeOrSkip, makePhoto, pdfToText } from '../render/render-fixtures.js';
import { SBI_PACK_DIR } from '../support/pack-sources.js';

const TEMPLATE_FILE = path.join(SBI_PACK_DIR, 'templates/report.docx');
const BUILD_SCRIPT = path.join(SBI_PACK_DIR, 'template-src/build-template.ts');
const TEMPLATE_README = path.join(SBI_PACK_DIR, 'template-src/README.md');

/** Headings every SBI report prints, whichever the variant. */
const COMMON_HEADINGS = [
  'VALUATION SUMMARY',
  'I. GENERAL',
  'II. CHARACTERISTICS OF THE SITE',
  'TOTAL ABSTRACT OF THE ENTIRE PROPERTY',
  'METHOD OF VALUATION AND REMARKS',
  'VALUE OF THE PROPERTY',
  'CERTIFICATE BY THE BANK’S OFFICER',
  'DECLARATION-CUM-UNDERTAKING',
  'MODEL CODE OF CONDUCT FOR VALUERS',
  'DOCUMENT CHECKLIST',
  'ENCLOSURES',
  'SITE IMAGES',
  'GPS PHOTOGRAPHS',
  'GUIDELINE VALUE',
  'GOOGLE MAP',
  'DOCUMENTS',
];
const LAND_AND_BUILDING_HEADINGS = [
  'VALUATION REPORT (IN RESPECT OF LAND / SITE AND BUILDING)',
  'PART A — VALUATION OF LAND',
  'PART B — VALUATION OF BUILDING',
  'PART C — EXTRA ITEMS',
  'PART D — AMENITIES',
  'PART E — MISCELLANEOUS',
  'PART F — SERVICES',
];
const FLAT_HEADINGS = [
  'VALUATION REPORT (IN RESPECT OF FLATS)',
  'FLAT DETAILS',
  'V. MARKETABILITY AND RATE',
  'VI. COMPOSITE RATE ADOPTED AFTER DEPRECIATION',
  'DETAILS OF VALUATION',
];

/** The evidence of every test report: mixed portrait and landscape, one of each annexure kind. */
const EVIDENCE: readonly (readonly [id: string, kind: string, width: number, height: number])[] = [
  ['ext-front', 'photo.exterior', 1600, 1200],
  ['ext-road', 'photo.exterior', 1200, 1600],
  ['int-living', 'photo.interior', 1600, 1200],
  ['int-kitchen', 'photo.interior', 1600, 1000],
  ['gps-gate', 'photo.gps', 1200, 1600],
  ['guideline-asr', 'screenshot.guideline', 1080, 2400],
  ['map-site', 'screenshot.map', 1600, 1000],
  ['deed-page1', 'document.sale_deed', 1240, 1754],
];

interface ValueRow {
  readonly floor: string;
  readonly netValue: number;
  readonly replacementCost: number;
}

interface RenderedFixture {
  readonly name: string;
  readonly values: ComputeResult['values'];
  /** pdftotext output with whitespace collapsed and line-end hyphenation joined. */
  readonly text: string;
  readonly filledXml: string;
  readonly pdfFile: string;
}

function loadLogic(logic: Buffer): PackGlobal {
  const context = vm.createContext(Object.create(null) as object);
  vm.runInContext(logic.toString('utf8'), context, { filename: 'logic.js', timeout: 5000 });
  const entry = (context as Record<string, PackGlobal | undefined>)[PACK_GLOBAL];
  assert.ok(entry, 'logic.js defines the pack global');
  return entry;
}

function call<T>(entry: PackGlobal, operation: string, request: unknown): T {
  const response = JSON.parse(entry.invoke(operation, JSON.stringify(request))) as InvokeResponse<T>;
  if (!response.ok) assert.fail(`${operation} failed: ${response.error.code} ${response.error.message}`);
  return response.result;
}

function indian(amount: number): string {
  return new Intl.NumberFormat('en-IN', { minimumFractionDigits: 0, maximumFractionDigits: 0 }).format(amount);
}

/** pdftotext drops the hyphen of a word broken at a hyphen ("Eighty-" / "One" → "EightyOne"). */
function printedIn(text: string, expected: string): boolean {
  return text.includes(expected) || text.replace(/-/g, '').includes(expected.replace(/-/g, ''));
}

function normalise(text: string): string {
  return text
    .replace(/-\s*\n\s*/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The template data contract the generation pipeline passes to carbone as `d`. */
function templateData(
  fixture: FixtureCase,
  result: ComputeResult,
  layout: LayoutResult,
  packVersion: string,
): Record<string, JsonValue | object> {
  const input = fixture.input as { reportMeta?: { status?: string } };
  return {
    report: {
      title: 'SBI Format A report',
      reference: `v1:assignment:${fixture.name}`,
      version: 1,
      generatedOn: '25-11-2026',
      packKey: 'SBI_UNDER_5CR_V1',
      packVersion,
      inputSha256: crypto.createHash('sha256').update(JSON.stringify(fixture.input)).digest('hex'),
      draft: input.reportMeta?.status !== 'FINAL',
    },
    input: fixture.input,
    values: result.values,
    warnings: result.warnings.map(({ code, level, message }) => ({ code, level, message })),
    annexure: toAnnexureTemplateData(layout.pages),
  };
}

describe('templates: SBI Format A report.docx', function () {
  this.timeout(180_000);
  let built: BuiltPack;
  let entry: PackGlobal;
  let renderer: CarboneDocumentRenderer;
  let workDir: string;
  let images: PlacedImage[];
  const rendered = new Map<string, RenderedFixture>();

  before(async function () {
    libreOfficeOrSkip(this);
    workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'repogen-sbi-template-'));
    renderer = new CarboneDocumentRenderer();
    built = await buildPack(SBI_PACK_DIR, { write: false });
    entry = loadLogic(built.files.get('logic.js')!);
    images = await Promise.all(
      EVIDENCE.map(async ([id, , width, height]) => ({ id, data: await makePhoto(width, height, id) })),
    );
  });

  after(async () => {
    await renderer?.close();
    if (workDir) await fs.rm(workDir, { recursive: true, force: true });
  });

  it('ships the template in the manifest and in the built pack', () => {
    assert.deepEqual(built.manifest.templates, [
      { id: 'report', file: 'templates/report.docx', title: 'SBI Format A report' },
    ]);
    assert.ok(built.files.get('templates/report.docx')?.length, 'the archive holds the DOCX');
  });

  it('renders every fixture to a PDF through carbone, the image step and LibreOffice', async () => {
    const template = await fs.readFile(TEMPLATE_FILE);
    const evidence: EvidenceManifestItem[] = EVIDENCE.map(([id, kind, width, height], order) => ({
      id,
      kind,
      mime: 'image/jpeg',
      size: 1000,
      width,
      height,
      order,
    }));
    const layout = call<LayoutResult>(entry, 'layout', { evidence });
    const keep = process.env.REPOGEN_RENDER_TEST_OUT;
    const fixtures = discoverFixtures(built.files);
    assert.ok(fixtures.length >= 5, `${fixtures.length} fixtures`);
    for (const fixture of fixtures) {
      const result = call<ComputeResult>(entry, 'compute', {
        input: fixture.input,
        now: fixture.expected.now ?? DEFAULT_FIXTURE_NOW,
        ...(fixture.expected.settings ? { settings: fixture.expected.settings } : {}),
      });
      const data = templateData(fixture, result, layout, built.manifest.version);
      const docx = await renderer.renderDocx(template, data, images);
      const pdf = await renderer.convertToPdf(docx);
      const pdfFile = path.join(workDir, `${fixture.name}.pdf`);
      await fs.writeFile(pdfFile, pdf);
      if (keep) {
        await fs.writeFile(path.join(keep, `${fixture.name}.docx`), docx);
        await fs.writeFile(path.join(keep, `${fixture.name}.pdf`), pdf);
      }
      const zip = await JSZip.loadAsync(docx);
      const parts = await Promise.all(
        Object.keys(zip.files)
          .filter((name) => /^word\/(document|header\d*)\.xml$/.test(name))
          .map((name) => zip.file(name)!.async('string')),
      );
      rendered.set(fixture.name, {
        name: fixture.name,
        values: result.values,
        text: normalise(pdfToText(pdfFile)),
        filledXml: parts.join('\n'),
        pdfFile,
      });
    }
  });

  it('leaves no carbone tag unreplaced', () => {
    assert.ok(rendered.size > 0, 'the fixtures were rendered');
    for (const fixture of rendered.values()) {
      assert.ok(!fixture.text.includes('{d.'), `${fixture.name}: no tag in the PDF text`);
      assert.ok(!fixture.filledXml.includes('{d.'), `${fixture.name}: no tag in the DOCX`);
      assert.doesNotMatch(fixture.text, /undefined|NaN|\[object Object\]|\bfalse\b/, fixture.name);
      assert.doesNotMatch(
        fixture.text,
        /\b(OWNER_OCCUPIED|TENANTED|FREEHOLD|LEASEHOLD|RCC_FRAMED|LOAD_BEARING|SEMI_URBAN|A_LAND_AND_BUILDING|C_FLAT)\b/,
        `${fixture.name}: enum codes print as words`,
      );
    }
  });

  it('prints every section heading of the format', () => {
    assert.ok(rendered.size > 0, 'the fixtures were rendered');
    for (const fixture of rendered.values()) {
      const isFlat = fixture.values.isFlat === true;
      for (const heading of [...COMMON_HEADINGS, ...(isFlat ? FLAT_HEADINGS : LAND_AND_BUILDING_HEADINGS)]) {
        assert.ok(fixture.text.includes(heading), `${fixture.name}: heading '${heading}'`);
      }
      for (const absent of isFlat ? LAND_AND_BUILDING_HEADINGS : FLAT_HEADINGS) {
        assert.ok(!fixture.text.includes(absent), `${fixture.name}: no '${absent}'`);
      }
      assert.ok(fixture.text.includes('CHECKER FINDINGS (DRAFT ONLY)'), `${fixture.name}: drafts list the findings`);
      assert.ok(fixture.text.includes('Draft version 1 generated on 25-11-2026'), `${fixture.name}: draft note`);
    }
  });

  it('prints the fixtures’ values in Indian format, in figures and in words', () => {
    assert.ok(rendered.size > 0, 'the fixtures were rendered');
    for (const { name, values, text } of rendered.values()) {
      const printed = [
        'fairMarketValueDisplay',
        'fairMarketValueWords',
        'realizableValueDisplay',
        'realizableValueWords',
        'distressValueDisplay',
        'distressValueWords',
        'insurableValueDisplay',
        'insurableValueWords',
        'guidelineValueDisplay',
        'guidelineValueWords',
        'bookValueDisplay',
        'inspectionDateDisplay',
        'valuationDateDisplay',
        'reportDateDisplay',
      ];
      for (const key of printed) {
        const expected = values[key];
        assert.ok(typeof expected === 'string', `${name}: ${key} is computed`);
        assert.ok(printedIn(text, expected), `${name}: ${key} '${expected}'`);
      }
      assert.ok(text.includes(`₹${indian(values.abstractTotal as number)}`), `${name}: abstract total`);
      if (values.isFlat === true) {
        assert.ok(text.includes(`₹${indian(values.flatValue as number)}`), `${name}: flat value`);
        assert.ok(text.includes(`₹${indian(values.totalWithExtras as number)}`), `${name}: flat with extras`);
        continue;
      }
      assert.ok(text.includes(`₹${indian(values.landValue as number)}`), `${name}: land value`);
      for (const part of ['partC_total', 'partD_total', 'partE_total', 'partF_total'])
        assert.ok(text.includes(`₹${indian(values[part] as number)}`), `${name}: ${part}`);
      for (const row of values.partB_rows as unknown as ValueRow[]) {
        assert.ok(text.includes(row.floor), `${name}: floor ${row.floor}`);
        assert.ok(text.includes(indian(row.replacementCost)), `${name}: ${row.floor} replacement cost`);
        assert.ok(text.includes(indian(row.netValue)), `${name}: ${row.floor} net value`);
      }
    }
    const sample = rendered.get('domain-sample');
    assert.ok(sample, 'the domain sample was rendered');
    for (const expected of [
      'Rs. 1,39,80,000/-',
      'Rupees One Crore Thirty-Nine Lakh Eighty Thousand Only',
      '₹93,03,000',
      '₹1,39,75,625',
      '39,17,625',
      '221.50 sq m (2,384.20 sq ft)',
      'Justification required',
      '37.46 %',
      'Plot No. 16 (bungalow)',
      'Shri Anil Madhukar Deshpande, Smt. Sunita Anil Deshpande',
    ])
      assert.ok(printedIn(sample.text, expected), `domain-sample: '${expected}'`);
    const flat = rendered.get('flat-domain-sample');
    assert.ok(flat, 'the flat was rendered');
    for (const expected of ['₹53,672.26 per sq m', '₹24,640.00 per sq m', '₹29,032.26 per sq m', 'Rs. 43,30,000/-'])
      assert.ok(flat.text.includes(expected), `flat-domain-sample: '${expected}'`);
  });

  it('prints NA for the guideline and book value when the guideline rate is missing', () => {
    const missing = rendered.get('guideline-missing');
    assert.ok(missing, 'the guideline-missing fixture was rendered');
    assert.match(missing.text, /Guideline value \(registrar \/ circle rate\) NA NA/);
    assert.match(missing.text, /Book value \(= guideline value\) NA/);
    assert.ok(missing.text.includes('guideline value and the book value are printed NA'));
    const vacant = rendered.get('vacant-plot-no-gps');
    assert.ok(vacant, 'the vacant plot was rendered');
    assert.ok(vacant.text.includes('No building is valued'), 'a vacant plot says so in Part B');
    assert.ok(!vacant.text.includes('Details of valuation of the building'), 'and leaves out the building details');
    assert.ok(!rendered.get('domain-sample')?.text.includes('No building is valued'));
    assert.ok(rendered.get('domain-sample')?.text.includes('Details of valuation of the building (floor-wise)'));
  });

  it('leaves the checker findings out of a released report', async () => {
    const [fixture] = discoverFixtures(built.files).filter((candidate) => candidate.name === 'domain-sample');
    assert.ok(fixture, 'the domain sample exists');
    const result = call<ComputeResult>(entry, 'compute', { input: fixture.input, now: fixture.expected.now });
    const data = templateData(fixture, result, { pages: [] }, built.manifest.version);
    const released = { ...data, report: { ...(data.report as object), draft: false } };
    const pdfFile = path.join(workDir, 'released.pdf');
    await fs.writeFile(
      pdfFile,
      await renderer.convertToPdf(await renderer.renderDocx(await fs.readFile(TEMPLATE_FILE), released, [])),
    );
    const text = normalise(pdfToText(pdfFile));
    assert.ok(!text.includes('CHECKER FINDINGS'), 'no findings in a released report');
    assert.ok(text.includes('DOCUMENT CHECKLIST') && text.includes('Rs. 1,39,80,000/-'));
    assert.ok(!text.includes('{d.'), 'no tag is left when there are no annexure pages');
  });

  it('places every annexure picture', () => {
    assert.ok(rendered.size > 0, 'the fixtures were rendered');
    for (const fixture of rendered.values()) {
      const listed = spawnSync('pdfimages', ['-list', fixture.pdfFile], { encoding: 'utf8' });
      const count = listed.stdout.split('\n').slice(2).filter(Boolean).length;
      assert.equal(count, EVIDENCE.length, `${fixture.name}: one image per evidence item`);
    }
  });

  it('is the build of its readable source, and its README lists every tag', async () => {
    const fresh = path.join(workDir, 'fresh-report.docx');
    const build = spawnSync(process.execPath, ['--import', 'tsx', BUILD_SCRIPT, '--out', fresh], {
      encoding: 'utf8',
      cwd: path.resolve(SBI_PACK_DIR, '../..'),
    });
    assert.equal(build.status, 0, build.stderr);
    const [committed, rebuilt] = await Promise.all([fs.readFile(TEMPLATE_FILE), fs.readFile(fresh)]);
    assert.ok(committed.equals(rebuilt), 'templates/report.docx is stale: run npm run build:template');

    const zip = await JSZip.loadAsync(committed);
    const xml = (
      await Promise.all(
        Object.keys(zip.files)
          .filter((name) => /^word\/(document|header\d*)\.xml$/.test(name))
          .map((name) => zip.file(name)!.async('string')),
      )
    ).join('\n');
    const readme = await fs.readFile(TEMPLATE_README, 'utf8');
    const tags = new Set(
      [
        ...xml
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, '&')
          .matchAll(/\{d\.[^{}]*\}/g),
      ].map((m) => m[0]),
    );
    assert.ok(tags.size > 100, `${tags.size} tags`);
    for (const tag of tags) assert.ok(readme.includes(tag), `README lists ${tag}`);
  });
});
