import { roundToDecimals } from '@repogen/sdk/pack';
import {
  factorFlooredRupees,
  marketFromAdopted,
  moneyFields,
  roundUpRupees,
  rupeesTimes,
  sumRupees,
} from './rupee-arithmetic.js';
import type { CoopFormula } from './settings.js';

type AbstractPart = readonly [label: string, valueName: string];

const LAND_AND_BUILDING_PARTS: readonly AbstractPart[] = [
  ['Part A — Land', 'landValue'],
  ['Part B — Building', 'buildingValue'],
  ['Part C — Extra items', 'partC_total'],
  ['Part D — Amenities', 'partD_total'],
  ['Part E — Miscellaneous', 'partE_total'],
  ['Part F — Services', 'partF_total'],
];

const FLAT_PARTS: readonly AbstractPart[] = [
  ['Flat (composite rate)', 'flatValue'],
  ['Extras', 'flatExtrasTotal'],
];

function partTotal(
  title: string,
  pointer: '/partC_extraItems' | '/partD_amenities' | '/partE_miscellaneous' | '/partF_services',
): CoopFormula {
  return {
    description: `${title} (adopted)`,
    unit: 'INR',
    compute: (c) => sumRupees(moneyFields(c.input(pointer))),
  };
}

/**
 * Parts C–F, the abstract with its adopted and market columns, and the final values. The
 * valuer adopts 80 % of the market; each market figure is adopted ÷ 0.80 to the rupee, so the
 * market column foots; totals round up to the next ₹500 (REQUIREMENTS, co-op).
 */
export const valueFormulas = {
  partC_total: partTotal('Part C — extra items', '/partC_extraItems'),
  partD_total: partTotal('Part D — amenities', '/partD_amenities'),
  partE_total: partTotal('Part E — miscellaneous', '/partE_miscellaneous'),
  partF_total: partTotal('Part F — services', '/partF_services'),
  abstractRows: {
    description: 'Total abstract: each part adopted, and its market figure = adopted ÷ adopted-to-market factor',
    unit: 'table',
    compute: (c) => {
      const parts = c.value('isFlat') === true ? FLAT_PARTS : LAND_AND_BUILDING_PARTS;
      const factor = c.setting('adoptedToMarketFactor');
      return parts.map(([part, name]) => {
        const adopted = c.number(name);
        return { part, adopted, market: marketFromAdopted(adopted, factor) };
      });
    },
  },
  adoptedTotal: {
    description: 'Total of the adopted column, exact to the rupee',
    unit: 'INR',
    compute: (c) => sumRupees(abstractColumn(c.value('abstractRows'), 'adopted')),
  },
  marketTotal: {
    description: 'Total of the market column, exact to the rupee',
    unit: 'INR',
    compute: (c) => sumRupees(abstractColumn(c.value('abstractRows'), 'market')),
  },
  adoptedValue: {
    description: 'Value adopted (considered): the adopted total rounded up to the next step',
    unit: 'INR',
    compute: (c) => roundUpRupees(c.number('adoptedTotal'), c.setting('totalRoundUpStepRupees')),
  },
  fairMarketValue: {
    description: 'Fair market value: the market total rounded up to the next step',
    unit: 'INR',
    compute: (c) => roundUpRupees(c.number('marketTotal'), c.setting('totalRoundUpStepRupees')),
  },
  realizableValue: {
    description: 'Realisable value: realisable factor × FMV, floored to the step',
    unit: 'INR',
    compute: (c) =>
      factorFlooredRupees(
        c.number('fairMarketValue'),
        c.setting('realisableFactor'),
        c.setting('rvDvRoundingStepRupees'),
      ),
  },
  distressValue: {
    description: 'Distress (forced-sale) value: distress factor × FMV, floored to the step',
    unit: 'INR',
    compute: (c) =>
      factorFlooredRupees(
        c.number('fairMarketValue'),
        c.setting('distressFactor'),
        c.setting('rvDvRoundingStepRupees'),
      ),
  },
  insurableValue: {
    description:
      'Insurable value: structure only as adopted (Part B + Part C + Part D; for a flat, depreciated building rate × built-up), rounded up to the step; land is never insurable',
    unit: 'INR',
    compute: (c) =>
      roundUpRupees(
        c.value('isFlat') === true
          ? rupeesTimes(c.number('depreciatedBuildingRatePerSqm'), c.number('builtUpTotalSqm'))
          : sumRupees([c.number('buildingValue'), c.number('partC_total'), c.number('partD_total')]),
        c.setting('totalRoundUpStepRupees'),
      ),
  },
  guidelineLandRatePerSqm: {
    description: 'Guideline (circle) land rate per sq m',
    unit: 'INR/sqm',
    compute: (c) => c.input('/guideline/landRatePerSqm') ?? c.input('/partA_land/guidelineRatePerSqm') ?? null,
  },
  guidelineValue: {
    description:
      'Guideline value: extent × guideline land rate + built-up area × guideline construction rate; none when the land rate is missing',
    unit: 'INR',
    compute: (c) => {
      const landRate = c.value('guidelineLandRatePerSqm');
      if (typeof landRate !== 'number') return null;
      const land = rupeesTimes(landRate, c.number('extentConsideredSqm'));
      const buildingRate = c.input('/guideline/buildingRatePerSqm');
      const building = buildingRate === undefined ? 0 : rupeesTimes(buildingRate, c.number('builtUpTotalSqm'));
      return sumRupees([land, building]);
    },
  },
  bookValue: {
    description: 'Book value: the guideline value (firm rule)',
    unit: 'INR',
    compute: (c) => c.value('guidelineValue'),
  },
  variationFromGuidelinePct: {
    description: 'Variation of FMV from the guideline value: (FMV − GV) ÷ GV × 100',
    unit: '%',
    compute: (c) => {
      const guideline = c.value('guidelineValue');
      if (typeof guideline !== 'number' || guideline === 0) return null;
      return roundToDecimals(((c.number('fairMarketValue') - guideline) / guideline) * 100, 2);
    },
  },
  guidelineJustificationRequired: {
    description:
      'FMV differs from the guideline value by the threshold or more (unrounded): the valuer writes a justification',
    unit: 'boolean',
    compute: (c) => {
      const guideline = c.value('guidelineValue');
      if (typeof guideline !== 'number' || guideline === 0) return false;
      return (
        (Math.abs(c.number('fairMarketValue') - guideline) / guideline) * 100 >= c.setting('guidelineDeviationPct')
      );
    },
  },
} satisfies Record<string, CoopFormula>;

/** One money column of the abstract table; anything malformed counts as zero. */
function abstractColumn(rows: unknown, column: 'adopted' | 'market'): number[] {
  if (!Array.isArray(rows)) return [];
  return rows.map((row: unknown) => {
    if (row === null || typeof row !== 'object') return 0;
    const value: unknown = (row as Record<string, unknown>)[column];
    return typeof value === 'number' ? value : 0;
  });
}
