import assert from 'node:assert/strict';
import { applyRounding, roundDownTo, roundNearest, roundToDecimals, roundUpTo } from './rounding.js';

describe('rounding', () => {
  it('rounds to the nearest step, halves away from zero', () => {
    assert.equal(applyRounding(13_975_625, roundNearest(10_000)), 13_980_000);
    assert.equal(applyRounding(15_000, roundNearest(10_000)), 20_000);
    assert.equal(applyRounding(-15_000, roundNearest(10_000)), -20_000);
    assert.equal(applyRounding(4_292_625, roundNearest(1_000)), 4_293_000);
  });

  it('rounds up to the next step (co-op: 400 → 500, 600 → 1000)', () => {
    assert.equal(applyRounding(400, roundUpTo(500)), 500);
    assert.equal(applyRounding(600, roundUpTo(500)), 1000);
    assert.equal(applyRounding(500, roundUpTo(500)), 500);
  });

  it('rounds down to a step and is not fooled by binary fractions', () => {
    assert.equal(applyRounding(0.95 * 13_980_000, roundDownTo(1000)), 13_281_000);
    assert.equal(applyRounding(0.8 * 13_980_000, roundDownTo(1000)), 11_184_000);
    assert.equal(applyRounding(0.1 * 3 * 10, roundDownTo(3)), 3);
    assert.equal(applyRounding(11_184_999, roundDownTo(1000)), 11_184_000);
  });

  it('refuses a bad step or value', () => {
    assert.throws(() => roundNearest(0), /positive/);
    assert.throws(() => applyRounding(Number.NaN, roundNearest(1)), /finite/);
  });

  it('rounds decimals for display', () => {
    assert.equal(roundToDecimals(37.463126843657, 2), 37.46);
    assert.equal(roundToDecimals(1.0609480812641, 3), 1.061);
    assert.equal(roundToDecimals(1.005, 2), 1.01);
    assert.equal(roundToDecimals(-2.175, 2), -2.18);
  });
});
