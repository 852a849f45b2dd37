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
  repaymentMethodWords: {
    description:
      'How the loan is repaid, in words: structured (the % of each repayment year), EMI, or equal principal instalments',
    unit: 'text',
    compute: (c) => {
      const structured = c.input('/assumptions/repaymentPctByYear') ?? [];
      if (structured.length > 0) return `structured: ${structured.join(' %, ')} % of the loan in the repayment years`;
      return c.input('/assumptions/repaymentMethod') === 'EMI'
        ? 'equated instalments of principal and interest (EMI)'
        : 'equal principal instalments';
    },
  },
} satisfies Record<string, DprFormula>;

/** The projections, schedules and balance sheet of the kit, from this pack's drivers. */
export const projections = projectionFormulas<PackInput, DprSettings>(
  { drivers: readDrivers },
  'sales = capacity × price × CU',
);
