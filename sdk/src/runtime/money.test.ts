import assert from 'node:assert/strict';
import { multiplyPaise, paiseToRupees, rupeesToPaise, sumPaise } from './money.js';
import { roundDownTo, roundNearest } from './rounding.js';

describe('money in paise', () => {
  it('converts rupees to integer paise and back', () => {
    assert.equal(rupeesToPaise(1234.56), 123_456);
    assert.equal(rupeesToPaise(0.1 + 0.2), 30);
    assert.equal(paiseToRupees(123_456), 1234.56);
  });

  it('multiplies by a rate with an explicit rounding', () => {
    assert.equal(multiplyPaise(rupeesToPaise(42_000), 221.5, roundNearest(100)), 930_300_000);
    assert.equal(multiplyPaise(1_398_000_000, 0.95, roundDownTo(100_000)), 1_328_100_000);
    assert.equal(multiplyPaise(101, 0.5, roundNearest(1)), 51);
  });

  it('refuses fractional paise and non-finite factors', () => {
    assert.throws(() => paiseToRupees(1.5), /integer number of paise/);
    assert.throws(() => multiplyPaise(100, Number.POSITIVE_INFINITY, roundNearest(1)), /finite/);
    assert.throws(() => sumPaise([1, 2.5]), /integer/);
    assert.equal(sumPaise([1, 2, 3]), 6);
  });
});
