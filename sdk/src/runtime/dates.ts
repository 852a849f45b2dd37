/** A calendar date without a time zone, as the report prints it. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/;
const DD_MM_YYYY = /^(\d{2})[-./](\d{2})[-./](\d{4})$/;

/**
 * Reads the calendar date of an ISO date or instant (`2025-08-09`, `2025-08-09T10:42:00+05:30`)
 * as written: the local date the operator saw, not the UTC date.
 */
export function parseIsoDate(text: string): CalendarDate {
  const match = ISO_DATE.exec(text);
  if (!match) throw new RangeError(`not an ISO date: ${JSON.stringify(text)}`);
  return checkedDate(Number(match[1]), Number(match[2]), Number(match[3]), text);
}

/** Reads `DD-MM-YYYY` (or with `.` or `/`), the way Indian documents write dates. */
export function parseDdMmYyyy(text: string): CalendarDate {
  const match = DD_MM_YYYY.exec(text.trim());
  if (!match) throw new RangeError(`not a DD-MM-YYYY date: ${JSON.stringify(text)}`);
  return checkedDate(Number(match[3]), Number(match[2]), Number(match[1]), text);
}

/** `2025-08-09` → `09-08-2025`; the separator may be `.` for reports that use it. */
export function formatDdMmYyyy(date: CalendarDate | string, separator: '-' | '.' | '/' = '-'): string {
  const { year, month, day } = typeof date === 'string' ? parseIsoDate(date) : date;
  return [pad(day), pad(month), String(year).padStart(4, '0')].join(separator);
}

/** `2025-08-09` form of a calendar date. */
export function toIsoDate(date: CalendarDate): string {
  return `${String(date.year).padStart(4, '0')}-${pad(date.month)}-${pad(date.day)}`;
}

/** Completed years from `from` to `to` (a birthday-style count; negative when `to` is earlier). */
export function completedYearsBetween(from: CalendarDate | string, to: CalendarDate | string): number {
  const a = typeof from === 'string' ? parseIsoDate(from) : from;
  const b = typeof to === 'string' ? parseIsoDate(to) : to;
  if (compareDates(b, a) < 0) return -completedYearsBetween(b, a);
  let years = b.year - a.year;
  if (b.month < a.month || (b.month === a.month && b.day < a.day)) years -= 1;
  return years;
}

/**
 * Completed calendar months from `from` to `to`, counted like birthdays: 2023-06-15 → 2025-05-14
 * is 22 (negative when `to` is earlier).
 */
export function completedMonthsBetween(from: CalendarDate | string, to: CalendarDate | string): number {
  const a = typeof from === 'string' ? parseIsoDate(from) : from;
  const b = typeof to === 'string' ? parseIsoDate(to) : to;
  if (compareDates(b, a) < 0) return -completedMonthsBetween(b, a);
  return (b.year - a.year) * 12 + (b.month - a.month) - (b.day < a.day ? 1 : 0);
}

/**
 * A building's age as valuation practice counts it: valuation year minus year of
 * construction (DOMAIN §1.4). `asOf` is a date or the host-given `now`.
 */
export function ageInYearsSince(yearOfConstruction: number, asOf: CalendarDate | string): number {
  if (!Number.isInteger(yearOfConstruction))
    throw new RangeError(`year of construction must be an integer, got ${yearOfConstruction}`);
  const date = typeof asOf === 'string' ? parseIsoDate(asOf) : asOf;
  return date.year - yearOfConstruction;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate | string, to: CalendarDate | string): number {
  const a = typeof from === 'string' ? parseIsoDate(from) : from;
  const b = typeof to === 'string' ? parseIsoDate(to) : to;
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

/** Orders two calendar dates: negative, zero or positive. */
export function compareDates(a: CalendarDate | string, b: CalendarDate | string): number {
  return daysBetween(b, a);
}

function checkedDate(year: number, month: number, day: number, text: string): CalendarDate {
  // Date.UTC is arithmetic on the given fields, not a clock read, so the sandbox may use it.
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    throw new RangeError(`not a calendar date: ${JSON.stringify(text)}`);
  }
  return { year, month, day };
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
