import { balanceSheets } from './balance-sheet.js';
import { json } from './json.js';
import { addLakh } from './lakh.js';
import { project } from './projection-engine.js';
import { readDrivers } from './read-drivers.js';
import type { DprFormula } from './settings.js';

/** Projected statements and the schedules behind them (DOMAIN §3.a item 8). */
export const projectionFormulas = {
  projections: {
    description:
      'Projected P&L by year: sales = capacity × price × CU; contribution; EBITDA; depreciation and amortisation; term-loan interest on the opening balance; tax after losses brought forward; PAT; cash accruals; DSCR = (PAT + dep + amort + TL interest) ÷ (principal + TL interest); break-even',
    unit: 'INR_LAKH',
    compute: (c) => json(project(readDrivers(c)).years),
  },
  depreciationPerYear: {
    description: 'Straight-line depreciation of the first year: Σ base ÷ life',
    unit: 'INR_LAKH',
    compute: (c) => project(readDrivers(c)).depreciation[0]?.total ?? null,
  },
  depreciationSchedule: {
    description: 'Depreciation schedule: each class by year; rows foot to the yearly total',
    unit: 'INR_LAKH',
    compute: (c) => {
      const drivers = readDrivers(c);
      return json({
        classes: drivers.depreciationClasses.map((item) => item.asset),
        years: project(drivers).depreciation,
      });
    },
  },
  repaymentSchedule: {
    description: 'Term-loan schedule: opening, interest (opening × rate), principal, closing',
    unit: 'INR_LAKH',
    compute: (c) => json(project(readDrivers(c)).repayment),
  },
  repaymentTotal: {
    description: 'Σ principal repaid over the projection: must equal the term loan',
    unit: 'INR_LAKH',
    compute: (c) => addLakh(...project(readDrivers(c)).repayment.map((row) => row.principal)),
  },
  repaymentTenorYears: {
    description: 'Repayment tenor: moratorium + repayment years',
    unit: 'years',
    compute: (c) => {
      const structured = c.input('/assumptions/repaymentPctByYear') ?? [];
      return (
        c.need('/assumptions/moratoriumYears') +
        (structured.length > 0 ? structured.length : c.need('/assumptions/repaymentYears'))
      );
    },
  },
  balanceSheet: {
    description:
      'Projected balance sheet by year: cash from the funds flow (cash accruals − principal repaid); current ratio, TOL/TNW, FACR, ISCR',
    unit: 'INR_LAKH',
    compute: (c) => {
      const drivers = readDrivers(c);
      return json(balanceSheets(drivers, project(drivers)));
    },
  },
  residualValue: {
    description: 'Residual value at the end of the horizon: land at cost + net block + working-capital margin',
    unit: 'INR_LAKH',
    compute: (c) => project(readDrivers(c)).residualValue,
  },
} satisfies Record<string, DprFormula>;
