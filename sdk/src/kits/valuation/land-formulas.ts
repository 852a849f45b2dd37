import { parseIsoDate, ratePerSqftToPerSqm, roundToDecimals, sqmToSqft, toIsoDate } from '../../runtime/index.js';
import { rupeesTimes } from './rupee-arithmetic.js';
import type { ValuationFormula } from './valuation-types.js';

/** Part A: extent, rate and land value. */
export const landFormulas = {
  valuationDate: {
    description: 'Date of valuation ("as on"): as typed, else the inspection date (REQUIREMENTS: the assignment date defaults to it), else the date the host gives',
    unit: 'date',
    compute: (c) => c.input('/reportMeta/valuationDate') ?? c.input('/reportMeta/inspectionDate') ?? toIsoDate(parseIsoDate(c.now)),
  },
  isFlat: {
    description: 'Whether the report values a flat (Format C, composite-rate method)',
    unit: 'boolean',
    compute: (c) => c.input('/reportMeta/format') === 'C_FLAT',
  },
  extentConsideredSqm: {
    description:
      'Extent considered for valuation: the lesser of the deed and the actual extent (I.16); for a flat, its undivided share of land',
    unit: 'sqm',
    compute: (c) => {
      if (c.value('isFlat') === true) return c.need('/flat/udsLandSqm');
      const extents = [c.input('/property/extentSqm/asPerDeed'), c.input('/property/extentSqm/actual')].filter(
        (v): v is number => typeof v === 'number',
      );
      if (extents.length === 0) return c.need('/property/extentSqm/actual');
      return Math.min(...extents);
    },
  },
  extentConsideredSqft: {
    description: 'Extent considered, in sq ft (1 sq m = 10.7639 sq ft)',
    unit: 'sqft',
    compute: (c) => roundToDecimals(sqmToSqft(c.number('extentConsideredSqm')), 2),
  },
  adoptedLandRatePerSqm: {
    description: 'Adopted land rate per sq m (a rate typed per sq ft is converted; for a flat, the rate for its UDS)',
    unit: 'INR/sqm',
    compute: (c) => {
      if (c.value('isFlat') === true) return c.need('/flat/landRatePerSqm');
      const perSqm = c.input('/partA_land/adoptedRatePerSqm');
      if (perSqm !== undefined) return perSqm;
      const perSqft = c.input('/partA_land/adoptedRatePerSqft');
      if (perSqft !== undefined) return roundToDecimals(ratePerSqftToPerSqm(perSqft), 2);
      return c.need('/partA_land/adoptedRatePerSqm');
    },
  },
  landValueWorking: {
    description: 'Land value working: extent considered × adopted rate, to the rupee',
    unit: 'INR',
    compute: (c) => rupeesTimes(c.number('adoptedLandRatePerSqm'), c.number('extentConsideredSqm')),
  },
  landValue: {
    description: 'Land value (Part A): as typed by the valuer, else the working',
    unit: 'INR',
    compute: (c) => c.input('/partA_land/landValueAdopted') ?? c.number('landValueWorking'),
  },
} satisfies Record<string, ValuationFormula>;
