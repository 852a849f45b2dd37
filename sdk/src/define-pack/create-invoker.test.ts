import assert from 'node:assert/strict';
import vm from 'node:vm';
import {
  PACK_GLOBAL,
  type ComputeResult,
  type InvokeResponse,
  type PackDescription,
  type PackGlobal,
} from '../contract/pack-contract.js';
import { createInvoker } from './create-invoker.js';
import { definePack } from './pack-definition.js';
import { PackError } from './pack-error.js';
import { packEntry } from './pack-entry.js';

const pack = definePack<{ x?: number }, { factor: number }>({
  settings: { factor: 2 },
  formulas: {
    doubled: { description: 'x × factor', compute: (c) => c.need('/x') * c.setting('factor') },
    loud: {
      description: 'throws its own code when x is 13',
      compute: (c) => {
        if (c.input('/x') === 13) throw new PackError('UNLUCKY', 'thirteen');
        return 1;
      },
    },
  },
  rules: {
    BIG: { description: 'x above 100', level: 'warn', check: ({ number }) => (number('doubled') ?? 0) > 100 && 'big' },
  },
});

function parse<T>(json: string): InvokeResponse<T> {
  return JSON.parse(json) as InvokeResponse<T>;
}

describe('createInvoker', () => {
  const invoker = createInvoker(pack);

  it('computes values, trace and warnings with the tenant settings', () => {
    const response = parse<ComputeResult>(
      invoker.invoke(
        'compute',
        JSON.stringify({ input: { x: 60 }, now: '2025-01-01T00:00:00Z', settings: { factor: 3 } }),
      ),
    );
    assert.ok(response.ok);
    assert.equal(response.result.values.doubled, 180);
    assert.deepEqual(
      response.result.warnings.map((w) => w.code),
      ['BIG'],
    );
  });

  it('ignores unknown and ill-typed settings with a warning', () => {
    const response = invoker.call('compute', {
      input: { x: 1 },
      now: '2025-01-01T00:00:00Z',
      settings: { factor: 'x', colour: 'red' },
    });
    assert.ok(response.ok);
    assert.equal(response.result.values.doubled, 2);
    assert.deepEqual(response.result.warnings.map((w) => w.code).sort(), ['SETTING_INVALID', 'SETTING_UNKNOWN']);
  });

  it('returns the error envelope and never throws', () => {
    assert.deepEqual(parse(invoker.invoke('compute', '{not json')), {
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'the request is not valid JSON' },
    });
    assert.equal(parse(invoker.invoke('explode', '{}')).ok, false);
    assert.deepEqual(parse(invoker.invoke('compute', JSON.stringify({ input: {} }))), {
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'the request needs now, an ISO 8601 instant' },
    });
    assert.deepEqual(parse(invoker.invoke('extract', JSON.stringify({ kind: 'photo.gps', text: '' }))), {
      ok: false,
      error: { code: 'UNSUPPORTED_OPERATION', message: 'this pack does not extract fields from OCR text' },
    });
  });

  it("reports a formula's own error code as a warning, and a cycle as the pack's error", () => {
    const response = invoker.call('compute', { input: { x: 13 }, now: '2025-01-01T00:00:00Z' });
    assert.ok(response.ok);
    assert.equal(response.result.values.loud, null);
    assert.match(response.result.warnings.find((w) => w.code === 'FORMULA_FAILED')?.message ?? '', /thirteen/);
    const cyclic = createInvoker(
      definePack({ settings: {}, formulas: { a: { description: 'a', compute: (c) => c.value('a') } } }),
    );
    assert.deepEqual(cyclic.call('compute', { input: {}, now: '2025-01-01T00:00:00Z' }), {
      ok: false,
      error: { code: 'FORMULA_CYCLE', message: 'formulas depend on each other in a cycle: a → a' },
    });
  });

  it('describes formulas, rules and operations', () => {
    const response = parse<PackDescription>(invoker.invoke('describe', '{}'));
    assert.ok(response.ok);
    assert.deepEqual(
      response.result.formulas.map((f) => f.name),
      ['doubled', 'loud'],
    );
    assert.deepEqual(response.result.rules, [{ code: 'BIG', description: 'x above 100' }]);
    assert.deepEqual(response.result.operations, ['compute', 'rules', 'layout', 'describe']);
  });

  it('runs rules over values the host sends', () => {
    const response = invoker.call('rules', { input: {}, values: { doubled: 500 }, now: '2025-01-01T00:00:00Z' });
    assert.deepEqual(response.ok && response.result.warnings.map((w) => w.code), ['BIG']);
  });
});

describe('packEntry', () => {
  it('installs only an invoke function on the global', () => {
    const context = vm.createContext({});
    const holder = vm.runInContext('globalThis', context) as Record<string, PackGlobal>;
    const original = globalThis as unknown as Record<string, PackGlobal | undefined>;
    const previous = original[PACK_GLOBAL];
    try {
      packEntry(pack);
      holder[PACK_GLOBAL] = original[PACK_GLOBAL]!;
      const entry = holder[PACK_GLOBAL];
      assert.deepEqual(Object.keys(entry), ['invoke']);
      assert.ok(Object.isFrozen(entry));
      assert.equal(
        parse<ComputeResult>(entry.invoke('compute', JSON.stringify({ input: { x: 1 }, now: '2025-01-01T00:00:00Z' })))
          .ok,
        true,
      );
    } finally {
      if (previous === undefined) Reflect.deleteProperty(original, PACK_GLOBAL);
      else original[PACK_GLOBAL] = previous;
    }
  });
});
