import { marketFromAdopted, roundUpRupees, sumRupees } from '@repogen/sdk/kits/valuation';
import type { CoopSettings, CoopRule } from './settings.js';

interface AbstractRow {
  readonly part: string;
  readonly adopted: number;
  readonly market: number;
}

function abstractRows(rows: unknown): AbstractRow[] | undefined {
  if (!Array.isArray(rows)) return undefined;
  const parsed = rows.map((row: unknown) => {
    if (row === null || typeof row !== 'object') return undefined;
    const { part, adopted, market } = row as Record<string, unknown>;
    return typeof part === 'string' && typeof adopted === 'number' && typeof market === 'number'
      ? { part, adopted, market }
      : undefined;
  });
  return parsed.every((row): row is AbstractRow => row !== undefined) ? parsed : undefined;
}

function footingProblems(
  rows: readonly AbstractRow[],
  totals: { adoptedTotal?: number; marketTotal?: number; adoptedValue?: number; fairMarketValue?: number },
  settings: Readonly<CoopSettings>,
): string[] {
  const problems: string[] = [];
  for (const row of rows) {
    const market = marketFromAdopted(row.adopted, settings.adoptedToMarketFactor);
    if (Math.abs(market - row.market) > 1)
      problems.push(`${row.part}: market ${row.market} is not adopted ÷ factor (${market})`);
  }
  const { adoptedTotal, marketTotal, adoptedValue, fairMarketValue } = totals;
  const step = settings.totalRoundUpStepRupees;
  const adoptedSum = sumRupees(rows.map((row) => row.adopted));
  const marketSum = sumRupees(rows.map((row) => row.market));
  if (adoptedTotal !== undefined && Math.abs(adoptedSum - adoptedTotal) > 1)
    problems.push(`the adopted column adds up to ${adoptedSum}, not ${adoptedTotal}`);
  if (marketTotal !== undefined && Math.abs(marketSum - marketTotal) > 1)
    problems.push(`the market column adds up to ${marketSum}, not ${marketTotal}`);
  if (adoptedTotal !== undefined && adoptedValue !== undefined && roundUpRupees(adoptedTotal, step) !== adoptedValue)
    problems.push(`value adopted ${adoptedValue} is not the adopted total rounded up to ₹${step}`);
  if (
    marketTotal !== undefined &&
    fairMarketValue !== undefined &&
    roundUpRupees(marketTotal, step) !== fairMarketValue
  )
    problems.push(`FMV ${fairMarketValue} is not the market total rounded up to ₹${step}`);
  return problems;
}

/**
 * The abstract's two columns and the insurable value, re-checked because the host may edit
 * any value (DOMAIN §2.d "Values", REQUIREMENTS co-op rounding); up to ₹1 is rounding.
 */
export const abstractRules = {
  TOTALS_DO_NOT_FOOT: {
    description:
      'Market = adopted ÷ factor per part; each column adds up; value adopted and FMV are their totals rounded up to the step',
    level: 'error',
    check: ({ number, values, settings }) => {
      const rows = abstractRows(values.abstractRows);
      if (!rows) return;
      const problems = footingProblems(
        rows,
        {
          adoptedTotal: number('adoptedTotal'),
          marketTotal: number('marketTotal'),
          adoptedValue: number('adoptedValue'),
          fairMarketValue: number('fairMarketValue'),
        },
        settings,
      );
      return (
        problems.length > 0 && {
          message: `Total abstract does not foot: ${problems.join('; ')}`,
          fields: ['values/abstractRows', 'values/adoptedValue', 'values/fairMarketValue'],
        }
      );
    },
  },
  INSURABLE_INCLUDES_LAND: {
    description:
      'The insurable value covers the structure only: at most the value adopted − land value (plus one rounding step)',
    level: 'error',
    check: ({ number, settings }) => {
      const insurable = number('insurableValue');
      const adopted = number('adoptedValue');
      const land = number('landValue');
      if (insurable === undefined || adopted === undefined || land === undefined) return;
      return (
        insurable > adopted - land + settings.totalRoundUpStepRupees && {
          message: `Insurable value ${insurable} exceeds the value adopted less land (${adopted - land}): land is never insurable`,
          fields: ['values/insurableValue'],
        }
      );
    },
  },
} satisfies Record<string, CoopRule>;
