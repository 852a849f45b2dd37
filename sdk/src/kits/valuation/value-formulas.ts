import type { FormulaContext } from '../../define-pack/index.js';
import { roundToDecimals } from '../../runtime/index.js';
import { factorFlooredRupees, moneyFields, nearestRupees, rupeesTimes, sumRupees } from './rupee-arithmetic.js';
import type { ValuationFormula, ValuationInput, ValuationSettings } from './valuation-types.js';

/** The steps of the "Say ₹…" figures of a pack that rounds to the nearest step. */
export interface NearestStepSettings extends ValuationSettings {
  /** FMV is shown as "Say ₹…", to the nearest step (DOMAIN §1.3). */
  readonly fmvRoundingStepRupees: number;
  readonly insurableRoundingStepRupees: number;
}

type PartPointer = '/partC_extraItems' | '/partD_amenities' | '/partE_miscellaneous' | '/partF_services';

function partTotal(title: string, pointer: PartPointer): ValuationFormula {
  return { description: title, unit: 'INR', compute: (c) => sumRupees(moneyFields(c.input(pointer))) };
}

/** Parts C–F: each the sum of its money fields; `column` names the figure when a pack has several (" (adopted)"). */
export function partTotalFormulas(column = ''): Record<string, ValuationFormula> {
  return {
    partC_total: partTotal(`Part C — extra items${column}`, '/partC_extraItems'),
    partD_total: partTotal(`Part D — amenities${column}`, '/partD_amenities'),
    partE_total: partTotal(`Part E — miscellaneous${column}`, '/partE_miscellaneous'),
    partF_total: partTotal(`Part F — services${column}`, '/partF_services'),
  };
}

/** The total abstract and the FMV "Say" to the nearest step. */
export const abstractTotalFormulas = {
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
} satisfies Record<string, ValuationFormula<NearestStepSettings>>;

/** Realisable and distress values: a factor of the FMV, floored to the step. */
export const realisableDistressFormulas = {
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
} satisfies Record<string, ValuationFormula>;

/** How a pack rounds the insurable value, and how its description says so. */
export interface InsurableRounding<Settings> {
  readonly description: string;
  readonly round: (rupees: number, c: FormulaContext<ValuationInput, Settings, string>) => number;
}

/** Insurable value: the structure only (land is never insurable), rounded as the pack rounds it. */
export function insurableValueFormula<Settings extends ValuationSettings>(
  rounding: InsurableRounding<Settings>,
): ValuationFormula<Settings> {
  return {
    description: `Insurable value: structure only${rounding.description}`,
    unit: 'INR',
    compute: (c) =>
      rounding.round(
        c.value('isFlat') === true
          ? rupeesTimes(c.number('depreciatedBuildingRatePerSqm'), c.number('builtUpTotalSqm'))
          : sumRupees([c.number('buildingValue'), c.number('partC_total'), c.number('partD_total')]),
        c,
      ),
  };
}

/** Guideline (circle-rate) value, book value and the FMV's variation from it. */
export const guidelineFormulas = {
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
} satisfies Record<string, ValuationFormula>;

/** Parts C–F, the total abstract and the final values of a pack that rounds to the nearest step. */
export function valueFormulas(): Record<string, ValuationFormula<NearestStepSettings>> {
  return {
    ...partTotalFormulas(),
    ...abstractTotalFormulas,
    ...realisableDistressFormulas,
    insurableValue: insurableValueFormula<NearestStepSettings>({
      description:
        ' (Part B + Part C + Part D; for a flat, depreciated building rate × built-up), to the nearest step; land is never insurable',
      round: (rupees, c) => nearestRupees(rupees, c.setting('insurableRoundingStepRupees')),
    }),
    ...guidelineFormulas,
  };
}
