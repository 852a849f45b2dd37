import {
  applyRounding,
  multiplyPaise,
  paiseToRupees,
  roundDownTo,
  roundNearest,
  roundUpTo,
  rupeesToPaise,
  sumPaise,
} from '../../runtime/index.js';

/** Amount × quantity (₹/sq m × sq m, ₹ × factor) exact to the rupee, half-up (DOMAIN §1.3); worked in paise. */
export function rupeesTimes(rupees: number, quantity: number): number {
  return paiseToRupees(multiplyPaise(rupeesToPaise(rupees), quantity, roundNearest(100)));
}

/** Sums rupee amounts through integer paise. */
export function sumRupees(amounts: readonly number[]): number {
  return paiseToRupees(sumPaise(amounts.map(rupeesToPaise)));
}

/** Rounds rupees to the nearest step ("Say ₹…"). */
export function nearestRupees(rupees: number, stepRupees: number): number {
  return paiseToRupees(applyRounding(rupeesToPaise(rupees), roundNearest(stepRupees * 100)));
}

/** `factor × amount`, floored to a step: realisable and distress values never overstate. */
export function factorFlooredRupees(rupees: number, factor: number, stepRupees: number): number {
  return paiseToRupees(multiplyPaise(rupeesToPaise(rupees), factor, roundDownTo(stepRupees * 100)));
}

/** The money fields of a Part C–F object, ignoring anything that is not a number. */
export function moneyFields(part: object | undefined): number[] {
  return Object.values(part ?? {}).filter(
    (value): value is number => typeof value === 'number' && Number.isFinite(value),
  );
}

/** Rounds rupees up to the next step: co-op totals (400 → 500, 600 → 1,000). */
export function roundUpRupees(rupees: number, stepRupees: number): number {
  return paiseToRupees(applyRounding(rupeesToPaise(rupees), roundUpTo(stepRupees * 100)));
}

/** The market figure printed for an adopted one: adopted ÷ factor, to the rupee. */
export function marketFromAdopted(adoptedRupees: number, adoptedToMarketFactor: number): number {
  return paiseToRupees(applyRounding(rupeesToPaise(adoptedRupees) / adoptedToMarketFactor, roundNearest(100)));
}
