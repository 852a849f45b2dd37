import type { JsonValue } from '../../contract/index.js';
import type { FormulaDefinition } from '../../define-pack/index.js';
import { addLakh, subtractLakh } from './lakh.js';

interface ProjectionRow {
  readonly year: number;
  readonly cashAccruals: number;
  readonly tlRepayment: number;
}

function list<T>(value: JsonValue): T[] {
  return Array.isArray(value) ? (value as unknown as T[]) : [];
}

/**
 * Year tables a viability document loops over, worked from the printed (rounded) figures of
 * `projectionFormulas`, `viabilityFormulas` and the cost summary so each printed row and total
 * foots: the funds-flow statement (opening cash, cash accruals, principal repaid, closing cash),
 * the total interest of the repayment schedule and the FIRR flows by year.
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
