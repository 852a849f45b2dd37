import assert from 'node:assert/strict';
import type { RuleContext, RuleDefinition } from './pack-definition.js';
import { raisedErrorCodes } from './raised-error-codes.js';

type Rule = RuleDefinition<{ readonly n: number }, object, string>;

const context: RuleContext<{ readonly n: number }, object, string> = {
  input: { n: 3 },
  values: {},
  number: () => undefined,
  settings: {},
  now: '2026-01-01T00:00:00Z',
};

describe('raisedErrorCodes', () => {
  it('lists the rules with an ERROR-level finding, a throwing rule included', () => {
    const rules: Record<string, Rule> = {
      QUIET: { description: '', level: 'error', check: () => false },
      LOUD: { description: '', level: 'error', check: ({ input }) => input.n > 2 && 'too big' },
      WARNS: { description: '', level: 'warn', check: () => 'a warning' },
      DOWNGRADED: { description: '', level: 'error', check: () => ({ message: 'only a warning', level: 'warn' }) },
      RAISED: { description: '', level: 'warn', check: () => [{ message: 'an error', level: 'error' }] },
      BROKEN: {
        description: '',
        level: 'warn',
        check: () => {
          throw new Error('bad rule');
        },
      },
    };
    assert.deepEqual(raisedErrorCodes(rules, context), ['LOUD', 'RAISED', 'BROKEN']);
  });
});
