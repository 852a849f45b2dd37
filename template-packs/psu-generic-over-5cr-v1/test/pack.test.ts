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

describe('pack PSU_GENERIC_OVER_5CR_V1', function () {
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
    assert.equal(built.manifest.key, 'PSU_GENERIC_OVER_5CR_V1');
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
    assert.ok(cases.length >= 4, `${cases.length} fixture cases`);
    for (const fixture of cases) {
      const result = call<ComputeResult>(entry, 'compute', {
        input: fixture.input,
        now: fixture.expected.now ?? DEFAULT_FIXTURE_NOW,
        ...(fixture.expected.settings ? { settings: fixture.expected.settings } : {}),
      });
      assert.deepEqual(compareResult(fixture.expected, result), [], `fixture ${fixture.name}`);
    }
  });

  it('traces the typical case and keeps photos near the site', () => {
    const [sample] = discoverFixtures(built.files).filter((fixture) => fixture.name === 'typical-land-building');
    assert.ok(sample);
    const result = call<ComputeResult>(entry, 'compute', { input: sample.input, now: sample.expected.now });
    assert.ok(
      typeof result.values.maxPhotoDistanceFromSiteM === 'number' && result.values.maxPhotoDistanceFromSiteM < 50,
    );
    assert.deepEqual(
      result.trace.landValueWorking?.reads.map((read) => [read.kind, read.name, read.value]),
      [
        ['value', 'adoptedLandRatePerSqm', 45_000],
        ['value', 'extentConsideredSqm', 995],
      ],
    );
    assert.equal(
      result.trace.realizableValue?.reads.find((read) => read.name === 'settings/realisableFactor')?.value,
      0.95,
    );
  });

  it('re-checks values the host edited with the rules operation', () => {
    const [sample] = discoverFixtures(built.files).filter((fixture) => fixture.name === 'typical-land-building');
    assert.ok(sample);
    const { values } = call<ComputeResult>(entry, 'compute', { input: sample.input, now: sample.expected.now });
    // FMV edited below ₹5 crore, RV above it, extent above the lesser of deed and actual.
    const edited = { ...values, fairMarketValue: 49_990_000, realizableValue: 50_000_000, extentConsideredSqm: 1000 };
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
        'VALUE_BELOW_PACK_FLOOR',
        'EXTENT_CONSIDERED_EXCEEDS_LESSER',
        'TOTALS_DO_NOT_FOOT',
        'INSURABLE_INCLUDES_LAND',
        'VALUES_OUT_OF_ORDER',
        'FACTOR_OUTSIDE_BAND',
      ].sort(),
    );
  });

  it('is suggested from ₹5 crore at any bank below the co-op pack’s priority', async () => {
    const pkg = JSON.parse(await fs.readFile(path.join(PACK_DIR, 'package.json'), 'utf8')) as {
      repogen: { selection: Record<string, unknown> };
    };
    assert.deepEqual(
      { ...pkg.repogen.selection, reason: undefined },
      { minValueRupees: 50_000_000, priority: 500, reason: undefined },
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
