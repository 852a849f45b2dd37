import {
  applyRounding,
  multiplyPaise,
  paiseToRupees,
  roundNearest,
  roundToDecimals,
  rupeesToPaise,
  sumPaise,
} from '../../runtime/index.js';

/** One hundredth of a lakh (₹1,000) in paise: the display precision of every project-finance table. */
const CENTILAKH_PAISE = 100_000;
const RUPEES_PER_LAKH = 100_000;

/** ₹ lakh → integer paise, so sums and differences are exact. */
export function lakhToPaise(lakh: number): number {
  return rupeesToPaise(lakh * RUPEES_PER_LAKH);
}

/** Integer paise → ₹ lakh. */
export function paiseToLakh(paise: number): number {
  return paiseToRupees(paise) / RUPEES_PER_LAKH;
}

/** Rounds any ₹ lakh figure to 2 decimals, half-up (DOMAIN §1.3: projections are 2 dp in ₹ lakh). */
export function roundLakh(lakh: number): number {
  return paiseToLakh(applyRounding(lakhToPaise(lakh), roundNearest(CENTILAKH_PAISE)));
}

/** Sums ₹ lakh amounts through integer paise. */
export function addLakh(...amounts: readonly number[]): number {
  return paiseToLakh(sumPaise(amounts.map(lakhToPaise)));
}

/** `a − b` in ₹ lakh, exact. */
export function subtractLakh(a: number, b: number): number {
  return paiseToLakh(lakhToPaise(a) - lakhToPaise(b));
}

/** Amount × factor (a rate, a share), rounded to 0.01 lakh half-up. */
export function lakhTimes(lakh: number, factor: number): number {
  return paiseToLakh(multiplyPaise(lakhToPaise(lakh), factor, roundNearest(CENTILAKH_PAISE)));
}

/** A ratio for display and comparison: `places` decimals, or null when the denominator is zero. */
export function ratio(numerator: number, denominator: number, places: number): number | null {
  if (denominator === 0 || !Number.isFinite(numerator / denominator)) return null;
  return roundToDecimals(numerator / denominator, places);
}
