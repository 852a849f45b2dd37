import assert from 'node:assert/strict';
import { readinessOf, splitProblems } from './report-readiness.js';

describe('report readiness', () => {
  it('tells missing required fields (allowed while drafting) from schema faults', () => {
    const { missing, faults } = splitProblems([
      { path: '/', message: "must have required property 'reportMeta'" },
      { path: '/partA_land', message: "must have required property 'adoptedRatePerSqm'" },
      { path: '/partA_land/guidelineRatePerSqm', message: 'must be >= 0' },
      { path: '/', message: "must have required property 'a/b'" },
    ]);
    assert.deepEqual(missing, ['/reportMeta', '/partA_land/adoptedRatePerSqm', '/a~1b']);
    assert.deepEqual(faults, [{ path: '/partA_land/guidelineRatePerSqm', message: 'must be >= 0' }]);
  });

  it('is ready with no missing field and no error-level warning; warn and info do not count', () => {
    const warn = { code: 'W', level: 'warn' as const, message: 'w', fields: [] };
    const error = { code: 'E', level: 'error' as const, message: 'e', fields: ['/x'] };
    assert.equal(readinessOf([], [warn]).ready, true);
    assert.deepEqual(readinessOf([], [warn, error]), { ready: false, missingFields: [], errors: [{ code: 'E', message: 'e', fields: ['/x'] }] });
    assert.equal(readinessOf(['/reportMeta'], []).ready, false);
  });
});
