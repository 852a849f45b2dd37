import { applyRounding, type Rounding } from './rounding.js';

/** Paise in a rupee. */
export const PAISE_PER_RUPEE = 100;

/** Converts rupees (possibly with paise as decimals) to integer paise, to the nearest paisa. */
export function rupeesToPaise(rupees: number): number {
  if (!Number.isFinite(rupees)) throw new RangeError(`rupees must be a finite number, got ${rupees}`);
  return Math.round(Number((rupees * PAISE_PER_RUPEE).toPrecision(15))) + 0;
}

/** Converts integer paise to rupees (a decimal for display or for a JSON value). */
export function paiseToRupees(paise: number): number {
  assertPaise(paise);
  return paise / PAISE_PER_RUPEE;
}

/**
 * Multiplies an amount in paise by a rate or a quantity (₹/sq m × sq m, a 0.95 factor) and
 * brings the product back to integer paise with an explicit, named rounding rule.
 */
export function multiplyPaise(paise: number, factor: number, rounding: Rounding): number {
  assertPaise(paise);
  if (!Number.isFinite(factor)) throw new RangeError(`factor must be a finite number, got ${factor}`);
  if (!Number.isInteger(rounding.step))
    throw new RangeError(`a money rounding step must be whole paise, got ${rounding.step}`);
  return applyRounding(paise * factor, rounding);
}

/** Sums amounts in paise; every term must be an integer. */
export function sumPaise(amounts: readonly number[]): number {
  return amounts.reduce((total, amount) => total + assertPaise(amount), 0);
}

/** Throws unless the value is a safe integer number of paise; returns it for chaining. */
export function assertPaise(paise: number): number {
  if (!Number.isSafeInteger(paise)) throw new RangeError(`money must be an integer number of paise, got ${paise}`);
  return paise;
}
