import assert from 'node:assert/strict';
import type { JsonValue } from '../contract/pack-contract.js';
import { evaluateFormulas } from './evaluate-formulas.js';
import { definePack } from './pack-definition.js';
import { FormulaCycleError } from './pack-error.js';

interface Input {
  land?: { areaSqm?: number; ratePerSqm?: number };
}

const NOW = '2025-08-12T00:00:00.000Z';

describe('evaluateFormulas', () => {
  const pack = definePack<Input, { factor: number }>({
    settings: { factor: 0.95 },
    formulas: {
      // Declared before what it reads, so evaluation must follow the reads, not the order.
      realisable: {
        description: 'Factor × land value',
        unit: 'INR',
        compute: (c) => c.number('landValue') * c.setting('factor'),
      },
      landValue: {
        description: 'Area × rate',
        unit: 'INR',
        compute: (c) => c.need('/land/areaSqm') * c.need('/land/ratePerSqm'),
      },
      label: { description: 'A constant', compute: () => 'land' },
    },
  });

  it('computes in dependency order and keeps the declared order', () => {
    const result = evaluateFormulas(pack, { land: { areaSqm: 10, ratePerSqm: 100 } }, { factor: 0.95 }, NOW);
    assert.deepEqual(Object.keys(result.values), ['realisable', 'landValue', 'label']);
    assert.equal(result.values.landValue, 1000);
    assert.equal(result.values.realisable, 950);
    assert.deepEqual(result.warnings, []);
  });

  it('records every read in the trace', () => {
    const result = evaluateFormulas(pack, { land: { areaSqm: 10, ratePerSqm: 100 } }, { factor: 0.95 }, NOW);
    assert.deepEqual(result.trace.landValue, {
      name: 'landValue',
      description: 'Area × rate',
      unit: 'INR',
      reads: [
        { kind: 'input', name: '/land/areaSqm', value: 10 },
        { kind: 'input', name: '/land/ratePerSqm', value: 100 },
      ],
      value: 1000,
    });
    assert.deepEqual(result.trace.realisable?.reads, [
      { kind: 'value', name: 'landValue', value: 1000 },
      { kind: 'input', name: 'settings/factor', value: 0.95 },
    ]);
  });

  it('warns once for a missing input and leaves dependants null without more warnings', () => {
    const result = evaluateFormulas(pack, { land: { areaSqm: 10 } }, { factor: 0.95 }, NOW);
    assert.equal(result.values.landValue, null);
    assert.equal(result.values.realisable, null);
    assert.deepEqual(
      result.warnings.map((warning) => [warning.code, warning.fields]),
      [['INPUT_MISSING', ['/land/ratePerSqm', 'values/landValue']]],
    );
  });

  it('types input pointers and their values from the pack input', () => {
    definePack<Input, { factor: number }>({
      settings: { factor: 1 },
      formulas: {
        typed: {
          description: 'compile-time check only',
          compute: (c) => {
            const area: number | undefined = c.input('/land/areaSqm');
            // @ts-expect-error a pointer the input does not have
            c.input('/land/colour');
            // @ts-expect-error a setting the pack does not declare
            c.setting('colour');
            return area ?? null;
          },
        },
      },
    });
  });

  it('names the cycle', () => {
    const cyclic = definePack({
      settings: {},
      formulas: {
        a: { description: 'a', compute: (c) => c.number('b') + 1 },
        b: { description: 'b', compute: (c) => c.number('c') + 1 },
        c: { description: 'c', compute: (c) => c.number('a') + 1 },
      },
    });
    assert.throws(
      () => evaluateFormulas(cyclic, {}, {}, NOW),
      (error: unknown) => error instanceof FormulaCycleError && error.message.includes('a → b → c → a'),
    );
  });

  it('turns a throwing or non-finite formula into null with FORMULA_FAILED', () => {
    const broken = definePack<JsonValue, Record<string, never>, string>({
      settings: {},
      formulas: {
        boom: {
          description: 'throws',
          compute: () => {
            throw new Error('no way');
          },
        },
        nan: { description: 'NaN', compute: () => Number.NaN },
        unknown: { description: 'reads nothing real', compute: (c) => c.value('nope') },
      },
    });
    const result = evaluateFormulas(broken, {}, {}, NOW);
    assert.deepEqual(result.values, { boom: null, nan: null, unknown: null });
    assert.deepEqual(
      result.warnings.map((warning) => warning.code),
      ['FORMULA_FAILED', 'FORMULA_FAILED', 'FORMULA_FAILED'],
    );
    assert.match(result.warnings[2]!.message, /no formula named "nope"/);
  });
});
