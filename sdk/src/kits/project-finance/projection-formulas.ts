import type { FormulaDefinition } from '../../define-pack/index.js';
import { balanceSheets } from './balance-sheet.js';
import { json } from './json.js';
import { addLakh } from './lakh.js';
import { project } from './projection-engine.js';
import { scheduledInstalment } from './repayment-schedule.js';
import type { DriverReaders } from './viability-formulas.js';

/**
 * Projected statements and the schedules behind them (DOMAIN §3.a item 8), from the pack's
 * drivers; `revenue` says how the pack's revenue line is worked ("sales = capacity × price × CU").
 */
export function projectionFormulas<Input, Settings>(
  read: Pick<DriverReaders<Input, Settings>, 'drivers'>,
  revenue: string,
): Record<string, FormulaDefinition<Input, Settings, string>> {
  return {
    projections: {
      description: `Projected P&L by year: ${revenue}; contribution; EBITDA; depreciation and amortisation; term-loan interest on the opening balance; tax after losses brought forward; PAT; cash accruals; DSCR = (PAT + dep + amort + TL interest) ÷ (principal + TL interest); break-even`,
      unit: 'INR_LAKH',
      compute: (c) => json(project(read.drivers(c)).years),
    },
    depreciationPerYear: {
      description: 'Straight-line depreciation of the first year: Σ base ÷ life',
      unit: 'INR_LAKH',
      compute: (c) => project(read.drivers(c)).depreciation[0]?.total ?? null,
    },
    depreciationSchedule: {
      description:
        'Depreciation schedule: the classes (gross block, life) and each class’s charge by year; rows foot to the yearly total',
      unit: 'INR_LAKH',
      compute: (c) => {
        const drivers = read.drivers(c);
        return json({
          classes: drivers.depreciationClasses.map(({ asset, base, lifeYears }) => ({ asset, base, lifeYears })),
          years: project(drivers).depreciation,
        });
      },
    },
    repaymentSchedule: {
      description:
        'Term-loan schedule by year: opening, interest (Σ balance × rate ÷ rests a year, at each rest), principal, closing',
      unit: 'INR_LAKH',
      compute: (c) => json(project(read.drivers(c)).repayment),
    },
    instalmentPerRest: {
      description:
        'Instalment due at each rest: EMI = PMT(rate ÷ rests a year, repayment years × rests, term loan), or equal principal = term loan ÷ (repayment years × rests); none for a structured repayment',
      unit: 'INR_LAKH',
      compute: (c) => scheduledInstalment(read.drivers(c).repayment),
    },
    repaymentTotal: {
      description: 'Σ principal repaid over the projection: must equal the term loan',
      unit: 'INR_LAKH',
      compute: (c) => addLakh(...project(read.drivers(c)).repayment.map((row) => row.principal)),
    },
    balanceSheet: {
      description:
        'Projected balance sheet by year: cash from the funds flow (cash accruals − principal repaid); current ratio, TOL/TNW, FACR, ISCR',
      unit: 'INR_LAKH',
      compute: (c) => {
        const drivers = read.drivers(c);
        return json(balanceSheets(drivers, project(drivers)));
      },
    },
    residualValue: {
      description: 'Residual value at the end of the horizon: land at cost + net block + working-capital margin',
      unit: 'INR_LAKH',
      compute: (c) => project(read.drivers(c)).residualValue,
    },
  };
}
