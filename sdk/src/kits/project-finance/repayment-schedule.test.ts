import assert from 'node:assert/strict';
import { repaymentSchedule, scheduledInstalment, type RepaymentPlan } from './repayment-schedule.js';

const column = (plan: RepaymentPlan, years: number, field: 'interest' | 'principal' | 'closing') =>
  repaymentSchedule(plan, years).map((row) => row[field]);

describe('repayment schedule', () => {
  it('charges annual rests on the opening balance with equal instalments after the moratorium (DOMAIN §3.b)', () => {
    const plan: RepaymentPlan = { termLoan: 330, ratePct: 10, moratoriumYears: 1, repaymentYears: 6 };
    assert.deepEqual(column(plan, 7, 'interest'), [33, 33, 27.5, 22, 16.5, 11, 5.5]);
    assert.deepEqual(column(plan, 7, 'principal'), [0, 55, 55, 55, 55, 55, 55]);
    assert.equal(scheduledInstalment(plan), 55);
  });

  it('charges quarterly rests: interest on the balance of each quarter, a quarter of the year’s principal at each', () => {
    // 100 at 12 %: 3.00 + 2.25 + 1.50 + 0.75 on balances of 100, 75, 50, 25.
    const plan: RepaymentPlan = {
      termLoan: 100,
      ratePct: 12,
      moratoriumYears: 0,
      repaymentYears: 1,
      rest: 'QUARTERLY_REST',
    };
    assert.deepEqual(repaymentSchedule(plan, 1), [
      { year: 1, opening: 100, interest: 7.5, principal: 100, closing: 0 },
    ]);
    assert.equal(scheduledInstalment(plan), 25);
  });

  it('splits each structured year over its rests, rounding each rest half-up', () => {
    // Year 2: 60 repaid 15 a quarter; interest 1.50 + 1.125 → 1.13 + 0.75 + 0.375 → 0.38.
    const plan: RepaymentPlan = {
      termLoan: 100,
      ratePct: 10,
      moratoriumYears: 0,
      repaymentYears: 2,
      structuredPct: [40, 60],
      rest: 'QUARTERLY_REST',
    };
    assert.deepEqual(column(plan, 2, 'interest'), [8.5, 3.76]);
    assert.deepEqual(column(plan, 2, 'principal'), [40, 60]);
    assert.equal(scheduledInstalment(plan), null);
  });

  it('repays an EMI: P·r·(1+r)^n ÷ ((1+r)^n − 1), the last instalment clearing the balance', () => {
    // 100 at 10 % over 2 years: EMI = 10 × 1.21 ÷ 0.21 = 57.619 → 57.62; year 2 interest 52.38 × 10 % = 5.24.
    const plan: RepaymentPlan = { termLoan: 100, ratePct: 10, moratoriumYears: 0, repaymentYears: 2, emi: true };
    assert.equal(scheduledInstalment(plan), 57.62);
    assert.deepEqual(repaymentSchedule(plan, 2), [
      { year: 1, opening: 100, interest: 10, principal: 47.62, closing: 52.38 },
      { year: 2, opening: 52.38, interest: 5.24, principal: 52.38, closing: 0 },
    ]);
  });

  it('recomputes the EMI at a shocked rate over the same tenor', () => {
    const plan: RepaymentPlan = {
      termLoan: 330,
      ratePct: 11,
      moratoriumYears: 1,
      repaymentYears: 6,
      emi: true,
      rest: 'MONTHLY_REST',
    };
    // 330 × (0.11/12) × 1.0091667^72 ÷ (1.0091667^72 − 1) = 6.2808…
    assert.equal(scheduledInstalment(plan), 6.28);
    assert.equal(column(plan, 7, 'closing').at(-1), 0);
  });
});
