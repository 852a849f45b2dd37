import assert from 'node:assert/strict';
import path from 'node:path';
import { TEMPLATE_PACKS_DIR } from '../support/pack-sources.js';
import {
  assertFoots,
  describePfTemplate,
  lakh,
  parseLakh,
  printedTable,
  sumLakh,
  type RenderedPfFixture,
} from './pf-template-harness.js';

interface Row {
  readonly amount: number;
}
interface RepaymentRow {
  readonly interest: number;
  readonly principal: number;
  readonly closing: number;
}
interface SheetRow {
  readonly liabilities: Record<string, number>;
  readonly assets: Record<string, number>;
  readonly totalLiabilities: number;
  readonly totalAssets: number;
}
interface FlowRow {
  readonly openingCash: number;
  readonly cashAccruals: number;
  readonly tlRepayment: number;
  readonly closingCash: number;
}

const ratio = (value: unknown) => lakh(value as number);

describePfTemplate({
  packDir: path.join(TEMPLATE_PACKS_DIR, 'dpr-v1'),
  identity: { title: 'Detailed project report', packKey: 'DPR_V1' },
  headings: [
    'DETAILED PROJECT REPORT',
    '1. EXECUTIVE SUMMARY',
    '2. PROMOTERS AND ENTITY',
    '3. PROJECT DESCRIPTION',
    '4. TECHNICAL',
    '5. MARKET',
    '6. COST OF PROJECT',
    '7. MEANS OF FINANCE',
    '8. FINANCIALS',
    '8.1 Assumptions',
    '8.3 Debt service coverage',
    '8.4 Break-even',
    '8.5 FIRR, NPV and payback',
    '8.6 Working capital',
    '8.7 Sensitivity',
    '9. CONCLUSION',
    'ANNEXURE 1 — DETAILED FINANCIAL STATEMENTS',
    'ANNEXURE 2 — SCHEDULES',
    'ANNEXURE 3 — SENSITIVITY TABLES',
    'ANNEXURE 4 — MACHINERY QUOTATIONS LIST',
    'ANNEXURE 5 — APPROVALS / NOC LIST',
    'ANNEXURES 6 TO 10 — DOCUMENTS AND PHOTOGRAPHS',
    'Projected balance sheet: liabilities',
    'Projected cash flow (funds flow) statement',
    'Term-loan repayment and interest schedule',
    'Depreciation schedule by class and year: gross and net block',
    'Depreciation schedule: all classes by year',
    'PHOTOGRAPHS',
  ],
  enumCodes:
    /\b(OWNED|LEASED|OBTAINED|TO_APPLY|NOT_REQUIRED|INR_LAKH|ANNUAL_REST|MONTHLY_REST|QUARTERLY_REST|EQUAL_PRINCIPAL)\b/,
  chartIds: ['dscr-by-year', 'sensitivity'],
  printed: ({ values }) => [
    ['cost of project', `Cost of project (₹ in lakh) ${lakh(values.projectCostTotal as number)}`],
    ['cost in words', values.projectCostInWords as string],
    [
      'promoters’ contribution',
      `${lakh(values.promoterContribution as number)} (${ratio(values.promoterContributionPct)} % of cost)`,
    ],
    ['debt–equity', `${ratio(values.debtEquityRatio)} : 1`],
    ['average / minimum DSCR', `${ratio(values.avgDscr)} / ${ratio(values.minDscr)}`],
    ['FIRR / NPV', `${ratio(values.firrPct)} % / ${lakh(values.npv as number)}`],
    ['sales at full capacity', lakh(values.salesAtFullCapacity as number)],
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
    assert.ok(text.includes(cost.at(-1)?.[2] ?? '?'), `${name}: the total is in the PDF`);

    const schedule = values.repaymentSchedule as unknown as RepaymentRow[];
    const repayment = printedTable(filledXml, 'Principal repaid');
    assertFoots(repayment, 2, `${name}: term-loan interest`);
    assertFoots(repayment, 3, `${name}: term-loan principal`);
    assert.equal(repayment.at(-1)?.[3], lakh(values.repaymentTotal as number), `${name}: Σ principal = term loan`);
    assert.equal(schedule.at(-1)?.closing, 0, `${name}: the loan is repaid by the end of the tenor`);
    assertFoots(printedTable(filledXml, 'Depreciable base'), 3, `${name}: depreciation, year 1`);
    assertFoots(printedTable(filledXml, 'Depreciation for the year'), 3, `${name}: depreciation by year`);
    const blocks = printedTable(filledXml, 'Opening net block');
    for (const row of blocks)
      assert.equal(
        sumLakh([parseLakh(row[3] ?? ''), -parseLakh(row[4] ?? '')]),
        parseLakh(row[5] ?? ''),
        `${name}: ${row[0]} ${row[1]}: closing net block = opening − depreciation`,
      );
    // DOMAIN §3.c: annexure 2 holds the depreciation, repayment, working-capital, BEP, DSCR and IRR schedules.
    const annexure2 = text.slice(
      text.indexOf('ANNEXURE 2 — SCHEDULES'),
      text.indexOf('ANNEXURE 3 — SENSITIVITY TABLES'),
    );
    for (const schedule of [
      'Depreciation schedule by class and year',
      'Term-loan repayment and interest schedule',
      'Working-capital schedule',
      'Break-even by year',
      'Debt service coverage ratio (DSCR)',
      'FIRR cash flows',
    ])
      assert.ok(annexure2.includes(schedule), `${name}: annexure 2 holds '${schedule}'`);
    const rests = (fixture.input as { assumptions: { interestMethod?: string } }).assumptions.interestMethod;
    assert.ok(
      text.includes(
        rests === 'MONTHLY_REST'
          ? 'monthly rests: interest on the balance of each month'
          : 'annual rests: interest on the opening balance',
      ),
      `${name}: the interest rests in words`,
    );
    if (name === 'emi-monthly-rests') {
      // reference/dpr_reference.py: EMI = 330 × r(1+r)^72 ÷ ((1+r)^72 − 1), r = 10 % ÷ 12 → 6.11.
      assert.ok(
        text.includes('equated instalments of principal and interest (EMI); instalment at each rest 6.11'),
        name,
      );
      assert.ok(text.includes('287.79'), `${name}: closing balance after year 2`);
    }

    for (const [index, sheet] of (values.balanceSheet as unknown as SheetRow[]).entries()) {
      assert.equal(
        sumLakh(Object.values(sheet.liabilities)),
        sheet.totalLiabilities,
        `${name}: liabilities foot, year ${index + 1}`,
      );
      assert.equal(sumLakh(Object.values(sheet.assets)), sheet.totalAssets, `${name}: assets foot, year ${index + 1}`);
      assert.ok(text.includes(lakh(sheet.totalAssets)), `${name}: balance sheet total, year ${index + 1}`);
    }
    const sheets = values.balanceSheet as unknown as SheetRow[];
    for (const [index, flow] of (values.fundsFlowRows as unknown as FlowRow[]).entries()) {
      assert.equal(
        sumLakh([flow.openingCash, flow.cashAccruals, -flow.tlRepayment]),
        flow.closingCash,
        `${name}: funds flow foots, year ${index + 1}`,
      );
      assert.equal(
        flow.closingCash,
        sheets[index]?.assets.cashAndBank,
        `${name}: closing cash is the balance sheet’s, year ${index + 1}`,
      );
    }
  },
});
