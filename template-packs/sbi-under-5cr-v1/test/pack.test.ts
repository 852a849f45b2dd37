import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import {
  buildPack,
  compareResult,
  compileInputSchema,
  DEFAULT_FIXTURE_NOW,
  discoverFixtures,
  PACK_GLOBAL,
  validateManifest,
  type BuiltPack,
  type ComputeResult,
  type ExtractResult,
  type InvokeResponse,
  type JsonValue,
  type LayoutResult,
  type PackDescription,
  type PackGlobal,
} from '@repogen/sdk';
import { valuationAnnexureSections as annexureSections } from '@repogen/sdk/kits/valuation';

const PACK_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Evaluates the built logic.js in an empty V8 context, as the sandbox does, and returns its global. */
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

describe('pack SBI_UNDER_5CR_V1', function () {
  this.timeout(60_000);
  let built: BuiltPack;
  let entry: PackGlobal;

  before(async () => {
    built = await buildPack(PACK_DIR, { write: false });
    entry = loadLogic(built.files.get('logic.js')!);
  });

  it('has a valid manifest whose annexures match the logic', async () => {
    const pkg = JSON.parse(await fs.readFile(path.join(PACK_DIR, 'package.json'), 'utf8')) as {
      repogen: { annexures: unknown };
    };
    assert.equal(validateManifest(pkg.repogen).ok, true);
    assert.deepEqual(pkg.repogen.annexures, annexureSections);
    assert.equal(built.manifest.key, 'SBI_UNDER_5CR_V1');
  });

  it('bundles to one classic script of a sane size', () => {
    const logic = built.files.get('logic.js')!;
    assert.ok(logic.length < 1_000_000, `logic.js is ${logic.length} bytes`);
    assert.doesNotMatch(logic.toString('utf8'), /\brequire\(["']node:/);
  });

  it('has fixture inputs the host would accept (schema.json)', () => {
    const schema = compileInputSchema(JSON.parse(built.files.get('schema.json')!.toString('utf8')) as JsonValue);
    assert.ok(schema.ok);
    for (const fixture of discoverFixtures(built.files))
      assert.deepEqual(schema.validate(fixture.input), [], fixture.name);
  });

  it('passes every fixture case inside a bare context', () => {
    const cases = discoverFixtures(built.files);
    assert.ok(cases.length >= 3, `${cases.length} fixture cases`);
    for (const fixture of cases) {
      const result = call<ComputeResult>(entry, 'compute', {
        input: fixture.input,
        now: fixture.expected.now ?? DEFAULT_FIXTURE_NOW,
        ...(fixture.expected.settings ? { settings: fixture.expected.settings } : {}),
      });
      assert.deepEqual(compareResult(fixture.expected, result), [], `fixture ${fixture.name}`);
    }
  });

  it('traces the domain sample and keeps photos near the site', () => {
    const [sample] = discoverFixtures(built.files).filter((fixture) => fixture.name === 'domain-sample');
    assert.ok(sample);
    const result = call<ComputeResult>(entry, 'compute', { input: sample.input, now: sample.expected.now });
    assert.ok(
      typeof result.values.maxPhotoDistanceFromSiteM === 'number' && result.values.maxPhotoDistanceFromSiteM < 50,
    );
    assert.deepEqual(
      result.trace.landValueWorking?.reads.map((read) => [read.kind, read.name, read.value]),
      [
        ['value', 'adoptedLandRatePerSqm', 42_000],
        ['value', 'extentConsideredSqm', 221.5],
      ],
    );
    assert.equal(
      result.trace.realizableValue?.reads.find((read) => read.name === 'settings/realisableFactor')?.value,
      0.95,
    );
  });

  it('states a guideline rate read per sq.ft per sq m, decimals kept, inside a bare context', () => {
    const extracted = call<ExtractResult>(entry, 'extract', {
      kind: 'screenshot.guideline',
      text: 'Guideline Value Portal\nGuideline rate per sq.ft: Rs 11,470.50\nMarket value: Rs 13,764,600',
      meanConfidence: 92,
    });
    assert.deepEqual(
      extracted.proposals.map((proposal) => [proposal.field, proposal.value]),
      [
        ['/guideline/value', 13_764_600],
        ['/guideline/landRatePerSqm', 123_467.31],
      ],
    );
  });

  it('keeps a site latitude out of range as typed and warns about it', () => {
    const [sample] = discoverFixtures(built.files).filter((fixture) => fixture.name === 'domain-sample');
    assert.ok(sample);
    const input = sample.input as { property: { gps: { lat: number; lng: number } } };
    const typed = { ...input, property: { ...input.property, gps: { ...input.property.gps, lat: 95 } } };
    const schema = compileInputSchema(JSON.parse(built.files.get('schema.json')!.toString('utf8')) as JsonValue);
    assert.ok(schema.ok);
    assert.deepEqual(schema.validate(typed), []);
    const result = call<ComputeResult>(entry, 'compute', { input: typed, now: sample.expected.now });
    const warning = result.warnings.find((found) => found.code === 'COORDINATE_OUT_OF_RANGE');
    assert.deepEqual(warning && [warning.level, warning.fields], ['warn', ['/property/gps/lat']]);
  });

  it('re-checks values the host edited with the rules operation', () => {
    const [sample] = discoverFixtures(built.files).filter((fixture) => fixture.name === 'domain-sample');
    assert.ok(sample);
    const { values } = call<ComputeResult>(entry, 'compute', { input: sample.input, now: sample.expected.now });
    // FMV off its "Say", RV above it, extent above the lesser of deed and actual, insurable taking in land.
    const edited = {
      ...values,
      fairMarketValue: 13_990_000,
      realizableValue: 14_000_000,
      extentConsideredSqm: 223,
      insurableValue: 6_000_000,
    };
    const { warnings } = call<{ warnings: ComputeResult['warnings'] }>(entry, 'rules', {
      input: sample.input,
      values: edited,
      now: sample.expected.now,
    });
    assert.deepEqual(
      [...new Set(warnings.map((warning) => warning.code))].sort(),
      [
        'AMOUNT_WORDS_MISMATCH',
        'FMV_GUIDELINE_DEVIATION',
        'PLAN_DEVIATION',
        'VALUES_OUT_OF_ORDER',
        'FACTOR_OUTSIDE_BAND',
        'TOTALS_DO_NOT_FOOT',
        'EXTENT_CONSIDERED_EXCEEDS_LESSER',
        'INSURABLE_INCLUDES_LAND',
      ].sort(),
    );
  });

  it('needs six photographs, for a vacant plot too unless the bank lowers the count', () => {
    const fixtures = discoverFixtures(built.files);
    const [sample] = fixtures.filter((fixture) => fixture.name === 'domain-sample');
    const [plot] = fixtures.filter((fixture) => fixture.name === 'guideline-missing');
    assert.ok(sample && plot);
    const photoFinding = (input: unknown, settings?: Record<string, number>) =>
      call<ComputeResult>(entry, 'compute', {
        input,
        now: sample.expected.now,
        ...(settings ? { settings } : {}),
      }).warnings.find((warning) => warning.code === 'PHOTOS_INSUFFICIENT');
    const house = sample.input as { photos: unknown[] };
    assert.equal(photoFinding({ ...house, photos: house.photos.slice(0, 6) }), undefined);
    const five = photoFinding({ ...house, photos: house.photos.slice(0, 5) });
    assert.deepEqual(five && [five.level, five.message], ['error', '5 photograph(s); at least 6 are needed']);
    const vacant = { ...(plot.input as object), photos: house.photos.slice(0, 4) };
    assert.equal(photoFinding(vacant)?.message, '4 photograph(s); at least 6 are needed');
    assert.equal(photoFinding(vacant, { minPhotosVacantPlot: 4 }), undefined);
  });

  it('asks for a special remark on a land-locked, flood-prone or CRZ site', () => {
    const [sample] = discoverFixtures(built.files).filter((fixture) => fixture.name === 'domain-sample');
    assert.ok(sample);
    const input = sample.input as { siteCharacteristics: Record<string, unknown> };
    const risky = { ...input.siteCharacteristics, landLocked: true, crzApplicable: true, specialRemarks: '' };
    const site = (siteCharacteristics: Record<string, unknown>) =>
      call<ComputeResult>(entry, 'compute', {
        input: { ...input, siteCharacteristics },
        now: sample.expected.now,
      }).warnings.find((warning) => warning.code === 'SITE_RISK_UNREMARKED');
    const finding = site(risky);
    assert.deepEqual(finding && [finding.level, finding.message], [
      'warn',
      'Site is land-locked, CRZ applicable: add a special remark',
    ]);
    assert.equal(
      site({ ...risky, specialRemarks: 'Access by a registered 4 m easement; CRZ-II clearance seen' }),
      undefined,
    );
  });

  it('describes itself, lays out annexures and extracts GPS, date and time from an overlay', () => {
    const description = call<PackDescription>(entry, 'describe', {});
    assert.ok(description.formulas.some((formula) => formula.name === 'fairMarketValue'));
    assert.ok(description.operations.includes('extract'));
    const layout = call<LayoutResult>(entry, 'layout', {
      evidence: [
        { id: 'd1', kind: 'document.sale_deed', mime: 'application/pdf', size: 10, order: 0 },
        {
          id: 'g1',
          kind: 'screenshot.guideline',
          mime: 'image/png',
          size: 10,
          width: 1080,
          height: 2400,
          order: 0,
        },
        { id: 'e1', kind: 'photo.exterior', mime: 'image/jpeg', size: 10, width: 4000, height: 3000, order: 0 },
        { id: 'i1', kind: 'photo.interior', mime: 'image/jpeg', size: 10, width: 4000, height: 3000, order: 0 },
      ],
    });
    assert.deepEqual(
      layout.pages.map((page) => [page.heading, page.grid, page.evidenceIds]),
      [
        ['SITE IMAGES', '1x2', ['e1', 'i1']],
        ['GUIDELINE VALUE', '1x1', ['g1']],
        ['DOCUMENTS', '1x1', ['d1']],
      ],
    );
    const extracted = call<ExtractResult>(entry, 'extract', {
      kind: 'photo.gps',
      text: 'Nashik, Maharashtra\nLat 20.011245° Long 73.750912°\n09/08/2025 10:42 AM GMT+05:30',
      meanConfidence: 90,
    });
    assert.deepEqual(
      extracted.proposals.map((proposal) => [proposal.field, proposal.value]),
      [
        ['/property/gps/lat', 20.011245],
        ['/property/gps/lng', 73.750912],
        ['/reportMeta/inspectionDate', '2025-08-09'],
        ['/reportMeta/inspectionTime', '10:42'],
      ],
    );
  });
});
