import type { PsuRule } from './settings.js';

/** The pack's floor: below ₹5 crore SBI Format A applies, whatever the bank. */
export const valueBandRules = {
  VALUE_BELOW_PACK_FLOOR: {
    description: 'FMV below ₹5 crore: SBI Format A applies whatever the bank',
    level: 'error',
    check: ({ number, settings }) => {
      const fmv = number('fairMarketValue');
      return (
        fmv !== undefined &&
        fmv < settings.packValueFloorRupees && {
          message: 'FMV is below ₹5 crore: use SBI Format A (SBI_UNDER_5CR_V1), whatever the bank',
          fields: ['values/fairMarketValue'],
        }
      );
    },
  },
} satisfies Record<string, PsuRule>;
