import { lakhToPaise, paiseToLakh, roundLakh } from './lakh.js';

/** One straight-line class: gross block and useful life. */
export type DepreciationClass = { readonly asset: string; readonly base: number; readonly lifeYears: number };

/** A year of the depreciation schedule: the printed rows foot to the printed total. */
export type DepreciationYear = {
  readonly year: number;
  readonly byClass: readonly number[];
  readonly total: number;
};

/**
 * Straight-line depreciation for `years` years. The year's total is the rounded sum of the exact
 * charges (as an independent spreadsheet gives it); the class rows are rounded by largest
 * remainder so that the printed rows add up to the printed total.
 */
export function depreciationSchedule(
  classes: readonly DepreciationClass[],
  years: number,
  stopAtEndOfLife: boolean,
): DepreciationYear[] {
  const charged = classes.map(() => 0);
  const schedule: DepreciationYear[] = [];
  for (let year = 1; year <= years; year += 1) {
    const exact = classes.map((assetClass, index) => {
      const annual = assetClass.base / assetClass.lifeYears;
      const remaining = assetClass.base - (charged[index] ?? 0);
      return stopAtEndOfLife ? Math.max(0, Math.min(annual, remaining)) : annual;
    });
    exact.forEach((charge, index) => (charged[index] = (charged[index] ?? 0) + charge));
    const total = roundLakh(exact.reduce((sum, charge) => sum + charge, 0));
    schedule.push({ year, byClass: footedRows(exact, total), total });
  }
  return schedule;
}

/** Net block of each class after `years` years of the exact charges, never below zero. */
export function netBlockAfter(classes: readonly DepreciationClass[], years: number, stopAtEndOfLife: boolean): number {
  return classes.reduce((sum, assetClass) => {
    const annual = assetClass.base / assetClass.lifeYears;
    const written = stopAtEndOfLife ? Math.min(assetClass.base, annual * years) : annual * years;
    return sum + Math.max(0, assetClass.base - written);
  }, 0);
}

/** Rounds each row down to 0.01 lakh, then gives the missing hundredths to the largest remainders. */
function footedRows(exact: readonly number[], total: number): number[] {
  const units = exact.map((value) => lakhToPaise(value) / 100_000);
  const floors = units.map((value) => Math.floor(value + 1e-9));
  let missing = Math.round(lakhToPaise(total) / 100_000) - floors.reduce((sum, value) => sum + value, 0);
  const order = units.map((value, index) => ({ index, remainder: value - (floors[index] ?? 0) }));
  order.sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (missing <= 0) break;
    floors[index] = (floors[index] ?? 0) + 1;
    missing -= 1;
  }
  return floors.map((value) => paiseToLakh(value * 100_000));
}

/** A class in a year of the depreciation schedule, as printed: gross block, charge and net block. */
export type DepreciationBlockRow = {
  readonly asset: string;
  readonly year: number;
  readonly grossBlock: number;
  readonly openingNetBlock: number;
  readonly depreciation: number;
  readonly closingNetBlock: number;
};

/**
 * The class-wise schedule by year (DOMAIN §3.c item 2): each class's gross block, its net block
 * at the start and end of the year and the year's charge as the schedule prints it, so the net
 * block falls by exactly the printed charges. A class charged beyond its gross block (when
 * depreciation does not stop at the end of its life) shows a negative net block.
 */
export function depreciationBlocks(
  classes: readonly DepreciationClass[],
  schedule: readonly DepreciationYear[],
): DepreciationBlockRow[] {
  return classes.flatMap((assetClass, index) => {
    let net = assetClass.base;
    return schedule.map((year) => {
      const opening = net;
      const charge = year.byClass[index] ?? 0;
      net = paiseToLakh(lakhToPaise(net) - lakhToPaise(charge));
      return {
        asset: assetClass.asset,
        year: year.year,
        grossBlock: assetClass.base,
        openingNetBlock: opening,
        depreciation: charge,
        closingNetBlock: net,
      };
    });
  });
}

/** The schedule's totals by year: gross block, net block at the start and end, the year's charge. */
export function depreciationTotals(
  classes: readonly DepreciationClass[],
  schedule: readonly DepreciationYear[],
): Omit<DepreciationBlockRow, 'asset'>[] {
  const gross = paiseToLakh(classes.reduce((sum, assetClass) => sum + lakhToPaise(assetClass.base), 0));
  let net = gross;
  return schedule.map((year) => {
    const opening = net;
    net = paiseToLakh(lakhToPaise(net) - lakhToPaise(year.total));
    return {
      year: year.year,
      grossBlock: gross,
      openingNetBlock: opening,
      depreciation: year.total,
      closingNetBlock: net,
    };
  });
}
