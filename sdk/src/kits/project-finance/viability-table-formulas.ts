import type { JsonValue } from '../../contract/index.js';
import type { FormulaDefinition } from '../../define-pack/index.js';
import {
  depreciationBlocks,
  depreciationTotals,
  type DepreciationClass,
  type DepreciationYear,
} from './depreciation-schedule.js';
import { addLakh, subtractLakh } from './lakh.js';

interface ProjectionRow {
  readonly year: number;
  readonly cashAccruals: number;
  readonly tlRepayment: number;
}

function list<T>(value: JsonValue): T[] {
  return Array.isArray(value) ? (value as unknown as T[]) : [];
}

/** The classes and years of the `depreciationSchedule` value. */
function scheduleOf(value: JsonValue): { classes: DepreciationClass[]; years: DepreciationYear[] } {
  const schedule = value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
  return {
    classes: list<DepreciationClass>(schedule.classes ?? null),
    years: list<DepreciationYear>(schedule.years ?? null),
  };
}

/**
 * Year tables a viability document loops over, worked from the printed (rounded) figures of
 * `projectionFormulas`, `viabilityFormulas` and the cost summary so each printed row and total
 * foots: the funds-flow statement (opening cash, cash accruals, principal repaid, closing cash),
 * the total interest of the repayment schedule, the FIRR flows by year and the depreciation
 * schedule by class and year with the gross and net block.
 */
export function viabilityTableFormulas<Input, Settings>(): Record<string, FormulaDefinition<Input, Settings, string>> {
  return {
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
    depreciationBlockRows: {
      description:
        'Depreciation schedule by class and year: gross block, opening net block, the printed charge, closing net block = opening − charge',
      unit: 'INR_LAKH',
      compute: (c) => {
        const labels = list<string>(c.value('yearLabels'));
        const { classes, years } = scheduleOf(c.value('depreciationSchedule'));
        return depreciationBlocks(classes, years).map((row) => ({
          ...row,
          label: labels[row.year - 1] ?? `Year ${row.year}`,
        }));
      },
    },
    depreciationTotalRows: {
      description:
        'Depreciation schedule totals by year: Σ gross block, opening net block, the year’s charge (as in the P&L), closing net block',
      unit: 'INR_LAKH',
      compute: (c) => {
        const labels = list<string>(c.value('yearLabels'));
        const { classes, years } = scheduleOf(c.value('depreciationSchedule'));
        return depreciationTotals(classes, years).map((row) => ({
          ...row,
          label: labels[row.year - 1] ?? `Year ${row.year}`,
        }));
      },
    },
    depreciationTotal: {
      description: 'Σ depreciation charged over the projection',
      unit: 'INR_LAKH',
      compute: (c) => addLakh(...scheduleOf(c.value('depreciationSchedule')).years.map((row) => row.total)),
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
  };
}
