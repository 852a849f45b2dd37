import assert from 'node:assert/strict';
import { landUnitToSqm, ratePerSqftToPerSqm, sqftToSqm, sqmToSqft } from './area.js';

describe('areas', () => {
  it('converts sq ft and sq m with 10.7639', () => {
    assert.ok(Math.abs(sqmToSqft(100) - 1076.39) < 1e-9);
    assert.ok(Math.abs(sqftToSqm(1076.39) - 100) < 1e-9);
    assert.ok(Math.abs(ratePerSqftToPerSqm(3900) - 41_979.21) < 1e-6);
  });

  it('converts regional land units', () => {
    assert.ok(Math.abs(landUnitToSqm(1, 'acre') - 4046.856) < 0.01);
    assert.ok(Math.abs(landUnitToSqm(1, 'guntha') - 101.17) < 0.01);
  });

  it('refuses non-finite areas', () => {
    assert.throws(() => sqmToSqft(Number.NaN), /finite/);
  });
});
