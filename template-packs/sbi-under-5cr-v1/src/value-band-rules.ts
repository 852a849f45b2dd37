import type { SbiRule } from './settings.js';

/** The pack's ceiling: at or above ₹5 crore the longer format applies. */
export const valueBandRules = {
  VALUE_ABOVE_PACK_LIMIT: {
    description: 'FMV at or above ₹5 crore needs the longer format',
    level: 'error',
    check: ({ number, settings }) =>
      (number('fairMarketValue') ?? 0) >= settings.packValueLimitRupees && {
        message: 'FMV is ₹5 crore or more: use the format for properties above ₹5 crore',
        fields: ['values/fairMarketValue'],
      },
  },
} satisfies Record<string, SbiRule>;
