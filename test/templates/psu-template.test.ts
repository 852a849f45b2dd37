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

const PSU_PACK_DIR = path.join(TEMPLATE_PACKS_DIR, 'psu-generic-over-5cr-v1');
const IDENTITY = { title: 'PSU generic report', packKey: 'PSU_GENERIC_OVER_5CR_V1' };

/** Headings every PSU report prints, whichever the variant. */
const COMMON_HEADINGS = [
  'VALUATION SUMMARY',
  'I. GENERAL',
  'II. CHARACTERISTICS OF THE SITE',
  'TOWN PLANNING PARAMETERS',
  'LOCATION AND NEIGHBOURHOOD',
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
const AREAS_HEADING = 'PLINTH, CARPET AND SALEABLE AREAS';

const PRINTED_VALUES = [
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

interface ValueRow {
  readonly floor: string;
  readonly netValue: number;
  readonly replacementCost: number;
}

function twoDp(amount: number): string {
  return new Intl.NumberFormat('en-IN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount);
}

describe('templates: PSU generic report.docx', function () {
  this.timeout(180_000);
  let harness: TemplateHarness | undefined;
  const rendered = new Map<string, RenderedFixture>();

  before(async function () {
    libreOfficeOrSkip(this);
    harness = await openHarness(PSU_PACK_DIR);
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

  it('prints every section heading of the format, with the PSU subtitle', () => {
    assert.ok(rendered.size > 0, 'the fixtures were rendered');
    for (const { name, values, text } of rendered.values()) {
      const isFlat = values.isFlat === true;
      for (const heading of [...COMMON_HEADINGS, ...(isFlat ? FLAT_HEADINGS : LAND_AND_BUILDING_HEADINGS)])
        assert.ok(text.includes(heading), `${name}: heading '${heading}'`);
      for (const absent of isFlat ? LAND_AND_BUILDING_HEADINGS : FLAT_HEADINGS)
        assert.ok(!text.includes(absent), `${name}: no '${absent}'`);
      assert.equal(text.includes(AREAS_HEADING), values.hasBuilding === true && !isFlat, `${name}: areas table`);
      assert.ok(text.includes('PSU generic format (properties of value Rs. 5 crore and above)'), name);
      assert.ok(!text.includes('State Bank of India — Format'), `${name}: not the SBI subtitle`);
      assert.ok(
        text.includes('Valuation report (PSU generic format)') && !text.includes('Format A / Format C'),
        `${name}: enclosure list`,
      );
      assert.ok(!text.includes('CHECKER FINDINGS'), `${name}: no findings in the document (the host adds them to drafts)`);
    }
  });

  it('prints the fixtures’ values in Indian format, in figures and in words', () => {
    assert.ok(rendered.size > 0, 'the fixtures were rendered');
    for (const { name, values, text } of rendered.values()) {
      for (const key of PRINTED_VALUES) {
        const expected = values[key];
        assert.ok(typeof expected === 'string', `${name}: ${key} is computed`);
        assert.ok(printedIn(text, expected), `${name}: ${key} '${expected}'`);
      }
      assert.ok(text.includes(`₹${indian(values.abstractTotal as number)}`), `${name}: abstract total`);
      if (values.isFlat === true) {
        assert.ok(text.includes(`₹${indian(values.flatValue as number)}`), `${name}: flat value`);
        continue;
      }
      assert.ok(text.includes(`₹${indian(values.landValue as number)}`), `${name}: land value`);
      for (const part of ['partC_total', 'partD_total', 'partE_total', 'partF_total'])
        assert.ok(text.includes(`₹${indian(values[part] as number)}`), `${name}: ${part}`);
      for (const row of values.partB_rows as unknown as ValueRow[]) {
        assert.ok(text.includes(row.floor), `${name}: floor ${row.floor}`);
        // Net values per floor print only in the depreciation table, a setting (REQUIREMENTS: none by default).
        const table = values.printDepreciationTable === true;
        assert.equal(text.includes(indian(row.replacementCost)), table, `${name}: ${row.floor} replacement cost`);
        if (table) assert.ok(text.includes(indian(row.netValue)), `${name}: ${row.floor} net value`);
      }
      if (values.hasBuilding === true) {
        const percentage = `× age ÷ life = ${twoDp(values.depreciationPct as number)} %`;
        assert.ok(text.includes(percentage), `${name}: '${percentage}'`);
        const table = values.printDepreciationTable === true;
        assert.equal(text.includes('Details of valuation of the building (floor-wise)'), table, `${name}: table`);
        assert.equal(text.includes('Floors of the building'), !table, `${name}: floors only`);
      }
      for (const key of ['carpetTotalSqm', 'saleableTotalSqm', 'groundCoveragePct']) {
        const area = values[key];
        if (typeof area === 'number') assert.ok(text.includes(twoDp(area)), `${name}: ${key} ${twoDp(area)}`);
      }
    }
    assert.equal(rendered.get('typical-land-building')?.values.printDepreciationTable, false);
    assert.equal(rendered.get('fifty-crore-commercial')?.values.printDepreciationTable, true);
    const typical = rendered.get('typical-land-building');
    assert.ok(typical, 'the typical case was rendered');
    for (const expected of [
      'Rs. 6,04,70,000/-',
      'Rupees Six Crore Four Lakh Seventy Thousand Only',
      'Zoning / land use as per the master plan Residential (R1)',
      'Permitted 1',
      'Consumed 0.784',
      'Consumed 40.20 %',
      '660.00',
      '897.00',
      'Justification required',
    ])
      assert.ok(printedIn(typical.text, expected), `typical-land-building: '${expected}'`);
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
