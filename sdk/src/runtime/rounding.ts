/** How a value is brought onto a step: half away from zero, always up, or always down. */
export type RoundingMode = 'nearest' | 'up' | 'down';

/** A named rounding rule, e.g. `roundUpTo(50_000)` for "up to the next ₹500" on paise. */
export interface Rounding {
  readonly mode: RoundingMode;
  /** The step, in the value's own unit (paise for money): a positive integer. */
  readonly step: number;
}

/** Nearest multiple of `step`, halves away from zero. */
export function roundNearest(step: number): Rounding {
  return { mode: 'nearest', step: checkedStep(step) };
}

/** The next multiple of `step` at or above the value (co-op totals: 400 → 500). */
export function roundUpTo(step: number): Rounding {
  return { mode: 'up', step: checkedStep(step) };
}

/** The multiple of `step` at or below the value (realisable and distress values never overstate). */
export function roundDownTo(step: number): Rounding {
  return { mode: 'down', step: checkedStep(step) };
}

/**
 * Applies a rounding rule. A value within 1e-6 of an integer is snapped to it first, so that
 * `0.95 × 13,98,000` computed in binary floating point cannot fall to the step below.
 */
export function applyRounding(value: number, rounding: Rounding): number {
  if (!Number.isFinite(value)) throw new RangeError(`cannot round ${value}: not a finite number`);
  const step = checkedStep(rounding.step);
  const snapped = snapToInteger(value);
  const units = snapToInteger(snapped / step);
  let rounded: number;
  switch (rounding.mode) {
    case 'nearest':
      rounded = Math.sign(units) * Math.floor(Math.abs(units) + 0.5);
      break;
    case 'up':
      rounded = Math.ceil(units);
      break;
    case 'down':
      rounded = Math.floor(units);
      break;
  }
  // `+ 0` turns a negative zero into zero, which JSON would print the same but tests would not.
  return rounded * step + 0;
}

/** Rounds a ratio or percentage for display (2 places for percentages); halves away from zero. */
export function roundToDecimals(value: number, places: number): number {
  if (!Number.isInteger(places) || places < 0 || places > 10)
    throw new RangeError(`decimal places must be an integer 0–10, got ${places}`);
  if (!Number.isFinite(value)) throw new RangeError(`cannot round ${value}: not a finite number`);
  const factor = 10 ** places;
  const scaled = snapToInteger(Number((Math.abs(value) * factor).toPrecision(15)));
  return (Math.sign(value) * Math.floor(scaled + 0.5)) / factor + 0;
}

function snapToInteger(value: number): number {
  const nearest = Math.round(value);
  return Math.abs(value - nearest) < 1e-6 ? nearest : value;
}

function checkedStep(step: number): number {
  if (!Number.isFinite(step) || step <= 0)
    throw new RangeError(`a rounding step must be a positive number, got ${step}`);
  return step;
}
