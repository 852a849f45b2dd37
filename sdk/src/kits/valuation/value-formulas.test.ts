import assert from 'node:assert/strict';
import { definePack } from '../../define-pack/index.js';
import { evaluateFormulas } from '../../define-pack/evaluate-formulas.js';
import { buildingFormulas } from './building-formulas.js';
import { flatFormulas } from './flat-formulas.js';
import { landFormulas } from './land-formulas.js';
import { presentationFormulas } from './presentation-formulas.js';
import type { ValuationInput } from './valuation-types.js';
import { valueFormulas } from './value-formulas.js';
import { KIT_TEST_SETTINGS } from './kit-test-settings.js';

/** Another tenant's settings, so that every step and factor is seen to be the setting's. */
const settings = {
  ...KIT_TEST_SETTINGS,
  realisableFactor: 0.9,
  distressFactor: 0.75,
  fmvRoundingStepRupees: 5_000,
  rvDvRoundingStepRupees: 100,
  insurableRoundingStepRupees: 100,
  defaultSalvagePct: 10,
  guidelineDeviationPct: 25,
};

/** A pack made of the kit alone, as a pack composes it. */
const kitPack = definePack<ValuationInput, typeof settings>({
  settings,
  formulas: { ...landFormulas, ...buildingFormulas, ...flatFormulas, ...valueFormulas(), ...presentationFormulas() },
});

describe('valuation kit formulas', () => {
  it('values a vacant plot on the lesser extent, and derives the final values from the FMV', () => {
    const input = {
      reportMeta: { valuationDate: '2026-01-10', format: 'A_LAND_AND_BUILDING' },
      property: { extentSqm: { asPerDeed: 250, actual: 240 } },
      partA_land: { adoptedRatePerSqm: 10_005 },
      guideline: { landRatePerSqm: 8_000 },
    };
    const { values } = evaluateFormulas(kitPack, input, settings, '2026-01-12T00:00:00Z');
    assert.equal(values.extentConsideredSqm, 240);
    assert.equal(values.landValue, 24_01_200);
    assert.equal(values.fairMarketValue, 24_00_000);
    assert.equal(values.realizableValue, 21_60_000);
    assert.equal(values.distressValue, 18_00_000);
    assert.equal(values.insurableValue, 0);
    assert.equal(values.guidelineValue, 19_20_000);
    assert.equal(values.fairMarketValueDisplay, 'Rs. 24,00,000/-');
  });

  it("takes the valuation date as typed, else the inspection date, else the host's today", () => {
    const dateOf = (reportMeta: Record<string, string>) =>
      evaluateFormulas(
        kitPack,
        { reportMeta: { format: 'A_LAND_AND_BUILDING', ...reportMeta } },
        settings,
        '2026-01-12T00:00:00Z',
      ).values.valuationDate;
    assert.equal(dateOf({ valuationDate: '2026-01-10', inspectionDate: '2026-01-08' }), '2026-01-10');
    assert.equal(dateOf({ inspectionDate: '2026-01-08' }), '2026-01-08');
    assert.equal(dateOf({}), '2026-01-12');
  });

  it('prints the values a pack lists, in words and in figures', () => {
    const names = Object.keys(presentationFormulas(['fairMarketValue', 'adoptedValue']));
    assert.deepEqual(names.slice(0, 4), [
      'fairMarketValueWords',
      'fairMarketValueDisplay',
      'adoptedValueWords',
      'adoptedValueDisplay',
    ]);
    assert.ok(!names.includes('insurableValueWords'));
  });
});
