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
  type FixtureCase,
  type InvokeResponse,
  type JsonValue,
  type LayoutResult,
  type PackGlobal,
} from '@repogen/sdk';
import { annexureSections } from '../src/annexure-sections.js';
import { settings } from '../src/settings.js';

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

type Row = { readonly [key: string]: JsonValue };

/** Σ in hundredths, so a footing comparison is exact. */
function centSum(values: readonly JsonValue[]): number {
  return values.reduce<number>((sum, value) => sum + Math.round(Number(value) * 100), 0);
}

describe('pack STAGE_PROGRESS_V1', function () {
  this.timeout(60_000);
  let built: BuiltPack;
  let entry: PackGlobal;
  let sample: FixtureCase;

  before(async () => {
    built = await buildPack(PACK_DIR, { write: false });
    entry = loadLogic(built.files.get('logic.js')!);
    const found = discoverFixtures(built.files).find((fixture) => fixture.name === 'domain-sample');
    assert.ok(found);
    sample = found;
  });

  function compute(fixture: FixtureCase): ComputeResult {
    return call<ComputeResult>(entry, 'compute', {
      input: fixture.input,
      now: fixture.expected.now ?? DEFAULT_FIXTURE_NOW,
      ...(fixture.expected.settings ? { settings: fixture.expected.settings } : {}),
    });
  }

  it('has a valid manifest whose annexures match the logic', async () => {
    const pkg = JSON.parse(await fs.readFile(path.join(PACK_DIR, 'package.json'), 'utf8')) as {
      repogen: { annexures: unknown; family: string; selection: { priority: number } };
    };
    assert.equal(validateManifest(pkg.repogen).ok, true);
    assert.deepEqual(pkg.repogen.annexures, annexureSections);
    assert.equal(pkg.repogen.family, 'project-finance');
    assert.equal(pkg.repogen.selection.priority, 500);
    assert.equal(built.manifest.key, 'STAGE_PROGRESS_V1');
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
    for (const fixture of cases) assert.deepEqual(compareResult(fixture.expected, compute(fixture)), [], fixture.name);
  });

  it('prints tables that foot: weighted %, cost columns and sources', () => {
    for (const fixture of discoverFixtures(built.files)) {
      const { values } = compute(fixture);
      const weighted = (values.components as Row[]).map((row) => row.weightedPct ?? 0);
      assert.equal(centSum(weighted), Math.round(Number(values.physicalProgressPct) * 100), fixture.name);
      const cost = values.costTable as { rows: Row[]; total: Row };
      for (const column of ['budget', 'caIncurred', 'lieCertified', 'balanceToComplete'])
        assert.equal(centSum(cost.rows.map((row) => row[column] ?? 0)), Math.round(Number(cost.total[column]) * 100));
      const sources = values.sourcesTable as { rows: Row[]; total: number };
      assert.equal(centSum(sources.rows.map((row) => row.amount ?? 0)), Math.round(sources.total * 100));
    }
  });

  it('traces the tranche to the certified cost, the sanction and the request', () => {
    const { trace } = compute(sample);
    assert.deepEqual(
      trace.eligibleCumulativeBankDisbursement?.reads.map((read) => [read.kind, read.name]),
      [
        ['input', '/lender/sanctionedAmount'],
        ['value', 'budgetTotal'],
        ['value', 'lieCertifiedTotalCost'],
      ],
    );
    const inputs = trace.eligibleTranche?.reads.map((read) => read.name) ?? [];
    assert.ok(inputs.includes('/disbursementRequest/requestedAmount'));
  });

  it('re-checks values the host edited with the rules operation', () => {
    const { values } = compute(sample);
    const edited = { ...values, physicalProgressPct: 40, recommendedDisbursement: 1500 };
    const { warnings } = call<{ warnings: ComputeResult['warnings'] }>(entry, 'rules', {
      input: sample.input,
      values: edited,
      now: sample.expected.now,
    });
    const codes = new Set(warnings.map((warning) => warning.code));
    assert.ok(codes.has('PHYSICAL_PROGRESS_MISMATCH'));
    assert.ok(codes.has('TRANCHE_ABOVE_ELIGIBLE'));
  });

  it('keeps coordinates out of range as typed and warns about each', () => {
    const input = sample.input as {
      project: { gps: { lat: number; lng: number } };
      photos: { lat?: number; lng?: number }[];
    };
    const typed = {
      ...input,
      project: { ...input.project, gps: { ...input.project.gps, lat: 95 } },
      photos: input.photos.map((photo, index) => (index === 1 ? { ...photo, lng: 200 } : photo)),
    };
    const schema = compileInputSchema(JSON.parse(built.files.get('schema.json')!.toString('utf8')) as JsonValue);
    assert.ok(schema.ok);
    assert.deepEqual(schema.validate(typed), []);
    const { warnings } = call<{ warnings: ComputeResult['warnings'] }>(entry, 'rules', {
      input: typed,
      values: compute(sample).values,
      now: sample.expected.now,
    });
    assert.deepEqual(
      warnings
        .filter((warning) => warning.code === 'COORDINATE_OUT_OF_RANGE')
        .map((warning) => [warning.level, warning.fields]),
      [
        ['warn', ['/project/gps/lat']],
        ['warn', ['/photos/1/lng']],
      ],
    );
  });

  it('asks the evidence profile for as many photographs as PHOTOS_TOO_FEW requires', async () => {
    const pkg = JSON.parse(await fs.readFile(path.join(PACK_DIR, 'package.json'), 'utf8')) as {
      repogen: { evidence: { required: { kind: string; min: number }[] } };
    };
    const photos = pkg.repogen.evidence.required.filter((item) => item.kind.startsWith('photo.'));
    assert.equal(
      photos.reduce((sum, item) => sum + item.min, 0),
      settings.minPhotos,
    );
  });

  it('checks every ₹ lakh field to 2 decimals, wherever it sits', () => {
    const input = sample.input as { lieVerification: object; previousTranches?: object[] };
    const typed = {
      ...input,
      lieVerification: { ...input.lieVerification, materialAtSiteVerified: 120.005 },
      previousTranches: [{ inspectionNo: 4, date: '2025-06-20', recommended: 600.125, disbursed: 600 }],
    };
    const { warnings } = call<{ warnings: ComputeResult['warnings'] }>(entry, 'rules', {
      input: typed,
      values: compute(sample).values,
      now: sample.expected.now,
    });
    assert.deepEqual(
      warnings.filter((warning) => warning.code === 'AMOUNT_PRECISION').map((warning) => warning.fields),
      [['/lieVerification/materialAtSiteVerified', '/previousTranches/0/recommended']],
    );
  });

  it('flags a recommendation made while ERROR findings are open, naming them, and not otherwise', () => {
    const cases = discoverFixtures(built.files);
    for (const fixture of cases) {
      const { values, warnings } = compute(fixture);
      const errors = warnings.filter(
        (warning) =>
          warning.level === 'error' &&
          !['TRANCHE_ABOVE_ELIGIBLE', 'RECOMMENDATION_NOT_ALLOWED', 'RECOMMENDATION_WITH_OPEN_ERRORS'].includes(
            warning.code,
          ),
      );
      const flag = warnings.find((warning) => warning.code === 'RECOMMENDATION_WITH_OPEN_ERRORS');
      assert.equal(Boolean(flag), errors.length > 0 && Number(values.recommendedDisbursement) > 0, fixture.name);
      for (const error of errors) assert.ok(flag?.message.includes(error.code), `${fixture.name}: ${error.code}`);
    }
  });

  it('lays out photographs first, then the certificates', () => {
    const layout = call<LayoutResult>(entry, 'layout', {
      evidence: [
        { id: 'c1', kind: 'document.ca_certificate', mime: 'application/pdf', size: 10, order: 0 },
        { id: 'p1', kind: 'photo.exterior', mime: 'image/jpeg', size: 10, width: 4000, height: 3000, order: 0 },
        { id: 'b1', kind: 'document.bank_statement', mime: 'application/pdf', size: 10, order: 0 },
      ],
    });
    assert.deepEqual(
      layout.pages.map((page) => page.heading),
      [
        'PROGRESS PHOTOGRAPHS',
        'CA CERTIFICATE OF COST INCURRED AND MEANS OF FINANCE',
        'BANK STATEMENTS OF THE RERA DESIGNATED AND ESCROW ACCOUNTS',
      ],
    );
  });
});
