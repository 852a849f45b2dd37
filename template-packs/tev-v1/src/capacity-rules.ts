import type { TevRule } from './settings.js';

/** Occupancy plausibility (DOMAIN §3.d "Plausibility", as §5.d applies it): the field and the norm are this pack's own. */
export const capacityRules = {
  CAPACITY_ABOVE_100: {
    description: 'Occupancy may not exceed 100 %',
    level: 'error',
    check: ({ input }) => {
      const years = (input.assumptions?.occupancyPct ?? [])
        .map((pct, index) => ({ pct, year: index + 1 }))
        .filter((row) => row.pct > 100);
      return (
        years.length > 0 && {
          message: `Occupancy above 100 % in ${years.map((row) => `Y${row.year}`).join(', ')}`,
          fields: ['/assumptions/occupancyPct'],
        }
      );
    },
  },
  CAPACITY_HIGH: {
    description: 'Occupancy above 85 % for two years running, or a first year above 70 % without a justification',
    level: 'warn',
    check: ({ input, settings }) => {
      const pcts = input.assumptions?.occupancyPct ?? [];
      const problems: string[] = [];
      let run = 0;
      let sustainedFrom: number | undefined;
      pcts.forEach((pct, index) => {
        run = pct > settings.capacityWarnPct && pct <= 100 ? run + 1 : 0;
        if (run === settings.capacitySustainedYears && sustainedFrom === undefined) sustainedFrom = index + 2 - run;
      });
      if (sustainedFrom !== undefined)
        problems.push(`above ${settings.capacityWarnPct} % sustained from Y${sustainedFrom}`);
      const first = pcts[0];
      if (
        first !== undefined &&
        first > settings.firstYearCapacityJustifyPct &&
        !input.market?.rampUpJustification?.trim()
      )
        problems.push(`year 1 at ${first} % without a ramp-up justification`);
      return (
        problems.length > 0 && { message: `Occupancy ${problems.join('; ')}`, fields: ['/assumptions/occupancyPct'] }
      );
    },
  },
} satisfies Record<string, TevRule>;
