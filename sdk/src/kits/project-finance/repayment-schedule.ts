import { pmt } from '../../runtime/index.js';
import { addLakh, lakhTimes, roundLakh, subtractLakh } from './lakh.js';

/** A year of the term-loan schedule (₹ lakh): the year's interest and principal are the sums over its rests. */
export type RepaymentYear = {
  readonly year: number;
  readonly opening: number;
  readonly interest: number;
  readonly principal: number;
  readonly closing: number;
};

/** How often interest is charged on the outstanding balance; the instalments fall on the same dates. */
export type InterestRest = 'ANNUAL_REST' | 'QUARTERLY_REST' | 'MONTHLY_REST';

/** Rest periods in a year for each rest. */
export const RESTS_PER_YEAR: Readonly<Record<InterestRest, number>> = {
  ANNUAL_REST: 1,
  QUARTERLY_REST: 4,
  MONTHLY_REST: 12,
};

/** How the principal is repaid after the moratorium. */
export type RepaymentPlan = {
  readonly termLoan: number;
  readonly ratePct: number;
  readonly moratoriumYears: number;
  /** Years of instalments after the moratorium (equal principal or EMI), unless `structuredPct` is given. */
  readonly repaymentYears: number;
  /** Share of the loan repaid in each repayment year (sums to 100). */
  readonly structuredPct?: readonly number[];
  /** Interest rests, annual when not given (DOMAIN §3.b: annual for fixtures; monthly or quarterly in production). */
  readonly rest?: InterestRest;
  /** Equated instalments of principal and interest (DOMAIN §3.b EMI option) instead of equal principal. */
  readonly emi?: boolean;
};

function restsOf(plan: RepaymentPlan): number {
  return RESTS_PER_YEAR[plan.rest ?? 'ANNUAL_REST'];
}

/** The yearly principal in ₹ lakh, rounded, the last one absorbing the rounding so that Σ = loan. */
export function instalments(plan: RepaymentPlan): number[] {
  const shares =
    plan.structuredPct && plan.structuredPct.length > 0
      ? plan.structuredPct.map((pct) => pct / 100)
      : Array.from({ length: plan.repaymentYears }, () => 1 / plan.repaymentYears);
  return absorbLast(
    shares.map((share) => lakhTimes(plan.termLoan, share)),
    plan.termLoan,
  );
}

/**
 * The instalment due at each rest, as the schedule charges it: the EMI (Excel's PMT at the
 * rate of one rest over every rest of the tenor, rounded to 0.01 lakh), or the equal principal
 * instalment. Null for a structured plan, whose instalments differ from year to year.
 */
export function scheduledInstalment(plan: RepaymentPlan): number | null {
  if (plan.structuredPct && plan.structuredPct.length > 0) return null;
  const rests = restsOf(plan);
  const count = plan.repaymentYears * rests;
  if (count <= 0) return null;
  if (plan.emi) return roundLakh(-pmt(plan.ratePct / 100 / rests, count, plan.termLoan));
  return lakhTimes(plan.termLoan, 1 / count);
}

/**
 * Interest on the balance outstanding at each rest at the rest's share of the annual rate,
 * instalments at each rest after the moratorium (interest only during it); every figure is
 * rounded to 0.01 lakh and the last instalment clears the balance. With annual rests this is
 * interest on the opening balance and instalments at the year end (DOMAIN §3.b). A shock may
 * change the rate; equal-principal and structured instalments stay, an EMI is recomputed.
 */
export function repaymentSchedule(plan: RepaymentPlan, years: number): RepaymentYear[] {
  const rests = restsOf(plan);
  const periodRate = plan.ratePct / 100 / rests;
  const first = plan.moratoriumYears * rests;
  const principalDue = principalByRest(plan, rests);
  const emi = plan.emi ? scheduledInstalment(plan) : null;
  const last = first + principalDue.length - 1;
  const schedule: RepaymentYear[] = [];
  let balance = plan.termLoan;
  for (let year = 1; year <= years; year += 1) {
    const opening = balance;
    let interest = 0;
    let principal = 0;
    for (let rest = 0; rest < rests; rest += 1) {
      const period = (year - 1) * rests + rest;
      const charged = lakhTimes(balance, periodRate);
      let repaid = 0;
      if (period >= first && period <= last) {
        const due = emi === null ? (principalDue[period - first] ?? 0) : subtractLakh(emi, charged);
        repaid = emi !== null && period === last ? balance : Math.min(due, balance);
      }
      interest = addLakh(interest, charged);
      principal = addLakh(principal, repaid);
      balance = subtractLakh(balance, repaid);
    }
    schedule.push({ year, opening, interest, principal, closing: balance });
  }
  return schedule;
}

/**
 * Principal due at each rest of the repayment period: equal instalments over every rest of the
 * tenor, or each structured year's share split over its rests; the last of each run absorbs the
 * rounding.
 */
function principalByRest(plan: RepaymentPlan, rests: number): number[] {
  if (plan.structuredPct && plan.structuredPct.length > 0)
    return instalments(plan).flatMap((amount) =>
      absorbLast(
        Array.from({ length: rests }, () => lakhTimes(amount, 1 / rests)),
        amount,
      ),
    );
  const count = plan.repaymentYears * rests;
  return absorbLast(
    Array.from({ length: count }, () => lakhTimes(plan.termLoan, 1 / count)),
    plan.termLoan,
  );
}

/** Sets the last row so that the rows add up to `total` exactly. */
function absorbLast(rows: number[], total: number): number[] {
  if (rows.length === 0) return rows;
  rows[rows.length - 1] = subtractLakh(total, addLakh(...rows.slice(0, -1)));
  return rows;
}
