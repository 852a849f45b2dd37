import { roundToDecimals } from '@repogen/sdk/pack';
import { marketFromAdopted, roundUpRupees, sumRupees } from '@repogen/sdk/kits/valuation';
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

/**
 * The co-op firm rule: the valuer adopts 80 % of the market; each market figure is adopted ÷ 0.80
 * to the rupee, so the market column foots; totals round up to the next ₹500 (REQUIREMENTS, co-op).
 */
export const adoptedMarketFormulas = {
  adoptedToMarketFactor: {
    description: 'Adopted-to-market factor in force (setting; the report prints it beside the abstract)',
    unit: 'ratio',
    compute: (c) => c.setting('adoptedToMarketFactor'),
  },
  totalRoundUpStepRupees: {
    description: 'Step the totals round up to (setting; the report prints it beside the abstract)',
    unit: 'INR',
    compute: (c) => c.setting('totalRoundUpStepRupees'),
  },
  marketLandRatePerSqm: {
    description: 'Market land rate printed: adopted rate ÷ adopted-to-market factor (co-op firm rule)',
    unit: 'INR/sqm',
    compute: (c) => roundToDecimals(c.number('adoptedLandRatePerSqm') / c.setting('adoptedToMarketFactor'), 2),
  },
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
