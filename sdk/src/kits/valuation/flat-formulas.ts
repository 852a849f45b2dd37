import { roundToDecimals } from '../../runtime/index.js';
import { moneyFields, rupeesTimes, sumRupees } from './rupee-arithmetic.js';
import type { ValuationFormula } from './valuation-types.js';

/** Format C (flat): the composite-rate method (DOMAIN §2.b); each value is null for land & building. */
export const flatFormulas = {
  depreciatedBuildingRatePerSqm: {
    description: 'Depreciated building rate: replacement rate with services × (1 − depreciation %)',
    unit: 'INR/sqm',
    compute: (c) =>
      c.value('isFlat') === true
        ? roundToDecimals(
            c.need('/flat/replacementRateWithServicesPerSqm') * (1 - c.number('depreciationPct') / 100),
            2,
          )
        : null,
  },
  landAndOthersValue: {
    description: 'Land and others: UDS × land rate (the land value working)',
    unit: 'INR',
    compute: (c) => (c.value('isFlat') === true ? c.number('landValue') : null),
  },
  landAndOthersRatePerSqmBuiltUp: {
    description: 'Land and others per sq m of built-up area',
    unit: 'INR/sqm',
    compute: (c) =>
      c.value('isFlat') === true
        ? roundToDecimals(c.number('landAndOthersValue') / c.number('builtUpTotalSqm'), 2)
        : null,
  },
  totalCompositeRatePerSqm: {
    description: 'Total composite rate: depreciated building rate + land-and-others rate',
    unit: 'INR/sqm',
    compute: (c) =>
      c.value('isFlat') === true
        ? roundToDecimals(c.number('depreciatedBuildingRatePerSqm') + c.number('landAndOthersRatePerSqmBuiltUp'), 2)
        : null,
  },
  flatValue: {
    description: 'Present value of the flat: built-up area × total composite rate, to the rupee',
    unit: 'INR',
    compute: (c) =>
      c.value('isFlat') === true
        ? rupeesTimes(c.number('totalCompositeRatePerSqm'), c.number('builtUpTotalSqm'))
        : null,
  },
  flatExtrasTotal: {
    description: 'Wardrobes, kitchen, finishes, deposits, grills and covered parking',
    unit: 'INR',
    compute: (c) => (c.value('isFlat') === true ? sumRupees(moneyFields(c.input('/flat/extras'))) : null),
  },
  totalWithExtras: {
    description: 'Flat value + extras',
    unit: 'INR',
    compute: (c) =>
      c.value('isFlat') === true ? sumRupees([c.number('flatValue'), c.number('flatExtrasTotal')]) : null,
  },
} satisfies Record<string, ValuationFormula>;
