/**
 * carbone formatters for Indian digit grouping, which carbone's `formatN`/`formatC` lack even
 * with `lang: 'en-in'` (they print 12,345,678). In a template: `{d.marketValue:formatIndian}` →
 * `1,23,45,678`, `{d.marketValue:formatRupees}` → `₹1,23,45,678`, `{d.rate:formatIndian(2)}`.
 * Values that are not finite numbers pass through unchanged, so `NA` stays `NA`.
 */
export const INDIAN_NUMBER_FORMATTERS = {
  formatIndian: (value: unknown, decimals?: unknown) => formatIndian(value, decimals, false),
  formatRupees: (value: unknown, decimals?: unknown) => formatIndian(value, decimals, true),
} as const;

function formatIndian(value: unknown, decimals: unknown, withSymbol: boolean): unknown {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number)) return value;
  const digits = Math.min(
    Math.max(
      (typeof decimals === 'string' || typeof decimals === 'number' ? Number.parseInt(String(decimals), 10) : 0) || 0,
      0,
    ),
    6,
  );
  const formatted = new Intl.NumberFormat('en-IN', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(number);
  return withSymbol ? (formatted.startsWith('-') ? `-₹${formatted.slice(1)}` : `₹${formatted}`) : formatted;
}
