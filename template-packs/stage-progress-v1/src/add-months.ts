import { parseIsoDate, toIsoDate } from '@repogen/sdk/pack';

const DAYS_PER_MONTH = 30;

/**
 * A date plus a fractional number of months: whole calendar months, then the fraction as days
 * of a 30-day month (a forecast is a month-level estimate, so the day is indicative).
 */
export function addMonths(isoDate: string, months: number): string {
  const start = parseIsoDate(isoDate);
  const whole = Math.floor(months);
  const monthIndex = start.month - 1 + whole;
  const base = new Date(Date.UTC(start.year + Math.floor(monthIndex / 12), monthIndex % 12, start.day));
  base.setUTCDate(base.getUTCDate() + Math.round((months - whole) * DAYS_PER_MONTH));
  return toIsoDate({ year: base.getUTCFullYear(), month: base.getUTCMonth() + 1, day: base.getUTCDate() });
}
