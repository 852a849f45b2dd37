import assert from 'node:assert/strict';
import { parseGuideline } from './guideline-rate-parser.js';

const read = (...texts: string[]) => {
  const parsed = parseGuideline(texts.map((text) => ({ text, confidence: 90 })));
  return [parsed.rate?.value, parsed.unit?.value, parsed.value?.value];
};

describe('parseGuideline', () => {
  it('reads Indian and Western grouping, and the unit', () => {
    assert.deepEqual(read('Open Land Rate: Rs. 1,23,450 per sq.m', 'Guideline Value: Rs. 1,23,45,000'), [
      123450,
      'sqm',
      12345000,
    ]);
    assert.deepEqual(read('Guideline rate per sq.ft: Rs 11,470.50'), [11470.5, 'sqft', undefined]);
    assert.deepEqual(read('Land Rate (Rs/sq.m)   Construction Rate (Rs/sq.m)', '21,85,000   26,500'), [
      2185000,
      'sqm',
      undefined,
    ]);
  });

  it('reads a value per sqm (or sq.ft) as a rate, the unit running straight on from "per sq"', () => {
    assert.deepEqual(read('Guideline value per sqm 38,900'), [38900, 'sqm', undefined]);
    assert.deepEqual(read('Guideline value per sqft 3,614'), [3614, 'sqft', undefined]);
    assert.deepEqual(read('Value per sq.m: Rs. 45,600', 'Guideline Value: Rs. 45,60,000'), [45600, 'sqm', 4560000]);
  });

  it('skips years and survey numbers near a rate label', () => {
    assert.deepEqual(read('Annual Statement of Rates 2026-27', 'Zone 12/3 rate: 45,600 sqm'), [
      45600,
      'sqm',
      undefined,
    ]);
  });

  it('trusts an odd grouping less', () => {
    const parsed = parseGuideline([{ text: 'Rate: 12,34,5678 per sqm', confidence: 100 }]);
    assert.ok((parsed.rate?.confidence ?? 0) < 1);
  });
});
