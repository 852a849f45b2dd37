import { nearestRupees, sumRupees } from './rupee-arithmetic.js';
import type { ValuationRule } from './valuation-types.js';
import type { NearestStepSettings } from './value-formulas.js';

const LAND_AND_BUILDING_PARTS = [
  'landValue',
  'buildingValue',
  'partC_total',
  'partD_total',
  'partE_total',
  'partF_total',
] as const;
const FLAT_PARTS = ['flatValue', 'flatExtrasTotal'] as const;

/**
 * The total abstract and the insurable value of a pack that says its FMV to the nearest step
 * (SBI, PSU), re-checked because the host may edit any value (DOMAIN §2.d "Values"); a
 * difference of up to ₹1 is rounding.
 */
export const abstractRules = {
  TOTALS_DO_NOT_FOOT: {
    description: 'Total abstract = Σ Parts A–F (flat: value + extras); FMV = the total "Say" to the configured step',
    level: 'error',
    check: ({ number, values, settings }) => {
      const total = number('abstractTotal');
      const fmv = number('fairMarketValue');
      if (total === undefined) return;
      const parts = (values.isFlat === true ? FLAT_PARTS : LAND_AND_BUILDING_PARTS).map((name) => number(name));
      const problems: string[] = [];
      if (parts.every((part): part is number => part !== undefined)) {
        const sum = sumRupees(parts);
        if (Math.abs(sum - total) > 1) problems.push(`the parts add up to ${sum}, the total abstract says ${total}`);
      }
      const say = nearestRupees(total, settings.fmvRoundingStepRupees);
      if (fmv !== undefined && fmv !== say) problems.push(`FMV ${fmv} is not the total "Say" ${say}`);
      return (
        problems.length > 0 && {
          message: `Total abstract does not foot: ${problems.join('; ')}`,
          fields: ['values/abstractTotal', 'values/fairMarketValue'],
        }
      );
    },
  },
  INSURABLE_INCLUDES_LAND: {
    description: 'The insurable value covers the structure only: below FMV − land value',
    level: 'error',
    check: ({ number }) => {
      const insurable = number('insurableValue');
      const fmv = number('fairMarketValue');
      const land = number('landValue');
      if (insurable === undefined || fmv === undefined || land === undefined) return;
      return (
        insurable > fmv - land + 1 && {
          message: `Insurable value ${insurable} exceeds FMV less land (${fmv - land}): land is never insurable`,
          fields: ['values/insurableValue'],
        }
      );
    },
  },
} satisfies Record<string, ValuationRule<NearestStepSettings>>;
