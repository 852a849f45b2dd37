import { assertPaise } from './money.js';

/** How a money amount is written: `₹1,23,45,678.00`, `₹1,23,45,678`, or `Rs. 1,23,45,678/-`. */
export type InrStyle = 'symbol-paise' | 'symbol-rupees' | 'report';

/**
 * Groups the digits of a non-negative integer string the Indian way: the last three, then
 * pairs (`12345678` → `1,23,45,678`). Done on the string so that neither the sandbox's ICU
 * data nor float precision matters.
 */
export function groupIndian(digits: string): string {
  if (!/^\d+$/.test(digits)) throw new RangeError(`not a digit string: ${digits}`);
  const trimmed = digits.replace(/^0+(?=\d)/, '');
  if (trimmed.length <= 3) return trimmed;
  const head = trimmed.slice(0, -3);
  const pairs = head.replace(/\B(?=(\d{2})+$)/g, ',');
  return `${pairs},${trimmed.slice(-3)}`;
}

/** Formats a whole or fractional number with Indian grouping and a fixed number of decimals. */
export function formatIndianNumber(value: number, decimals = 0): string {
  if (!Number.isFinite(value)) throw new RangeError(`cannot format ${value}`);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6)
    throw new RangeError(`decimals must be 0–6, got ${decimals}`);
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole = '0', fraction] = fixed.split('.');
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return `${sign}${groupIndian(whole)}${fraction ? `.${fraction}` : ''}`;
}

/**
 * Formats integer paise as rupees. `symbol-paise` (default) gives `₹1,23,45,678.00`,
 * `symbol-rupees` gives `₹1,23,45,678` and `report` gives `Rs. 1,23,45,678/-`; the two
 * rupee-only styles refuse an amount with paise rather than hide them.
 */
export function formatInr(paise: number, style: InrStyle = 'symbol-paise'): string {
  assertPaise(paise);
  const sign = paise < 0 ? '-' : '';
  const absolute = Math.abs(paise);
  const rupees = groupIndian(String(Math.floor(absolute / 100)));
  const fraction = String(absolute % 100).padStart(2, '0');
  switch (style) {
    case 'symbol-paise':
      return `${sign}₹${rupees}.${fraction}`;
    case 'symbol-rupees':
      assertWholeRupees(absolute);
      return `${sign}₹${rupees}`;
    case 'report':
      assertWholeRupees(absolute);
      return `${sign}Rs. ${rupees}/-`;
  }
}

/** Formats whole rupees the way valuation reports print them: `Rs. 1,39,80,000/-`. */
export function formatRupeesReport(rupees: number): string {
  if (!Number.isSafeInteger(rupees)) throw new RangeError(`whole rupees expected, got ${rupees}`);
  return formatInr(rupees * 100, 'report');
}

function assertWholeRupees(paise: number): void {
  if (paise % 100 !== 0)
    throw new RangeError(`${paise} paise is not a whole number of rupees; use the symbol-paise style`);
}
