import assert from 'node:assert/strict';
import { definePack } from '../../define-pack/index.js';
import { runRules } from '../../define-pack/run-rules.js';
import type { JsonValue } from '../../contract/pack-contract.js';
import { abstractRules } from './abstract-rules.js';
import type { ValuationInput } from './valuation-types.js';
import { KIT_TEST_SETTINGS } from './kit-test-settings.js';

const settings = KIT_TEST_SETTINGS;

const pack = definePack<ValuationInput, typeof settings>({ settings, formulas: {}, rules: abstractRules });

/** The DOMAIN §2.b worked example's abstract (Parts A–F, total, "Say", insurable). */
const SAMPLE = {
  landValue: 93_03_000,
  buildingValue: 39_17_625,
  partC_total: 2_25_000,
  partD_total: 1_50_000,
  partE_total: 80_000,
  partF_total: 3_00_000,
  abstractTotal: 1_39_75_625,
  fairMarketValue: 1_39_80_000,
  insurableValue: 42_93_000,
};

function codes(values: { [name: string]: JsonValue }): string[] {
  return runRules(pack, {}, values, settings, '2025-08-12T00:00:00Z').map((warning) => warning.code);
}

describe('valuation kit abstract rules', () => {
  it('accepts an abstract that foots and a structure-only insurable value', () => {
    assert.deepEqual(codes(SAMPLE), []);
  });

  it('flags a total that is not the sum of the parts, and an FMV that is not its "Say"', () => {
    assert.deepEqual(codes({ ...SAMPLE, partE_total: 90_000 }), ['TOTALS_DO_NOT_FOOT']);
    assert.deepEqual(codes({ ...SAMPLE, fairMarketValue: 1_39_90_000 }), ['TOTALS_DO_NOT_FOOT']);
  });

  it('flags an insurable value that takes in land', () => {
    assert.deepEqual(codes({ ...SAMPLE, insurableValue: 50_00_000 }), ['INSURABLE_INCLUDES_LAND']);
  });

  it('foots a flat on its value and extras', () => {
    const flat = { isFlat: true, flatValue: 39_93_216, flatExtrasTotal: 3_40_000, abstractTotal: 43_33_216 };
    assert.deepEqual(codes({ ...flat, fairMarketValue: 43_30_000 }), []);
    assert.deepEqual(codes({ ...flat, abstractTotal: 43_43_216, fairMarketValue: 43_40_000 }), ['TOTALS_DO_NOT_FOOT']);
  });
});
