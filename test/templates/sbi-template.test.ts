import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { discoverFixtures, type ComputeResult } from '@repogen/sdk';
import { libreOfficeOrSkip, pdfToText } from '../render/render-fixtures.js';
import { SBI_PACK_DIR } from '../support/pack-sources.js';
import {
  assertFreshBuild,
  assertNoTagLeft,
  call,
  closeHarness,
  EVIDENCE,
  indian,
  normalise,
  openHarness,
  pdfImageCount,
  printedIn,
  renderFixtures,
  templateData,
  type RenderedFixture,
  type TemplateHarness,
} from './template-harness.js';

const IDENTITY = { title: 'SBI Format A report', packKey: 'SBI_UNDER_5CR_V1' };

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

interface ValueRow {
  readonly floor: string;
  readonly netValue: number;
  readonly replacementCost: number;
  readonly depreciation: number;
}

function twoDp(amount: number): string {
  return new Intl.NumberFormat('en-IN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount);
}

describe('templates: SBI Format A report.docx', function () {
  this.timeout(180_000);
  let harness: TemplateHarness | undefined;
  const rendered = new Map<string, RenderedFixture>();

  before(async function () {
    libreOfficeOrSkip(this);
    harness = await openHarness(SBI_PACK_DIR);
  });

  after(async () => {
    await closeHarness(harness);
  });

  it('ships the template in the manifest and in the built pack', () => {
    assert.ok(harness);
    assert.deepEqual(harness.built.manifest.templates, [
      { id: 'report', file: 'templates/report.docx', title: IDENTITY.title },
    ]);
    assert.ok(harness.built.files.get('templates/report.docx')?.length, 'the archive holds the DOCX');
  });

  it('renders every fixture to a PDF through carbone, the image step and LibreOffice', async () => {
    assert.ok(harness);
    await renderFixtures(harness, IDENTITY, rendered);
  });

  it('leaves no carbone tag unreplaced', () => {
    assertNoTagLeft(
      rendered,
      /\b(OWNER_OCCUPIED|TENANTED|FREEHOLD|LEASEHOLD|RCC_FRAMED|LOAD_BEARING|SEMI_URBAN|A_LAND_AND_BUILDING|C_FLAT)\b/,
    );
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
      // The template renders the bank's document only; the host appends the findings to drafts.
      assert.ok(!fixture.text.includes('CHECKER FINDINGS'), `${fixture.name}: no findings in the document`);
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
        if (values.printDepreciationTable !== true) continue;
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
    // The summary table's cells, in whichever order pdftotext reads the rows: the guideline value
    // and the book value are NA, figure and words, and nothing else in the table is.
    const summary = missing.text.slice(missing.text.indexOf('VALUATION SUMMARY'), missing.text.indexOf('Guideline value: the guideline'));
    assert.ok(summary.includes('Guideline value (registrar / circle rate)') && summary.includes('Book value (= guideline value)'), summary);
    assert.equal(summary.match(/\bNA\b/g)?.length, 4, `the guideline and book values, figures and words, are NA: ${summary}`);
    assert.ok(missing.text.includes('guideline value and the book value are printed NA'));
    const vacant = rendered.get('vacant-plot-no-gps');
    assert.ok(vacant, 'the vacant plot was rendered');
    assert.ok(vacant.text.includes('No building is valued'), 'a vacant plot says so in Part B');
    assert.ok(!vacant.text.includes('Details of valuation of the building'), 'and leaves out the building details');
    assert.ok(!rendered.get('domain-sample')?.text.includes('No building is valued'));
    assert.ok(rendered.get('domain-sample')?.text.includes('Floors of the building'));
    assert.ok(!vacant.text.includes('Floors of the building'), 'nor the floors');
  });

  it('prints depreciation as a percentage, and the per-floor table only when the setting asks for it', () => {
    assert.ok(rendered.size > 0, 'the fixtures were rendered');
    const withBuilding = [...rendered.values()].filter(
      ({ values }) => values.hasBuilding === true && values.isFlat !== true,
    );
    assert.deepEqual(withBuilding.map(({ name }) => name).sort(), [
      'boi-house-below-5cr',
      'domain-sample',
      'old-building-deviation',
    ]);
    for (const { name, values, text } of withBuilding) {
      const percentage = `× age ÷ life = ${twoDp(values.depreciationPct as number)} %`;
      assert.ok(text.includes(percentage), `${name}: '${percentage}'`);
      const rows = values.partB_rows as unknown as ValueRow[];
      const table = values.printDepreciationTable === true;
      assert.equal(text.includes('Details of valuation of the building (floor-wise)'), table, `${name}: table`);
      assert.equal(text.includes('Floors of the building'), !table, `${name}: floors only`);
      for (const row of rows) {
        assert.equal(text.includes(indian(row.replacementCost)), table, `${name}: ${row.floor} replacement cost`);
        assert.equal(text.includes(indian(row.depreciation)), table, `${name}: ${row.floor} depreciation`);
      }
    }
    // The default is the firm's: no depreciation table (REQUIREMENTS); the old house's bank sets it.
    assert.equal(rendered.get('domain-sample')?.values.printDepreciationTable, false);
    assert.equal(rendered.get('old-building-deviation')?.values.printDepreciationTable, true);
    const old = rendered.get('old-building-deviation');
    assert.ok(old && old.text.includes('14,40,000') && old.text.includes('12,96,000') && old.text.includes('1,44,000'));
  });

  it('renders the bank’s document without tags when there are no annexure pages', async () => {
    assert.ok(harness);
    const { built, entry, renderer, templateFile, workDir } = harness;
    const [fixture] = discoverFixtures(built.files).filter((candidate) => candidate.name === 'domain-sample');
    assert.ok(fixture, 'the domain sample exists');
    const result = call<ComputeResult>(entry, 'compute', { input: fixture.input, now: fixture.expected.now });
    const data = templateData(IDENTITY, fixture, result, { pages: [] }, built.manifest.version);
    const pdfFile = path.join(workDir, 'released.pdf');
    await fs.writeFile(
      pdfFile,
      await renderer.convertToPdf(await renderer.renderDocx(await fs.readFile(templateFile), data, [])),
    );
    const text = normalise(pdfToText(pdfFile));
    assert.ok(text.includes('DOCUMENT CHECKLIST') && text.includes('Rs. 1,39,80,000/-'));
    assert.ok(!text.includes('{d.'), 'no tag is left when there are no annexure pages');
  });

  it('places every annexure picture', () => {
    assert.ok(rendered.size > 0, 'the fixtures were rendered');
    for (const fixture of rendered.values())
      assert.equal(pdfImageCount(fixture.pdfFile), EVIDENCE.length, `${fixture.name}: one image per evidence item`);
  });

  it('is the build of its readable source, and its README lists every tag', async () => {
    assert.ok(harness);
    await assertFreshBuild(harness, 100);
  });
});
