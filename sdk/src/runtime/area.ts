/** 1 sq m = 10.7639 sq ft, the factor valuation reports print (REQUIREMENTS). */
export const SQFT_PER_SQM = 10.7639;

/** Regional land units in sq ft (DOMAIN §1.5); a bigha varies by state and is never assumed. */
export const LAND_UNIT_SQFT = {
  sqft: 1,
  sqyard: 9,
  guntha: 1089,
  cent: 435.6,
  acre: 43_560,
} as const;

export type LandUnit = keyof typeof LAND_UNIT_SQFT;

/** Square feet to square metres. */
export function sqftToSqm(sqft: number): number {
  return finite(sqft, 'sqft') / SQFT_PER_SQM;
}

/** Square metres to square feet. */
export function sqmToSqft(sqm: number): number {
  return finite(sqm, 'sqm') * SQFT_PER_SQM;
}

/** A rate per sq ft (as valuers often type it) as a rate per sq m (as the report prints it). */
export function ratePerSqftToPerSqm(ratePerSqft: number): number {
  return finite(ratePerSqft, 'rate') * SQFT_PER_SQM;
}

/** A rate per sq m as a rate per sq ft. */
export function ratePerSqmToPerSqft(ratePerSqm: number): number {
  return finite(ratePerSqm, 'rate') / SQFT_PER_SQM;
}

/** An area in a regional land unit, in sq m. */
export function landUnitToSqm(value: number, unit: LandUnit): number {
  return sqftToSqm(finite(value, unit) * LAND_UNIT_SQFT[unit]);
}

function finite(value: number, name: string): number {
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite number, got ${value}`);
  return value;
}
