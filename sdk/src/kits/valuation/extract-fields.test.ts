import assert from 'node:assert/strict';
import { extractValuationFields } from './extract-fields.js';

const proposed = (kind: string, ...lines: string[]) =>
  Object.fromEntries(
    extractValuationFields({ kind, text: lines.join('\n'), meanConfidence: 90 }).proposals.map((proposal) => [
      proposal.field,
      proposal.value,
    ]),
  );

describe('extractValuationFields', () => {
  it('states a rate read per sq.ft per sq m, decimals and all, with the guideline value', () => {
    assert.deepEqual(
      proposed(
        'screenshot.guideline',
        'Guideline Value Portal',
        'Guideline rate per sq.ft: Rs 4,236',
        'Market value: Rs 5,083,200',
      ),
      { '/guideline/landRatePerSqm': 45595.88, '/guideline/value': 5083200 },
    );
    assert.deepEqual(proposed('screenshot.guideline', 'Guideline rate per sq.ft: Rs 11,470.50'), {
      '/guideline/landRatePerSqm': 123467.31,
    });
    assert.deepEqual(proposed('screenshot.guideline', 'Open Land Rate: Rs. 1,23,450 per sq.m'), {
      '/guideline/landRatePerSqm': 123450,
    });
  });

  it('trusts a rate whose unit it could not read less than one whose unit it read', () => {
    const [unitless] = extractValuationFields({
      kind: 'screenshot.guideline',
      text: 'Rate: 45,600',
      meanConfidence: 90,
    }).proposals;
    const [perSqm] = extractValuationFields({
      kind: 'screenshot.guideline',
      text: 'Rate: 45,600 per sq.m',
      meanConfidence: 90,
    }).proposals;
    assert.ok(unitless!.confidence < 0.6 && perSqm!.confidence >= 0.6);
  });

  it('reads coordinates, the inspection date and time from a GPS-camera overlay', () => {
    assert.deepEqual(proposed('photo.gps', `N 18°31'13.55" E 73°51'24.28"`, 'Wednesday, 25 Nov 2026 10:42'), {
      '/property/gps/lat': 18.520431,
      '/property/gps/lng': 73.856744,
      '/reportMeta/inspectionDate': '2026-11-25',
      '/reportMeta/inspectionTime': '10:42',
    });
  });

  it('reads nothing from other kinds', () => {
    assert.deepEqual(proposed('photo.exterior', 'Lat 18.520430 Long 73.856744'), {});
  });
});
