import assert from 'node:assert/strict';
import path from 'node:path';
import { libreOfficeOrSkip } from '../render/render-fixtures.js';
import { TEMPLATE_PACKS_DIR } from '../support/pack-sources.js';
import {
  assertFreshBuild,
  assertNoTagLeft,
  closeHarness,
  EVIDENCE,
  indian,
  openHarness,
  pdfImageCount,
  printedIn,
  renderFixtures,
  type RenderedFixture,
  type TemplateHarness,
} from './template-harness.js';

const COOP_PACK_DIR = path.join(TEMPLATE_PACKS_DIR, 'coop-lb-v1');
const IDENTITY = { title: 'Co-operative bank report', packKey: 'COOP_LB_V1' };

/** Headings every co-op report prints, whichever the variant. */
const COMMON_HEADINGS = [
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
  'PART F — SERVICES',
];
const FLAT_HEADINGS = ['VALUATION REPORT (IN RESPECT OF FLATS)', 'FLAT DETAILS', 'DETAILS OF VALUATION'];

const PRINTED_VALUES = [
  'adoptedValueDisplay',
  'adoptedValueWords',
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

interface AbstractRow {
  readonly part: string;
  readonly adopted: number;
  readonly market: number;
}

/** The total abstract's text: pdftotext may print a table's cells out of reading order. */
function abstractOf(text: string): string {
  const start = text.indexOf('TOTAL ABSTRACT OF THE ENTIRE PROPERTY');
  const end = text.indexOf('METHOD OF VALUATION AND REMARKS', start);
  assert.ok(start !== -1 && end > start, 'the total abstract is printed');
  return text.slice(start, end);
}

describe('templates: co-operative bank report.docx', function () {
  this.timeout(180_000);
  let harness: TemplateHarness | undefined;
  const rendered = new Map<string, RenderedFixture>();

  before(async function () {
    libreOfficeOrSkip(this);
    harness = await openHarness(COOP_PACK_DIR);
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

  it('prints the co-op format: its headings, no PSU summary table, the bank’s name', () => {
    assert.ok(rendered.size > 0, 'the fixtures were rendered');
    for (const { name, values, text } of rendered.values()) {
      const isFlat = values.isFlat === true;
      for (const heading of [...COMMON_HEADINGS, ...(isFlat ? FLAT_HEADINGS : LAND_AND_BUILDING_HEADINGS)])
        assert.ok(text.includes(heading), `${name}: heading '${heading}'`);
      for (const absent of isFlat ? LAND_AND_BUILDING_HEADINGS : FLAT_HEADINGS)
        assert.ok(!text.includes(absent), `${name}: no '${absent}'`);
      assert.ok(!text.includes('VALUATION SUMMARY'), `${name}: no PSU cover summary table`);
      assert.ok(text.includes('co-operative bank format'), `${name}: co-op subtitle`);
      assert.ok(!text.includes('State Bank of India — Format'), `${name}: not the SBI subtitle`);
      assert.ok(
        text.includes('Valuation report (co-operative bank format)') && !text.includes('Format A / Format C'),
        `${name}: enclosure list`,
      );
      const table = abstractOf(text);
      assert.ok(table.includes('Adopted (₹)') && table.includes('Market (₹)'), `${name}: two-column abstract`);
    }
  });

  it('prints the adopted and market columns, the totals and the values as the pack rounds them', () => {
    assert.ok(rendered.size > 0, 'the fixtures were rendered');
    for (const { name, values, text } of rendered.values()) {
      for (const key of PRINTED_VALUES) {
        const expected = values[key];
        assert.ok(typeof expected === 'string', `${name}: ${key} is computed`);
        assert.ok(printedIn(text, expected), `${name}: ${key} '${expected}'`);
      }
      const table = abstractOf(text);
      for (const row of values.abstractRows as unknown as AbstractRow[])
        for (const printed of [row.part, `₹${indian(row.adopted)}`, `₹${indian(row.market)}`])
          assert.ok(table.includes(printed), `${name}: abstract row ${row.part}: '${printed}'`);
      for (const key of ['adoptedTotal', 'marketTotal'])
        assert.ok(table.includes(`₹${indian(values[key] as number)}`), `${name}: abstract ${key}`);
      for (const key of ['adoptedValueDisplay', 'fairMarketValueDisplay'])
        assert.ok(table.includes(values[key] as string), `${name}: abstract ${key}`);
    }
    const house = rendered.get('typical-house-round-up');
    assert.ok(house, 'the typical house was rendered');
    const table = abstractOf(house.text);
    for (const expected of [
      '₹12,89,100',
      '₹16,11,375',
      '₹37,45,400',
      '₹46,81,750',
      'Rs. 37,45,500/-',
      'Rs. 46,82,000/-',
    ])
      assert.ok(table.includes(expected), `typical-house-round-up abstract: '${expected}'`);
    for (const expected of ['Rupees Thirty-Seven Lakh Forty-Five Thousand Five Hundred Only', '₹20,000.00 per sq m'])
      assert.ok(printedIn(house.text, expected), `typical-house-round-up: '${expected}'`);
  });

  it('prints the adopted-to-market factor and the step in force, a tenant’s own included', () => {
    assert.ok(rendered.size > 0, 'the fixtures were rendered');
    for (const { name, values, text } of rendered.values()) {
      const factor = new Intl.NumberFormat('en-IN', { minimumFractionDigits: 2 }).format(
        values.adoptedToMarketFactor as number,
      );
      const note = `divided by the adopted-to-market factor of ${factor}, part by part; both totals are rounded up to the next ₹${indian(values.totalRoundUpStepRupees as number)}.`;
      assert.ok(abstractOf(text).includes(note), `${name}: '${note}'`);
      assert.ok(!text.includes('unless the bank sets another'), `${name}: no hard-coded factor`);
    }
    const tenant = rendered.get('tenant-settings');
    assert.ok(tenant, 'the tenant-settings fixture was rendered');
    assert.ok(
      abstractOf(tenant.text).includes('factor of 0.75, part by part; both totals are rounded up to the next ₹1,000.'),
    );
    const house = rendered.get('typical-house-round-up');
    assert.ok(house && abstractOf(house.text).includes('factor of 0.80, part by part'));
  });

  it('prints depreciation as a percentage, and the per-floor table only when the setting asks for it', () => {
    const withBuilding = [...rendered.values()].filter(
      ({ values }) => values.hasBuilding === true && values.isFlat !== true,
    );
    assert.ok(withBuilding.length >= 2, 'two houses were rendered');
    for (const { name, values, text } of withBuilding) {
      const table = values.printDepreciationTable === true;
      assert.equal(text.includes('Details of valuation of the building (floor-wise)'), table, `${name}: table`);
      assert.equal(text.includes('Floors of the building'), !table, `${name}: floors only`);
      const pct = new Intl.NumberFormat('en-IN', { minimumFractionDigits: 2 }).format(values.depreciationPct as number);
      assert.ok(text.includes(`× age ÷ life = ${pct} %`), `${name}: percentage ${pct}`);
    }
    // The typical house's bank asks for the table: each floor's cost, depreciation and net value print.
    const house = rendered.get('typical-house-round-up');
    assert.equal(house?.values.printDepreciationTable, true);
    for (const printed of ['13,05,000', '5,22,000', '7,83,000', '8,43,500', '3,37,400', '5,06,100'])
      assert.ok(house?.text.includes(printed), `typical-house-round-up: '${printed}'`);
    assert.equal(rendered.get('guideline-missing')?.values.printDepreciationTable, false);
  });

  it('prints NA for the guideline and book value when the guideline rate is missing', () => {
    const missing = rendered.get('guideline-missing');
    assert.ok(missing, 'the guideline-missing fixture was rendered');
    assert.match(missing.text, /Guideline value \(registrar \/ circle rate\) NA NA/);
    assert.match(missing.text, /Book value \(= guideline value\) NA/);
    assert.ok(missing.text.includes('guideline value and the book value are printed NA'));
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
