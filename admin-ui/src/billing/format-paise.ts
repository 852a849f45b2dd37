/** An amount in paise as rupees, Indian grouping. */
export function formatPaise(paise: number, currency = 'INR'): string {
  return (paise / 100).toLocaleString('en-IN', { style: 'currency', currency, minimumFractionDigits: 2 });
}
