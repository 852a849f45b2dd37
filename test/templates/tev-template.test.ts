import assert from 'node:assert/strict';
import path from 'node:path';
import { TEMPLATE_PACKS_DIR } from '../support/pack-sources.js';
import { assertFoots, describePfTemplate, lakh, printedTable, type RenderedPfFixture } from './pf-template-harness.js';

interface Row {
  readonly amount: number;
}

const ratio = (value: unknown) => lakh(value as number);
const VERDICT_WORDS: Readonly<Record<string, string>> = {
  VIABLE: 'VERDICT: VIABLE',
  VIABLE_WITH_CONDITIONS: 'VERDICT: VIABLE WITH CONDITIONS',
  NOT_VIABLE: 'VERDICT: NOT VIABLE',
};

describePfTemplate({
  packDir: path.join(TEMPLATE_PACKS_DIR, 'tev-v1'),
  identity: { title: 'Techno-economic viability study', packKey: 'TEV_V1' },
  headings: [
    'TECHNO-ECONOMIC VIABILITY STUDY',
    '1. EXECUTIVE SUMMARY AND CONCLUSION',
    '2. INTRODUCTION',
    '3. PROMOTERS AND MANAGEMENT',
    '4. PROJECT',
    '5. TECHNICAL',
    '6. MARKET',
    '7. COST OF PROJECT AND MEANS OF FINANCE',
    '8. FINANCIAL ANALYSIS',
    '9. SENSITIVITY AND RISK MATRIX',
    '10. RECOMMENDATION',
    'ANNEXURE 1 — ASSUMPTIONS',
    'ANNEXURE 2 — PROJECTED P&L, BALANCE SHEET AND CASH FLOW',
    'ANNEXURE 3 — DEPRECIATION, REPAYMENT AND INTEREST SCHEDULES',
    'ANNEXURE 4 — DSCR, BEP AND IRR / NPV WORKING',
    'ANNEXURE 5 — SENSITIVITY TABLES',
    'ANNEXURE 6 — COST BENCHMARKS AND QUOTATIONS',
    'ANNEXURE 7 — APPROVALS STATUS',
    'ANNEXURES 8 AND 9 — SITE PHOTOGRAPHS, LOCATION MAP AND CA CERTIFICATES',
    'ANNEXURE 10 — INDEPENDENCE DECLARATION AND TEAM',
    'Projected balance sheet: liabilities',
    'Depreciation schedule by class and year: gross and net block',
    'Risk matrix',
  ],
  enumCodes:
    /\b(OBTAINED|APPLIED|TO_APPLY|NOT_REQUIRED|VIABLE_WITH_CONDITIONS|NOT_VIABLE|MEDIUM|OWNED|LEASED|INR_LAKH)\b/,
  chartIds: ['dscr-by-year', 'sensitivity'],
  printed: ({ values }) => [
    ['lender on the cover', 'Prepared for State Bank of India'],
    ['cost of project', `Cost of project (₹ in lakh) ${lakh(values.projectCostTotal as number)}`],
    ['cost in words', values.projectCostInWords as string],
    ['average / minimum DSCR', `${ratio(values.avgDscr)} / ${ratio(values.minDscr)}`],
    ['FIRR / NPV', `${ratio(values.firrPct)} % / ${lakh(values.npv as number)}`],
    ['payback', ratio(values.paybackYears)],
    [
      'break-even occupancy',
      `${ratio((values.breakEven as { bepPctOfInstalledCapacity: number }).bepPctOfInstalledCapacity)} %`,
    ],
  ],
  checks: (fixture: RenderedPfFixture) => {
    const { name, values, text, filledXml } = fixture;
    const cost = printedTable(filledXml, 'Head of cost');
    assert.deepEqual(
      cost.slice(0, -1).map((row) => row[2]),
      (values.projectCostRows as unknown as Row[]).map((row) => lakh(row.amount)),
      `${name}: every cost head is printed`,
    );
    assertFoots(cost, 2, `${name}: cost of project`);
    assertFoots(printedTable(filledXml, 'Source'), 2, `${name}: means of finance`);
    const repayment = printedTable(filledXml, 'Principal repaid');
    assertFoots(repayment, 2, `${name}: term-loan interest`);
    assertFoots(repayment, 3, `${name}: term-loan principal`);
    assertFoots(printedTable(filledXml, 'Depreciable base'), 3, `${name}: depreciation, year 1`);
    const sensitivity = printedTable(filledXml, 'Avg DSCR');
    assert.equal(
      sensitivity.length,
      (values.sensitivityRows as unknown[]).length,
      `${name}: every sensitivity case is printed`,
    );
    const verdict = (fixture.input as { verdict?: string }).verdict;
    if (verdict) assert.ok(text.includes(VERDICT_WORDS[verdict] ?? verdict), `${name}: the verdict in its box`);
    assert.ok(text.includes('VERDICT:'), `${name}: the verdict box`);
    assertFoots(printedTable(filledXml, 'Depreciation for the year'), 3, `${name}: depreciation by year`);
    const liabilities = printedTable(filledXml, 'Reserves and surplus');
    const assets = printedTable(filledXml, 'Cash and bank');
    assert.equal(liabilities.length, (values.projections as unknown[]).length, `${name}: a balance sheet every year`);
    liabilities.forEach((row, index) =>
      assert.equal(row.at(-1), assets[index]?.at(-1), `${name}: the balance sheet balances, year ${index + 1}`),
    );
    assert.ok(!text.includes('No balance sheet is projected'), `${name}: the balance sheet is projected`);
    // DOMAIN §5.c: annexures 8–9 (the photographs the body carries) come before annexure 10.
    const photographs = text.indexOf('ANNEXURES 8 AND 9 — SITE PHOTOGRAPHS');
    const photoPage = text.indexOf('SITE VISIT PHOTOGRAPHS AND LOCATION MAP', photographs);
    const declaration = text.indexOf('ANNEXURE 10 — INDEPENDENCE DECLARATION AND TEAM');
    assert.ok(photographs > 0 && photographs < photoPage && photoPage < declaration, `${name}: annexure order`);
    if (name === 'domain-sample') {
      // The sample's own figures (DOMAIN §5.b), printed only when its settings are applied.
      for (const printed of ['16.96 % / 1,893.35', '2,258.31 409.83 0.00 79.20 26.25 1,743.03 438.69 1,304.34'])
        assert.ok(text.includes(printed), `${name}: '${printed}'`);
      assert.deepEqual(liabilities[0]?.slice(1), [
        '2,400.00',
        '-279.08',
        '0.00',
        '0.00',
        '4,400.00',
        '250.00',
        '6,770.92',
      ]);
      assert.deepEqual(assets[0]?.slice(1), ['6,305.17', '0.00', '335.00', '130.75', '6,770.92']);
    }
    const risks = (fixture.input as { riskMatrix?: { sensitivityCaseKey?: string }[] }).riskMatrix ?? [];
    const labels = values.sensitivity as unknown as Record<string, { label: string }>;
    for (const risk of risks) {
      const label = risk.sensitivityCaseKey ? labels[risk.sensitivityCaseKey]?.label : undefined;
      if (label)
        assert.ok(
          printedTable(filledXml, 'Mitigant').some((row) => row[1] === label),
          `${name}: the risk names its case '${label}'`,
        );
    }
  },
});
