import type { JsonValue } from '@repogen/sdk/pack';
import { addLakh, subtractLakh } from '@repogen/sdk/kits/project-finance';
import type { DprFormula } from './settings.js';

interface ProjectionRow {
  readonly year: number;
  readonly depreciation: number;
  readonly amortisation: number;
  readonly cashAccruals: number;
  readonly tlRepayment: number;
  readonly interestTermLoan: number;
}

function list<T>(value: JsonValue): T[] {
  return Array.isArray(value) ? (value as unknown as T[]) : [];
}

/**
 * The year tables the document loops over, worked from the printed (rounded) figures so each
 * printed row and total foots: the projection rows with their year label, the funds-flow
 * statement (opening cash, cash accruals, principal repaid, closing cash), the totals of the
 * repayment schedule, the FIRR flows by year and the depreciation classes.
 */
export const tableFormulas = {
  yearRows: {
    description: 'Projection rows with the year label and depreciation + amortisation',
    unit: 'table',
    compute: (c) => {
      const labels = list<string>(c.value('yearLabels'));
      return list<ProjectionRow>(c.value('projections')).map((row) => ({
        ...row,
        label: labels[row.year - 1] ?? `Year ${row.year}`,
        depreciationAndAmortisation: addLakh(row.depreciation, row.amortisation),
      }));
    },
  },
  fundsFlowRows: {
    description: 'Funds-flow statement by year: opening cash + cash accruals − term-loan principal = closing cash',
    unit: 'INR_LAKH',
    compute: (c) => {
      const labels = list<string>(c.value('yearLabels'));
      let cash = subtractLakh(c.number('meansOfFinanceTotal'), c.number('projectCostTotal'));
      return list<ProjectionRow>(c.value('projections')).map((row) => {
        const opening = cash;
        const surplus = subtractLakh(row.cashAccruals, row.tlRepayment);
        cash = addLakh(opening, surplus);
        return {
          year: row.year,
          label: labels[row.year - 1] ?? `Year ${row.year}`,
          openingCash: opening,
          cashAccruals: row.cashAccruals,
          tlRepayment: row.tlRepayment,
          netSurplus: surplus,
          closingCash: cash,
        };
      });
    },
  },
  repaymentInterestTotal: {
    description: 'Σ term-loan interest over the schedule',
    unit: 'INR_LAKH',
    compute: (c) => addLakh(...list<{ interest: number }>(c.value('repaymentSchedule')).map((row) => row.interest)),
  },
  firrRows: {
    description: 'FIRR cash flows by year (year 0 = project cost; the last year adds the residual value)',
    unit: 'INR_LAKH',
    compute: (c) => {
      const labels = list<string>(c.value('yearLabels'));
      return list<number>(c.value('firrCashFlows')).map((flow, year) => ({
        year,
        label: year === 0 ? 'Year 0 (cost of project)' : (labels[year - 1] ?? `Year ${year}`),
        flow,
      }));
    },
  },
  depreciationRows: {
    description: 'Depreciation classes: base, life and the first year’s charge',
    unit: 'INR_LAKH',
    compute: (c) => {
      const schedule = c.value('depreciationSchedule') as { years?: { byClass: number[] }[] } | null;
      const first = schedule?.years?.[0]?.byClass ?? [];
      const classes = c.input('/assumptions/depreciationClasses') ?? [];
      return classes.map((item, index) => ({
        asset: item.asset,
        base: item.base,
        lifeYears: item.lifeYears,
        annualCharge: first[index] ?? null,
      }));
    },
  },
} satisfies Record<string, DprFormula>;
