import { roundToDecimals } from '@repogen/sdk/pack';
import type { PsuFormula } from './settings.js';

function floorAreaTotal(pick: 'carpetAreaSqm' | 'saleableAreaSqm'): PsuFormula {
  return {
    description: `Sum of the floors’ ${pick === 'carpetAreaSqm' ? 'carpet' : 'saleable'} areas (none when no floor gives one)`,
    unit: 'sqm',
    compute: (c) => {
      const areas = (c.input('/partB_building/floors') ?? [])
        .map((floor) => floor[pick])
        .filter((area): area is number => typeof area === 'number');
      return areas.length === 0
        ? null
        : roundToDecimals(
            areas.reduce((sum, area) => sum + area, 0),
            2,
          );
    },
  };
}

/** The >₹5 crore format's separate areas and town-planning parameters, permitted against consumed. */
export const townPlanningFormulas = {
  carpetTotalSqm: floorAreaTotal('carpetAreaSqm'),
  saleableTotalSqm: floorAreaTotal('saleableAreaSqm'),
  groundCoverageSqm: {
    description:
      'Ground coverage: the footprint typed, else the first floor’s plinth area (not for a flat or a vacant plot)',
    unit: 'sqm',
    compute: (c) => {
      if (c.value('isFlat') === true) return null;
      const typed = c.input('/townPlanning/groundCoverageSqm');
      if (typed !== undefined) return typed;
      return c.input('/partB_building/floors/0/plinthAreaSqm') ?? null;
    },
  },
  groundCoveragePct: {
    description: 'Ground coverage consumed: footprint ÷ extent considered × 100',
    unit: '%',
    compute: (c) => {
      const footprint = c.value('groundCoverageSqm');
      if (typeof footprint !== 'number') return null;
      return roundToDecimals((footprint / c.number('extentConsideredSqm')) * 100, 2);
    },
  },
} satisfies Record<string, PsuFormula>;
