import type { DprRule } from './settings.js';

/** Capacity utilisation plausibility (DOMAIN §3.d "Plausibility"): the field and the norm are this pack's own. */
export const capacityRules = {
  CAPACITY_ABOVE_100: {
    description: 'Capacity utilisation may not exceed 100 %',
    level: 'error',
    check: ({ input }) => {
      const years = (input.assumptions?.capacityUtilisationPct ?? [])
        .map((pct, index) => ({ pct, year: index + 1 }))
        .filter((row) => row.pct > 100);
      return (
        years.length > 0 && {
          message: `Capacity utilisation above 100 % in ${years.map((row) => `Y${row.year}`).join(', ')}`,
          fields: ['/assumptions/capacityUtilisationPct'],
        }
      );
    },
  },
  CAPACITY_HIGH: {
    description: 'Capacity utilisation above 90 %, or a first year above 70 % without a justification',
    level: 'warn',
    check: ({ input, settings }) => {
      const pcts = input.assumptions?.capacityUtilisationPct ?? [];
      const problems: string[] = [];
      const high = pcts
        .map((pct, index) => ({ pct, year: index + 1 }))
        .filter((row) => row.pct > settings.capacityWarnPct && row.pct <= 100);
      if (high.length > 0)
        problems.push(`above ${settings.capacityWarnPct} % in ${high.map((row) => `Y${row.year}`).join(', ')}`);
      const first = pcts[0];
      if (
        first !== undefined &&
        first > settings.firstYearCapacityJustifyPct &&
        !input.assumptions?.rampUpJustification?.trim()
      )
        problems.push(`year 1 at ${first} % without a justification`);
      return (
        problems.length > 0 && { message: `Capacity utilisation ${problems.join('; ')}`, fields: ['/assumptions'] }
      );
    },
  },
} satisfies Record<string, DprRule>;
