import { roundToDecimals } from '@repogen/sdk/pack';
import { factorFlooredRupees, moneyFields, nearestRupees, rupeesTimes, sumRupees } from './rupee-arithmetic.js';
import type { PsuFormula } from './settings.js';

/** Parts C–F, the total abstract and the final values. */
export const valueFormulas = {
  partC_total: {
    description: 'Part C — extra items',
    unit: 'INR',
    compute: (c) => sumRupees(moneyFields(c.input('/partC_extraItems'))),
  },
  partD_total: {
    description: 'Part D — amenities',
    unit: 'INR',
    compute: (c) => sumRupees(moneyFields(c.input('/partD_amenities'))),
  },
  partE_total: {
    description: 'Part E — miscellaneous',
    unit: 'INR',
    compute: (c) => sumRupees(moneyFields(c.input('/partE_miscellaneous'))),
  },
  partF_total: {
    description: 'Part F — services',
    unit: 'INR',
    compute: (c) => sumRupees(moneyFields(c.input('/partF_services'))),
  },
  abstractTotal: {
    description:
      'Total abstract: Part A (land) + Part B (building) + Parts C, D, E and F; for a flat, its value with extras',
    unit: 'INR',
    compute: (c) =>
      c.value('isFlat') === true
        ? c.number('totalWithExtras')
        : sumRupees([
            c.number('landValue'),
            c.number('buildingValue'),
            c.number('partC_total'),
            c.number('partD_total'),
            c.number('partE_total'),
            c.number('partF_total'),
          ]),
  },
  fairMarketValue: {
    description: 'Present fair market value: the total abstract, "Say" to the nearest step',
    unit: 'INR',
    compute: (c) => nearestRupees(c.number('abstractTotal'), c.setting('fmvRoundingStepRupees')),
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
      'Insurable value: structure only (Part B + Part C + Part D; for a flat, depreciated building rate × built-up), to the nearest step; land is never insurable',
    unit: 'INR',
    compute: (c) =>
      nearestRupees(
        c.value('isFlat') === true
          ? rupeesTimes(c.number('depreciatedBuildingRatePerSqm'), c.number('builtUpTotalSqm'))
          : sumRupees([c.number('buildingValue'), c.number('partC_total'), c.number('partD_total')]),
        c.setting('insurableRoundingStepRupees'),
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
} satisfies Record<string, PsuFormula>;
