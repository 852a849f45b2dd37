/** `FY 2026-27`, `FY 2027-28`, … from the first operating year; `Y1 … Yn` when it is not given. */
export function yearLabels(firstOperatingYear: string | undefined, years: number): string[] {
  const match = /^FY (\d{4})-\d{2}$/.exec(firstOperatingYear ?? '');
  const start = match?.[1] === undefined ? undefined : Number(match[1]);
  return Array.from({ length: years }, (_, index) =>
    start === undefined ? `Y${index + 1}` : `FY ${start + index}-${String((start + index + 1) % 100).padStart(2, '0')}`,
  );
}
