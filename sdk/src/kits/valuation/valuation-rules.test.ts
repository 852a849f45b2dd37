import assert from 'node:assert/strict';
import { definePack } from '../../define-pack/index.js';
import { runRules } from '../../define-pack/run-rules.js';
import type { JsonValue, PackWarning } from '../../contract/pack-contract.js';
import type { ValuationInput } from './valuation-types.js';
import { valuationRules } from './valuation-rules.js';
import { KIT_TEST_SETTINGS } from './kit-test-settings.js';

const settings = { ...KIT_TEST_SETTINGS, comparableMaxAgeMonths: 18 };

const pack = definePack<ValuationInput, typeof settings>({ settings, formulas: {}, rules: valuationRules });
const NOW = '2025-10-08T00:00:00Z';

function findings(
  code: string,
  input: ValuationInput,
  values: { [name: string]: JsonValue },
  overrides: Partial<typeof settings> = {},
): PackWarning[] {
  return runRules(pack, input as JsonValue, values, { ...settings, ...overrides }, NOW).filter(
    (warning) => warning.code === code,
  );
}

describe('valuation kit rules', () => {
  describe('COMPARABLE_STALE', () => {
    const comparablesOn = (...dates: string[]): ValuationInput => ({
      partA_land: { comparables: dates.map((date) => ({ date, source: 'Index-II' })) },
    });

    it('counts calendar months: an 18-month setting flags a 23-month-old comparable', () => {
      // 2023-11-05 → 2025-10-06 is 23 completed months but only 1 completed year.
      const stale = findings('COMPARABLE_STALE', comparablesOn('2023-11-05', '2024-06-01'), {
        valuationDate: '2025-10-06',
      });
      assert.deepEqual(
        stale.map((warning) => warning.fields),
        [['/partA_land/comparables/0/date']],
      );
      assert.match(stale[0]?.message ?? '', /older than 18 months/);
    });

    it('keeps a comparable exactly at the limit and flags one a day past it', () => {
      const values = { valuationDate: '2025-10-06' };
      assert.deepEqual(findings('COMPARABLE_STALE', comparablesOn('2024-04-06'), values), []);
      assert.equal(findings('COMPARABLE_STALE', comparablesOn('2024-04-05'), values).length, 1);
      assert.deepEqual(findings('COMPARABLE_STALE', comparablesOn('2024-04-07'), values), []);
    });
  });

  describe('GUIDELINE_BUILDING_RATE_MISSING', () => {
    const building: ValuationInput = { guideline: { landRatePerSqm: 26_000 } };
    const values = { hasBuilding: true, builtUpTotalSqm: 185, guidelineValue: 46_80_000 };

    it('warns that the guideline value covers the land only when a building has no guideline rate', () => {
      const [warning, ...rest] = findings('GUIDELINE_BUILDING_RATE_MISSING', building, values);
      assert.deepEqual(rest, []);
      assert.equal(warning?.level, 'warn');
      assert.deepEqual(warning?.fields, ['/guideline/buildingRatePerSqm', 'values/guidelineValue']);
      assert.match(warning?.message ?? '', /Rs\. 46,80,000\/- covers the land only, not the 185 sq m built-up/);
    });

    it('is silent with a construction rate, for a vacant plot and when the guideline is missing', () => {
      const withRate = { guideline: { landRatePerSqm: 26_000, buildingRatePerSqm: 12_000 } };
      assert.deepEqual(findings('GUIDELINE_BUILDING_RATE_MISSING', withRate, values), []);
      const vacant = { hasBuilding: false, builtUpTotalSqm: 0, guidelineValue: 46_80_000 };
      assert.deepEqual(findings('GUIDELINE_BUILDING_RATE_MISSING', building, vacant), []);
      assert.deepEqual(findings('GUIDELINE_BUILDING_RATE_MISSING', {}, { ...values, guidelineValue: null }), []);
    });
  });

  describe('FMV_GUIDELINE_DEVIATION', () => {
    const values = { guidelineJustificationRequired: true, variationFromGuidelinePct: 37.46 };
    const justified = (text: string): ValuationInput => ({ partA_land: { guidelineVariationJustification: text } });

    it('flags "Justification required" as information once the text is long enough', () => {
      const [warning] = findings('FMV_GUIDELINE_DEVIATION', justified('x'.repeat(200)), values);
      assert.equal(warning?.level, 'info');
      assert.match(warning?.message ?? '', /^Justification required/);
    });

    it('is an error while the justification is short or missing (DOMAIN §2.d)', () => {
      for (const input of [justified('Market is higher.'), {}]) {
        const [warning] = findings('FMV_GUIDELINE_DEVIATION', input, values);
        assert.equal(warning?.level, 'error');
        assert.match(warning?.message ?? '', /^Justification required: .* write at least 200 characters$/);
      }
    });
  });
});
