import { projectionFormulas } from '@repogen/sdk/kits/project-finance';
import { readDrivers } from './read-drivers.js';
import type { PackInput } from './input.generated.js';
import type { DprFormula, DprSettings } from './settings.js';

/** The repayment tenor: the moratorium plus the repayment years, or the structured years when given. */
export const packProjectionFormulas = {
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
} satisfies Record<string, DprFormula>;

/** The projections, schedules and balance sheet of the kit, from this pack's drivers. */
export const projections = projectionFormulas<PackInput, DprSettings>(
  { drivers: readDrivers },
  'sales = capacity × price × CU',
);
