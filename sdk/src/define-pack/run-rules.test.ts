import assert from 'node:assert/strict';
import { definePack } from './pack-definition.js';
import { runRules } from './run-rules.js';

describe('runRules', () => {
  const pack = definePack<{ gps?: { lat?: number } }, { limit: number }>({
    settings: { limit: 100 },
    formulas: { total: { description: 'total', compute: () => 150 } },
    rules: {
      GPS_MISSING: {
        description: 'GPS is needed',
        level: 'error',
        check: ({ input }) => input.gps?.lat === undefined && { message: 'No GPS', fields: ['/gps/lat'] },
      },
      OVER_LIMIT: {
        description: 'Above the limit',
        level: 'warn',
        check: ({ number, settings }) => (number('total') ?? 0) > settings.limit && 'Total above limit',
      },
      SEVERAL: {
        description: 'Two findings',
        level: 'info',
        check: () => [{ message: 'one' }, { message: 'two', level: 'warn' }],
      },
      BROKEN: {
        description: 'throws',
        level: 'warn',
        check: () => {
          throw new Error('bad rule');
        },
      },
    },
  });

  it('turns findings into warnings with the rule code and level', () => {
    const warnings = runRules(pack, {}, { total: 150 }, { limit: 100 }, '2025-01-01T00:00:00Z');
    assert.deepEqual(warnings, [
      { code: 'GPS_MISSING', level: 'error', message: 'No GPS', fields: ['/gps/lat'] },
      { code: 'OVER_LIMIT', level: 'warn', message: 'Total above limit', fields: [] },
      { code: 'SEVERAL', level: 'info', message: 'one', fields: [] },
      { code: 'SEVERAL', level: 'warn', message: 'two', fields: [] },
      { code: 'RULE_FAILED', level: 'error', message: 'BROKEN: bad rule', fields: [] },
    ]);
  });

  it('is silent when nothing is wrong', () => {
    const warnings = runRules(pack, { gps: { lat: 20 } }, { total: 50 }, { limit: 100 }, '2025-01-01T00:00:00Z').filter(
      (w) => w.code !== 'SEVERAL' && w.code !== 'RULE_FAILED',
    );
    assert.deepEqual(warnings, []);
  });
});
