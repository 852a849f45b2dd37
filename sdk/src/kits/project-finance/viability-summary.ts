import { irr, npv, roundToDecimals } from '../../runtime/index.js';
import { addLakh, roundLakh } from './lakh.js';
import { project, type Drivers, type Projection, type ProjectionYear } from './projection-engine.js';

/** The headline figures of one case: what the summary and the sensitivity table print. */
export type ViabilitySummary = {
  readonly avgDscr: number | null;
  readonly avgDscrSimpleMean: number | null;
  readonly minDscr: number | null;
  readonly minDscrYear: number | null;
  readonly firrPct: number | null;
  readonly npv: number;
  readonly paybackYears: number | null;
  readonly bepPctOfCapacity: number | null;
  readonly cashBepPctOfCapacity: number | null;
};

/** Years in which principal falls due: the DSCR average and minimum skip the moratorium (DOMAIN §3.b). */
export function repaymentYears(years: readonly ProjectionYear[]): ProjectionYear[] {
  return years.filter((row) => row.tlRepayment > 0);
}

/** Average DSCR = Σ numerator ÷ Σ denominator over the repayment years. */
export function averageDscr(years: readonly ProjectionYear[]): number | null {
  const rows = repaymentYears(years);
  const denominator = addLakh(...rows.map((row) => row.dscrDenominator));
  if (rows.length === 0 || denominator === 0) return null;
  return roundToDecimals(addLakh(...rows.map((row) => row.dscrNumerator)) / denominator, 4);
}

/** The simple mean of the yearly ratios, shown beside the weighted average because banks use both. */
export function simpleMeanDscr(years: readonly ProjectionYear[]): number | null {
  const ratios = repaymentYears(years).map((row) => row.dscrNumerator / row.dscrDenominator);
  return ratios.length === 0 ? null : roundToDecimals(ratios.reduce((sum, value) => sum + value, 0) / ratios.length, 4);
}

/** The lowest yearly DSCR over the repayment years, and its year. */
export function minimumDscr(years: readonly ProjectionYear[]): { value: number; year: number } | null {
  let lowest: { value: number; year: number } | null = null;
  for (const row of repaymentYears(years)) {
    const value = row.dscrNumerator / row.dscrDenominator;
    if (!lowest || value < lowest.value) lowest = { value, year: row.year };
  }
  return lowest && { value: roundToDecimals(lowest.value, 4), year: lowest.year };
}

/** FIRR in % (2 dp) through the Excel-compatible IRR; null when the flows never change sign. */
export function firrPct(flows: readonly number[]): number | null {
  if (!flows.some((flow) => flow > 0) || !flows.some((flow) => flow < 0)) return null;
  try {
    return roundToDecimals(irr(flows) * 100, 2);
  } catch {
    return null;
  }
}

/** NPV at the discount rate, CF₀ undiscounted (Excel's NPV discounts its first argument a period). */
export function netPresentValue(flows: readonly number[], ratePct: number): number {
  const [initial = 0, ...later] = flows;
  return roundLakh(initial + (later.length > 0 ? npv(ratePct / 100, later) : 0));
}

/** Years from COD until cumulative cash accruals reach the cost of project, interpolated linearly. */
export function paybackYears(years: readonly ProjectionYear[], projectCost: number): number | null {
  let cumulative = 0;
  for (const row of years) {
    if (row.cashAccruals > 0 && cumulative + row.cashAccruals >= projectCost)
      return roundToDecimals(row.year - 1 + (projectCost - cumulative) / row.cashAccruals, 2);
    cumulative = addLakh(cumulative, row.cashAccruals);
  }
  return null;
}

/** Every headline figure of a case, from its drivers. */
export function summarise(
  drivers: Drivers,
  bepYear: number,
  projection: Projection = project(drivers),
): ViabilitySummary {
  const minimum = minimumDscr(projection.years);
  const reference = projection.years[Math.min(bepYear, projection.years.length) - 1];
  return {
    avgDscr: averageDscr(projection.years),
    avgDscrSimpleMean: simpleMeanDscr(projection.years),
    minDscr: minimum?.value ?? null,
    minDscrYear: minimum?.year ?? null,
    firrPct: firrPct(projection.firrCashFlows),
    npv: netPresentValue(projection.firrCashFlows, drivers.discountRatePct),
    paybackYears: paybackYears(projection.years, drivers.projectCost),
    bepPctOfCapacity: reference?.bepPctOfInstalledCapacity ?? null,
    cashBepPctOfCapacity: reference?.cashBepPctOfInstalledCapacity ?? null,
  };
}
