import { roundToDecimals } from '@repogen/sdk/pack';

/** A percentage to 2 decimals, or null when the base is zero. */
export function percentOf(part: number, whole: number): number | null {
  return whole === 0 ? null : roundToDecimals((part / whole) * 100, 2);
}

/** Sums 2-decimal percentages through hundredths, so a column of weighted % foots exactly. */
export function addPercents(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + Math.round(value * 100), 0) / 100;
}
