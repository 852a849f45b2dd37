import { lakhTimes, subtractLakh, addLakh } from './lakh.js';

/** A year of the term-loan schedule (₹ lakh). */
export type RepaymentYear = {
  readonly year: number;
  readonly opening: number;
  readonly interest: number;
  readonly principal: number;
  readonly closing: number;
};

/** How the principal is repaid after the moratorium. */
export type RepaymentPlan = {
  readonly termLoan: number;
  readonly ratePct: number;
  readonly moratoriumYears: number;
  /** Equal instalments over this many years, unless `structuredPct` is given. */
  readonly repaymentYears: number;
  /** Share of the loan repaid in each repayment year (sums to 100). */
  readonly structuredPct?: readonly number[];
};

/** The instalments in ₹ lakh, rounded, the last one absorbing the rounding so that Σ = loan. */
export function instalments(plan: RepaymentPlan): number[] {
  const shares =
    plan.structuredPct && plan.structuredPct.length > 0
      ? plan.structuredPct.map((pct) => pct / 100)
      : Array.from({ length: plan.repaymentYears }, () => 1 / plan.repaymentYears);
  const rows = shares.map((share) => lakhTimes(plan.termLoan, share));
  const allButLast = addLakh(...rows.slice(0, -1));
  rows[rows.length - 1] = subtractLakh(plan.termLoan, allButLast);
  return rows;
}

/**
 * Interest on the opening balance at the annual rate, instalments at the year end (DOMAIN §3.b:
 * annual rests). A shock may change the rate without changing the instalments.
 */
export function repaymentSchedule(plan: RepaymentPlan, years: number): RepaymentYear[] {
  const due = instalments(plan);
  const schedule: RepaymentYear[] = [];
  let opening = plan.termLoan;
  for (let year = 1; year <= years; year += 1) {
    const scheduled = year > plan.moratoriumYears ? (due[year - 1 - plan.moratoriumYears] ?? 0) : 0;
    const principal = Math.min(scheduled, opening);
    const interest = lakhTimes(opening, plan.ratePct / 100);
    const closing = subtractLakh(opening, principal);
    schedule.push({ year, opening, interest, principal, closing });
    opening = closing;
  }
  return schedule;
}
