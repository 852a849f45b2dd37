import assert from 'node:assert/strict';
import {
  factorFlooredRupees,
  marketFromAdopted,
  nearestRupees,
  roundUpRupees,
  rupeesTimes,
} from './rupee-arithmetic.js';

describe('valuation rupee arithmetic', () => {
  it('multiplies rupees by a quantity exactly to the rupee, half-up', () => {
    assert.equal(rupeesTimes(42_000, 221.5), 93_03_000);
    assert.equal(rupeesTimes(10_001, 0.5), 5_001);
  });

  it('says FMV to the nearest step ("Say ₹…")', () => {
    assert.equal(nearestRupees(1_39_75_625, 10_000), 1_39_80_000);
    assert.equal(nearestRupees(1_39_74_999, 10_000), 1_39_70_000);
  });

  it('rounds totals up to the next ₹500 (REQUIREMENTS: 400 → 500, 600 → 1,000)', () => {
    assert.equal(roundUpRupees(37_45_400, 500), 37_45_500);
    assert.equal(roundUpRupees(46_81_750, 500), 46_82_000);
    assert.equal(roundUpRupees(1_400, 500), 1_500);
    assert.equal(roundUpRupees(1_600, 500), 2_000);
    assert.equal(roundUpRupees(22_50_000, 500), 22_50_000);
    assert.equal(roundUpRupees(22_50_000.01, 500), 22_50_500);
  });

  it('prints market figures as adopted ÷ factor, to the rupee', () => {
    assert.equal(marketFromAdopted(12_89_100, 0.8), 16_11_375);
    assert.equal(marketFromAdopted(10_300, 0.75), 13_733);
    assert.equal(marketFromAdopted(0, 0.8), 0);
  });

  it('floors realisable and distress values to the step', () => {
    assert.equal(factorFlooredRupees(46_82_000, 0.95, 500), 44_47_500);
    assert.equal(factorFlooredRupees(28_12_500, 0.8, 500), 22_50_000);
  });
});
