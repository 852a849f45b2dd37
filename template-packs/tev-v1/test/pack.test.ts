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

function rows(value: JsonValue | undefined): Row[] {
  return Array.isArray(value) ? (value as Row[]) : [];
}

/** Σ in hundredths of a lakh, so the comparison is exact. */
function centSum(values: readonly JsonValue[]): number {
  return values.reduce<number>((sum, value) => sum + Math.round(Number(value) * 100), 0);
}

describe('pack TEV_V1', function () {
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
    assert.equal(built.manifest.key, 'TEV_V1');
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

  it('prints tables that foot: totals are sums of the printed rows, sources = cost, the balance sheet balances', () => {
    for (const fixture of discoverFixtures(built.files)) {
      const { values } = compute(fixture);
      const cost = rows(values.projectCostRows).map((row) => row.amount ?? 0);
      assert.equal(centSum(cost), Math.round(Number(values.projectCostTotal) * 100), fixture.name);
      const means = rows(values.meansOfFinanceRows).map((row) => row.amount ?? 0);
      assert.equal(centSum(means), Math.round(Number(values.meansOfFinanceTotal) * 100), fixture.name);
      const schedule = values.depreciationSchedule as { years: { byClass: number[]; total: number }[] };
      for (const year of schedule.years) assert.equal(centSum(year.byClass), Math.round(year.total * 100));
      for (const year of rows(values.balanceSheet)) {
        const liabilities = Object.values(year.liabilities as Row);
        const assets = Object.values(year.assets as Row);
        assert.equal(centSum(liabilities), Math.round(Number(year.totalLiabilities) * 100));
        assert.equal(centSum(assets), Math.round(Number(year.totalAssets) * 100));
      }
      const repaid = rows(values.repaymentSchedule).map((row) => row.principal ?? 0);
      assert.equal(centSum(repaid), Math.round(Number(values.repaymentTotal) * 100));
    }
    const { values } = compute(sample);
    assert.equal(values.meansOfFinanceTotal, values.projectCostTotal);
    const withSheet = discoverFixtures(built.files).find((fixture) => fixture.name === 'loss-ramp-up');
    assert.ok(withSheet);
    const sheets = rows(compute(withSheet).values.balanceSheet);
    assert.equal(sheets.length, 10);
    for (const year of sheets) assert.equal(year.totalAssets, year.totalLiabilities);
  });

  it('projects the domain sample’s balance sheet from its working-capital margin and proposed cash credit', () => {
    const { values, warnings } = compute(sample);
    // Current assets = WC margin 85 + cash credit 250 (the lender's proposed exposure).
    assert.equal(values.currentAssets, 335);
    assert.equal(values.cashCredit, 250);
    const sheets = rows(values.balanceSheet);
    assert.equal(sheets.length, 10);
    sheets.forEach((year, index) => assert.equal(year.totalAssets, year.totalLiabilities, `Y${index + 1}`));
    assert.deepEqual(
      warnings.filter((warning) => ['BALANCE_SHEET_MISMATCH', 'FUNDING_GAP'].includes(warning.code)),
      [],
    );
  });

  it('ties the depreciation bases to the cost heads they depreciate', () => {
    const input = sample.input as { assumptions: { depreciationClasses: { base: number }[] } };
    const [building, medical, nonMedical, furniture] = input.assumptions.depreciationClasses;
    const short = {
      ...input,
      assumptions: {
        ...input.assumptions,
        depreciationClasses: [building, medical, nonMedical, { ...furniture, base: 180 }],
      },
    };
    const { warnings } = call<ComputeResult>(entry, 'compute', {
      input: short,
      now: sample.expected.now,
      settings: sample.expected.settings,
    });
    const codes = warnings.map((warning) => warning.code);
    assert.ok(codes.includes('DEPRECIATION_BASES_NOT_COST'), codes.join());
    assert.ok(codes.includes('BALANCE_SHEET_MISMATCH'), codes.join());
    assert.match(
      warnings.find((warning) => warning.code === 'DEPRECIATION_BASES_NOT_COST')?.message ?? '',
      /6,?095 lakh.*6,?115 lakh/,
    );
  });

  it('charges interest at the rests the input names', () => {
    const input = sample.input as { assumptions: object };
    const quarterly = { ...input, assumptions: { ...input.assumptions, interestMethod: 'QUARTERLY_REST' } };
    const { values } = call<ComputeResult>(entry, 'compute', { input: quarterly, now: sample.expected.now });
    const schedule = rows(values.repaymentSchedule);
    // Y1 (moratorium): 4 × 4,400 × 2.5 % = 440.00. Y2: 176 repaid 44 a quarter, interest
    // 110.00 + 108.90 + 107.80 + 106.70 = 433.40 (annual rests: 440.00).
    assert.deepEqual(
      schedule.slice(0, 2).map((row) => [row.interest, row.principal]),
      [
        [440, 0],
        [433.4, 176],
      ],
    );
  });

  it('stops depreciating a written-off class by default; the sample’s setting keeps charging it', () => {
    const { expected } = sample;
    const year9 = (settings: JsonValue | undefined) =>
      rows(
        call<ComputeResult>(entry, 'compute', {
          input: sample.input,
          now: expected.now,
          ...(settings ? { settings } : {}),
        }).values.projections,
      )[8]?.depreciation;
    // The 8-year furniture class (200 lakh) is written off after year 8: 409.83 − 25.00.
    assert.equal(year9(undefined), 384.83);
    assert.equal(year9(expected.settings as JsonValue), 409.83);
  });

  it('matches the domain sample ratios to 0.005 (the case itself uses the 0.01 lakh tolerance)', () => {
    const values = compute(sample).values;
    const want = sample.expected.values!;
    const close = (name: string, a: JsonValue | undefined, b: JsonValue | undefined): void =>
      assert.ok(Math.abs(Number(a) - Number(b)) <= 0.005, `${name}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    for (const name of ['avgDscr', 'avgDscrSimpleMean', 'minDscr', 'debtEquityRatio'])
      close(name, values[name], want[name]);
    const got = rows(values.projections);
    rows(want.projections).forEach((row, index) => close(`dscr Y${index + 1}`, got[index]?.dscr, row.dscr));
    const sensitivity = values.sensitivity as { [key: string]: Row };
    for (const [key, row] of Object.entries(want.sensitivity as { [key: string]: Row }))
      for (const name of ['avgDscr', 'minDscr']) close(`${key}.${name}`, sensitivity[key]?.[name], row[name]);
  });

  it('traces DSCR back to the projections and the projections to their inputs', () => {
    const { trace } = compute(sample);
    assert.deepEqual(
      trace.avgDscr?.reads.map((read) => [read.kind, read.name]),
      [['value', 'projections']],
    );
    const inputs = trace.projections?.reads.filter((read) => read.kind === 'input').map((read) => read.name) ?? [];
    for (const pointer of [
      '/assumptions/occupancyPct',
      '/assumptions/arpobYear1Rs',
      '/project/beds',
      '/meansOfFinance/termLoan',
    ])
      assert.ok(inputs.includes(pointer), pointer);
  });

  it('re-checks values the host edited with the rules operation', () => {
    const { values } = compute(sample);
    const edited = {
      ...values,
      projectCostTotal: 6801,
      minDscr: 1.1,
      sensitivity: {
        ...(values.sensitivity as Row),
        base: { ...((values.sensitivity as Row).base as Row), avgDscr: 3 },
      },
    };
    const { warnings } = call<{ warnings: ComputeResult['warnings'] }>(entry, 'rules', {
      input: sample.input,
      values: edited,
      now: sample.expected.now,
    });
    assert.deepEqual([...new Set(warnings.map((warning) => warning.code))].sort(), [
      'COST_HEADS_NOT_TOTAL',
      'MEANS_NOT_EQUAL_COST',
      'SENSITIVITY_BASE_MISMATCH',
      'TABLE_NOT_FOOTING',
      'VERDICT_INCONSISTENT',
    ]);
  });

  it('lays out its evidence annexures in the TEV order', () => {
    const layout = call<LayoutResult>(entry, 'layout', {
      evidence: [
        { id: 'p1', kind: 'photo.exterior', mime: 'image/jpeg', size: 10, width: 4000, height: 3000, order: 0 },
        { id: 'd1', kind: 'document.declaration', mime: 'application/pdf', size: 10, order: 0 },
        { id: 'q1', kind: 'document.quotation', mime: 'application/pdf', size: 10, order: 0 },
      ],
    });
    assert.deepEqual(
      layout.pages.map((page) => page.heading),
      [
        'COST BENCHMARKS AND QUOTATIONS',
        'SITE VISIT PHOTOGRAPHS AND LOCATION MAP',
        "CONSULTANT'S INDEPENDENCE AND NO-CONFLICT DECLARATION AND TEAM CVS",
      ],
    );
  });
});
