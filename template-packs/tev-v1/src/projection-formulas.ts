import { roundToDecimals } from '@repogen/sdk/pack';
import { balanceSheets } from './balance-sheet.js';
import { json } from './json.js';
import { financialYearOf, yearLabels } from './year-labels.js';
import { addLakh } from './lakh.js';
import { project } from './projection-engine.js';
import { arpobByYear, readDrivers } from './read-drivers.js';
import type { TevFormula } from './settings.js';

/** Projected statements and the schedules behind them (DOMAIN §5.a item 8, §5.b). */
export const projectionFormulas = {
  projections: {
    description:
      'Projected P&L by year: revenue = beds × 365 × occupancy × ARPOB; contribution; EBITDA; depreciation and amortisation; term-loan interest on the opening balance; tax after losses brought forward; PAT; cash accruals; DSCR = (PAT + dep + amort + TL interest) ÷ (principal + TL interest); break-even',
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
    description: 'Repayment tenor: years from the start to the last instalment, moratorium included',
    unit: 'years',
    compute: (c) => c.need('/assumptions/moratoriumYears') + c.need('/assumptions/repaymentPctByYear').length,
  },
  repaymentTenorPctOfEconomicLife: {
    description: 'Repayment tenor ÷ economic life × 100 (RBI Directions 2025: at most 85 %)',
    unit: '%',
    compute: (c) => roundToDecimals((c.number('repaymentTenorYears') / c.need('/project/economicLifeYears')) * 100, 2),
  },
  arpobByYear: {
    description: 'ARPOB by year (₹): year-1 ARPOB grown at the annual rate',
    unit: 'INR',
    compute: (c) => json(arpobByYear(c)),
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
  yearLabels: {
    description: 'Column labels of the projection years: financial years (April–March) from the scheduled COD',
    unit: 'text',
    compute: (c) =>
      json(yearLabels(financialYearOf(c.input('/project/scheduledCod')), c.need('/assumptions/projectionYears'))),
  },
} satisfies Record<string, TevFormula>;
