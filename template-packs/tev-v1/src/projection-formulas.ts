import { roundToDecimals } from '@repogen/sdk/pack';
import { json, projectionFormulas } from '@repogen/sdk/kits/project-finance';
import { financialYearOf, yearLabels } from './year-labels.js';
import { arpobByYear, readDrivers } from './read-drivers.js';
import type { PackInput } from './input.generated.js';
import type { TevFormula, TevSettings } from './settings.js';

/** The TEV's own projection values: tenor against economic life, ARPOB and the year labels (DOMAIN §5.a item 8, §5.b). */
export const packProjectionFormulas = {
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
  yearLabels: {
    description: 'Column labels of the projection years: financial years (April–March) from the scheduled COD',
    unit: 'text',
    compute: (c) =>
      json(yearLabels(financialYearOf(c.input('/project/scheduledCod')), c.need('/assumptions/projectionYears'))),
  },
} satisfies Record<string, TevFormula>;

/** The projections, schedules and balance sheet of the kit, from this pack's drivers. */
export const projections = projectionFormulas<PackInput, TevSettings>(
  { drivers: readDrivers },
  'revenue = beds × 365 × occupancy × ARPOB',
);
