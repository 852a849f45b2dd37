import type { JsonValue } from '../../contract/index.js';
import { rowsOf } from './json.js';
import { addLakh } from './lakh.js';
import type { BalanceSheetYear } from './balance-sheet.js';
import type { DepreciationYear } from './depreciation-schedule.js';
import type { ProjectionYear } from './projection-engine.js';
import type { ProjectFinanceRule } from './project-finance-types.js';
import type { RepaymentYear } from './repayment-schedule.js';

type Amount = { readonly amount?: number };

/** True when two ₹ lakh figures differ by more than the footing tolerance. */
export function differsBeyondTolerance(a: number | undefined, b: number | undefined, tolerance: number): boolean {
  return a !== undefined && b !== undefined && Math.abs(a - b) > tolerance + 1e-9;
}

function has(value: JsonValue | undefined): boolean {
  return value !== undefined && value !== null;
}

/**
 * Arithmetic and structure of the statements (DOMAIN §3.d "Structure", §6 "Arithmetic"), over
 * the values a project-finance pack computes (cost and means rows, schedules, projections,
 * balance sheet).
 */
export const structureRules = {
  COST_HEADS_NOT_TOTAL: {
    description: 'Σ cost heads = the total cost of project typed',
    level: 'error',
    check: ({ input, number, settings }) =>
      differsBeyondTolerance(number('projectCostTotal'), input.projectCost?.total, settings.footingToleranceLakh) &&
      `The cost heads add up to ${number('projectCostTotal')} lakh, the total typed is ${input.projectCost?.total} lakh`,
  },
  MEANS_NOT_EQUAL_COST: {
    description: 'Σ means of finance = total cost of project (±0.01 lakh)',
    level: 'error',
    check: ({ input, number, settings }) => {
      const means = number('meansOfFinanceTotal');
      const cost = number('projectCostTotal');
      if (differsBeyondTolerance(means, cost, settings.footingToleranceLakh))
        return {
          message: `Means of finance ${means} lakh ≠ cost of project ${cost} lakh`,
          fields: ['/meansOfFinance'],
        };
      return (
        differsBeyondTolerance(means, input.meansOfFinance?.total, settings.footingToleranceLakh) &&
        `The sources add up to ${means} lakh, the total typed is ${input.meansOfFinance?.total} lakh`
      );
    },
  },
  REPAYMENT_SCHEDULE_INVALID: {
    description:
      'Σ principal = term loan, closing balance ≥ 0 and 0 at the end, projections cover the tenor, structured % = 100',
    level: 'error',
    check: ({ input, values, number, settings }) => {
      const schedule = rowsOf<RepaymentYear>(values.repaymentSchedule);
      const loan = input.meansOfFinance?.termLoan;
      const problems: string[] = [];
      const structured = input.assumptions?.repaymentPctByYear ?? [];
      const structuredTotal = structured.reduce((sum, pct) => sum + pct, 0);
      if (structured.length > 0 && Math.abs(structuredTotal - 100) > 0.001)
        problems.push(`structured repayment adds up to ${structuredTotal} %`);
      if (differsBeyondTolerance(number('repaymentTotal'), loan, settings.footingToleranceLakh))
        problems.push(`principal repaid ${number('repaymentTotal')} lakh ≠ term loan ${loan} lakh`);
      if (schedule.some((row) => row.closing < 0)) problems.push('a closing balance is negative');
      const last = schedule[schedule.length - 1];
      if (last && last.closing !== 0) problems.push(`closing balance at the end is ${last.closing} lakh`);
      const tenor = number('repaymentTenorYears');
      const years = input.assumptions?.projectionYears;
      if (tenor !== undefined && years !== undefined && years < tenor)
        problems.push(`projections cover ${years} years, the tenor is ${tenor}`);
      return problems.length > 0 && { message: `Repayment schedule: ${problems.join('; ')}`, fields: ['/assumptions'] };
    },
  },
  REPAYMENT_INSTALMENT_MISMATCH: {
    description: 'The instalment typed equals the instalment per rest the repayment schedule charges',
    level: 'error',
    check: ({ input, number, settings }) => {
      const typed = input.assumptions?.repaymentInstalment;
      const structured = (input.assumptions?.repaymentPctByYear ?? []).length > 0;
      const problems: string[] = [];
      if (structured && input.assumptions?.repaymentMethod === 'EMI')
        problems.push('EMI is chosen, but a structured repayment is given and is the one scheduled');
      const scheduled = number('instalmentPerRest');
      if (typed !== undefined && structured)
        problems.push(`an instalment of ${typed} lakh is typed, but the structured instalments differ year by year`);
      else if (typed !== undefined && differsBeyondTolerance(typed, scheduled, settings.footingToleranceLakh))
        problems.push(`the instalment typed is ${typed} lakh, the schedule charges ${scheduled} lakh at each rest`);
      return (
        problems.length > 0 && {
          message: `Repayment terms: ${problems.join('; ')}`,
          fields: ['/assumptions/repaymentInstalment', '/assumptions/repaymentMethod'],
        }
      );
    },
  },
  UNIT_CAPTION_MISSING: {
    description: 'The unit of account is ₹ lakh, which every table caption prints ("₹ in lakh")',
    level: 'error',
    check: ({ input }) =>
      input.reportMeta?.unit !== 'INR_LAKH' && {
        message: `The unit of account is ${input.reportMeta?.unit ?? 'not given'}: amounts are in ₹ lakh with 2 decimals and every table caption says so`,
        fields: ['/reportMeta/unit'],
      },
  },
  TABLE_NOT_FOOTING: {
    description: 'Every printed total equals the sum of its printed (rounded) rows',
    level: 'error',
    check: ({ values, number, settings }) => {
      const tolerance = settings.footingToleranceLakh;
      const problems: string[] = [];
      const costRows = rowsOf<Amount>(values.projectCostRows).map((row) => row.amount ?? 0);
      if (
        has(values.projectCostTotal) &&
        differsBeyondTolerance(addLakh(...costRows), number('projectCostTotal'), tolerance)
      )
        problems.push('cost of project');
      const meansRows = rowsOf<Amount>(values.meansOfFinanceRows).map((row) => row.amount ?? 0);
      if (
        has(values.meansOfFinanceTotal) &&
        differsBeyondTolerance(addLakh(...meansRows), number('meansOfFinanceTotal'), tolerance)
      )
        problems.push('means of finance');
      const schedule = values.depreciationSchedule;
      const depreciation =
        schedule && typeof schedule === 'object' && !Array.isArray(schedule)
          ? rowsOf<DepreciationYear>(schedule.years)
          : [];
      for (const row of depreciation)
        if (differsBeyondTolerance(addLakh(...row.byClass), row.total, tolerance))
          problems.push(`depreciation, year ${row.year}`);
      for (const row of rowsOf<BalanceSheetYear>(values.balanceSheet)) {
        if (differsBeyondTolerance(addLakh(...Object.values(row.liabilities)), row.totalLiabilities, tolerance))
          problems.push(`liabilities, year ${row.year}`);
        if (differsBeyondTolerance(addLakh(...Object.values(row.assets)), row.totalAssets, tolerance))
          problems.push(`assets, year ${row.year}`);
      }
      return problems.length > 0 && `Totals that do not foot: ${problems.join(', ')}`;
    },
  },
  BALANCE_SHEET_MISMATCH: {
    description: 'The projected balance sheet balances every year (±0.01 lakh)',
    level: 'error',
    check: ({ values, settings }) => {
      const years = rowsOf<BalanceSheetYear>(values.balanceSheet)
        .filter((row) => differsBeyondTolerance(row.totalAssets, row.totalLiabilities, settings.footingToleranceLakh))
        .map((row) => `Y${row.year} (${row.totalAssets} vs ${row.totalLiabilities})`);
      return (
        years.length > 0 && {
          message: `The balance sheet does not balance in ${years.join(', ')}: check the depreciation bases against the cost heads and the working-capital gap against the margin`,
          fields: ['/assumptions/depreciationClasses', '/workingCapital'],
        }
      );
    },
  },
  FUNDING_GAP: {
    description: 'Cash and bank stays ≥ 0 every year',
    level: 'error',
    check: ({ values }) => {
      const short = rowsOf<BalanceSheetYear>(values.balanceSheet).filter((row) => row.assets.cashAndBank < 0);
      return (
        short.length > 0 &&
        `Funding gap: cash is negative in ${short.map((row) => `Y${row.year} (${row.assets.cashAndBank})`).join(', ')}`
      );
    },
  },
  PL_CHAIN_INCONSISTENT: {
    description: 'PAT = PBT − tax; the EBIT/PBT chain adds up; tax ≥ 0; losses are set off before tax is charged',
    level: 'error',
    check: ({ values, settings }) => {
      const tolerance = settings.footingToleranceLakh;
      const broken: string[] = [];
      let lossPool = 0;
      for (const row of rowsOf<ProjectionYear>(values.projections)) {
        const chain = [
          [row.contribution, row.sales - row.variableCost],
          [row.ebitda, row.contribution - row.fixedCashCost],
          [row.ebit, row.ebitda - row.depreciation - row.amortisation],
          [row.pbt, row.ebit - row.interestTermLoan - row.interestWorkingCapital],
          [row.pat, row.pbt - row.tax],
        ] as const;
        if (chain.some(([printed, worked]) => differsBeyondTolerance(printed, worked, tolerance)) || row.tax < 0)
          broken.push(`Y${row.year}`);
        else if (row.tax > 0 && lossPool > 0 && row.pbt > 0 && row.pbt <= lossPool + tolerance)
          broken.push(`Y${row.year} (tax charged before the loss carried forward is used)`);
        lossPool = row.lossBroughtForwardClosing;
      }
      return broken.length > 0 && `The P&L does not add up in ${broken.join(', ')}`;
    },
  },
} satisfies Record<string, ProjectFinanceRule>;
