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

describe('pack DPR_V1', function () {
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
    assert.equal(built.manifest.key, 'DPR_V1');
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
    for (const year of rows(values.balanceSheet)) assert.equal(year.totalAssets, year.totalLiabilities);
  });

  it('traces DSCR back to the projections and the projections to their inputs', () => {
    const { trace } = compute(sample);
    assert.deepEqual(
      trace.avgDscr?.reads.map((read) => [read.kind, read.name]),
      [['value', 'projections']],
    );
    const inputs = trace.projections?.reads.filter((read) => read.kind === 'input').map((read) => read.name) ?? [];
    for (const pointer of [
      '/assumptions/capacityUtilisationPct',
      '/meansOfFinance/termLoan',
      '/assumptions/taxRatePct',
    ])
      assert.ok(inputs.includes(pointer), pointer);
  });

  it('re-checks values the host edited with the rules operation', () => {
    const { values } = compute(sample);
    const sheets = rows(values.balanceSheet);
    const first = sheets[0]!;
    const edited = {
      ...values,
      projectCostTotal: 501,
      balanceSheet: [{ ...first, totalAssets: Number(first.totalAssets) + 5 }, ...sheets.slice(1)],
    };
    const { warnings } = call<{ warnings: ComputeResult['warnings'] }>(entry, 'rules', {
      input: sample.input,
      values: edited,
      now: sample.expected.now,
    });
    assert.deepEqual([...new Set(warnings.map((warning) => warning.code))].sort(), [
      'BALANCE_SHEET_MISMATCH',
      'COST_HEADS_NOT_TOTAL',
      'MEANS_NOT_EQUAL_COST',
      'TABLE_NOT_FOOTING',
    ]);
  });

  it('checks the typed instalment against the schedule and the unit of account against the captions', () => {
    const rulesFor = (input: unknown) =>
      call<{ warnings: ComputeResult['warnings'] }>(entry, 'rules', {
        input,
        values: compute(sample).values,
        now: sample.expected.now,
      }).warnings.map((warning) => warning.code);
    const input = sample.input as { assumptions: object; reportMeta: object };
    assert.deepEqual(compute(sample).values.instalmentPerRest, 55);
    assert.ok(!rulesFor(sample.input).includes('REPAYMENT_INSTALMENT_MISMATCH'));
    assert.ok(
      rulesFor({ ...input, assumptions: { ...input.assumptions, repaymentInstalment: 54 } }).includes(
        'REPAYMENT_INSTALMENT_MISMATCH',
      ),
    );
    const { unit: _unit, ...withoutUnit } = input.reportMeta as { unit?: string };
    assert.ok(rulesFor({ ...input, reportMeta: withoutUnit }).includes('UNIT_CAPTION_MISSING'));
    assert.ok(!rulesFor(sample.input).includes('UNIT_CAPTION_MISSING'));
  });

  it('prints the depreciation schedule by class and year: net block = gross − the printed charges', () => {
    const { values } = compute(sample);
    const blocks = rows(values.depreciationBlockRows);
    const totals = rows(values.depreciationTotalRows);
    const projections = rows(values.projections);
    assert.equal(blocks.length, 3 * 7);
    // Building 120 over 30 years: 4.00 a year, 92.00 left after year 7.
    assert.deepEqual(
      blocks.filter((row) => row.asset === 'Building and civil works').map((row) => row.closingNetBlock),
      [116, 112, 108, 104, 100, 96, 92],
    );
    for (const [index, total] of totals.entries()) {
      const year = blocks.filter((row) => row.year === total.year);
      assert.equal(centSum(year.map((row) => row.depreciation ?? 0)), Math.round(Number(total.depreciation) * 100));
      assert.equal(
        centSum(year.map((row) => row.closingNetBlock ?? 0)),
        Math.round(Number(total.closingNetBlock) * 100),
      );
      assert.equal(total.depreciation, projections[index]?.depreciation);
    }
    // 120 + 279 + 20 = 419 less 7 × 24.60.
    assert.equal(totals.at(-1)?.closingNetBlock, 246.8);
  });

  it('lays out its evidence annexures in the DPR order', () => {
    const layout = call<LayoutResult>(entry, 'layout', {
      evidence: [
        { id: 'p1', kind: 'photo.exterior', mime: 'image/jpeg', size: 10, width: 4000, height: 3000, order: 0 },
        { id: 'c1', kind: 'document.ca_certificate', mime: 'application/pdf', size: 10, order: 0 },
        { id: 'q1', kind: 'document.quotation', mime: 'application/pdf', size: 10, order: 0 },
      ],
    });
    assert.deepEqual(
      layout.pages.map((page) => page.heading),
      ['MACHINERY QUOTATIONS', 'CA CERTIFICATE OF PROMOTER CONTRIBUTION AND NET WORTH', 'PHOTOGRAPHS'],
    );
  });
});
