/** `FY 2026-27`, `FY 2027-28`, … from the first operating year; `Y1 … Yn` when it is not given. */
export function yearLabels(firstOperatingYear: string | undefined, years: number): string[] {
  const match = /^FY (\d{4})-\d{2}$/.exec(firstOperatingYear ?? '');
  const start = match?.[1] === undefined ? undefined : Number(match[1]);
  return Array.from({ length: years }, (_, index) =>
    start === undefined ? `Y${index + 1}` : `FY ${start + index}-${String((start + index + 1) % 100).padStart(2, '0')}`,
  );
}

/** The financial year (April–March) an ISO date falls in, as `FY 2026-27`. */
export function financialYearOf(isoDate: string | undefined): string | undefined {
  const match = /^(\d{4})-(\d{2})-\d{2}$/.exec(isoDate ?? '');
  if (!match?.[1] || !match[2]) return undefined;
  const start = Number(match[2]) >= 4 ? Number(match[1]) : Number(match[1]) - 1;
  return `FY ${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}
