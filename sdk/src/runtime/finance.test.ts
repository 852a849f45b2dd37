import assert from 'node:assert/strict';
import { FinanceError, irr, npv, pmt, xirr } from './finance.js';

const close = (actual: number, expected: number, tolerance = 1e-6): void =>
  assert.ok(Math.abs(actual - expected) < tolerance, `${actual} ≉ ${expected}`);

describe('finance wrappers', () => {
  it('matches the Excel documentation examples', () => {
    close(npv(0.1, [-10_000, 3000, 4200, 6800]), 1188.4434123352207);
    close(irr([-70_000, 12_000, 15_000, 18_000, 21_000, 26_000]), 0.08663094805952);
    close(pmt(0.08 / 12, 10, 10_000), -1037.03208935916);
    close(
      xirr([
        { amount: -10_000, date: '2008-01-01' },
        { amount: 2750, date: '2008-03-01' },
        { amount: 4250, date: '2008-10-30' },
        { amount: 3250, date: '2009-02-15' },
        { amount: 2750, date: '2009-04-01' },
      ]),
      0.373362535,
      1e-6,
    );
  });

  it('explains why there is no result', () => {
    assert.throws(
      () => irr([1, 2]),
      (error: unknown) => error instanceof FinanceError && /negative and one positive/.test(error.message),
    );
    assert.throws(() => npv(Number.NaN, [1]), /finite numbers/);
    assert.throws(() => pmt(0.1, 0, 100), /positive number of periods/);
  });
});
