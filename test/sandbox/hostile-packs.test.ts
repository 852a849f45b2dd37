import assert from 'node:assert/strict';
import {
  createPackSandbox,
  isDomainError,
  type ProcessPackSandbox,
  type SandboxLimits,
  type SandboxPackRef,
} from '@repogen/core';
import type { ComputeRequest, ComputeResult } from '@repogen/sdk';

/*
 * The hostile-pack suite: each case is a small hand-written logic script that attacks the
 * boundary. Every one must end in a clear domain error or a harmless answer, and the sandbox
 * must keep answering afterwards.
 */

const NOW = '2026-01-02T03:04:05.000Z';
const REQUEST: ComputeRequest = { input: { a: 1 }, now: NOW };
const FAST: SandboxLimits = { timeoutMs: 250 };
const SMALL: SandboxLimits = { memoryMb: 16, timeoutMs: 3000 };

let serial = 0;

function pack(logic: string, key = 'HOSTILE_V1'): SandboxPackRef {
  serial += 1;
  return { key, version: '1.0.0', tenantId: null, logic, digest: `hostile-${serial}-${logic.length}` };
}

/** A pack whose compute answers the values that `expression` evaluates to inside the isolate. */
function probe(expression: string, prologue = ''): string {
  return `${prologue}
var __repogenPack = { invoke: function (operation, requestJson) {
  var values = ${expression};
  return JSON.stringify({ ok: true, result: { values: values, trace: {}, warnings: [] } });
} };`;
}

/** A pack whose invoke runs `body` (which may return a string). */
function invoking(body: string, prologue = ''): string {
  return `${prologue}\nvar __repogenPack = { invoke: function (operation, requestJson) { ${body} } };`;
}

const GOOD = probe('{ echo: JSON.parse(requestJson).input }');

async function expectCode(promise: Promise<unknown>, codes: string | string[], pattern?: RegExp): Promise<void> {
  const allowed = Array.isArray(codes) ? codes : [codes];
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(isDomainError(error), `expected a domain error, got ${String(error)}`);
    assert.ok(allowed.includes(error.code), `expected ${allowed.join(' or ')}, got ${error.code}: ${error.message}`);
    if (pattern) assert.match(error.message, pattern);
    assert.doesNotMatch(
      error.message,
      /\/work\/|node:internal|\bat .+:\d+:\d+\)/,
      'no host path or stack in the message',
    );
    return true;
  });
}

describe('sandbox: hostile packs', function () {
  this.timeout(20_000);
  let sandbox: ProcessPackSandbox;

  async function compute(logic: string, limits?: SandboxLimits, tenant = 'tenant-a'): Promise<ComputeResult> {
    return (await sandbox.call(pack(logic), tenant, 'compute', REQUEST, limits)).result;
  }

  before(() => {
    sandbox = createPackSandbox();
  });

  after(async () => {
    await sandbox.close();
  });

  afterEach(async () => {
    // Whatever a case did, the sandbox still answers a well-behaved pack.
    const { result } = await sandbox.call(pack(GOOD, 'GOOD_V1'), 'tenant-a', 'compute', REQUEST);
    assert.deepEqual(result.values, { echo: { a: 1 } });
  });

  describe('time', () => {
    it('stops an infinite loop in the top level of the script', async () => {
      await expectCode(compute('for (;;) {}', FAST), 'PACK_TIMEOUT');
    });

    it('stops while(true) in a nested call of invoke', async () => {
      await expectCode(
        compute(invoking('return spin();', 'function inner() { while (true) {} } function spin() { inner(); }'), FAST),
        'PACK_TIMEOUT',
      );
    });

    it('stops an infinite loop queued as a microtask', async () => {
      await expectCode(
        compute(invoking("Promise.resolve().then(function () { for (;;) {} }); return '{}';"), FAST),
        'PACK_TIMEOUT',
      );
    });

    it('stops a thrown object whose message getter never returns', async () => {
      await expectCode(compute(invoking('throw { get message() { for (;;) {} } };'), FAST), 'PACK_TIMEOUT');
    });
  });

  describe('memory', () => {
    it('stops an array that grows without end', async () => {
      await expectCode(compute(invoking('var a = []; for (;;) a.push({ n: a.length });'), SMALL), 'PACK_MEMORY');
    });

    it('stops string doubling', async () => {
      await expectCode(
        compute(invoking("var s = 'x', keep = []; for (;;) { s = s + s; keep.push(s.split('').join('')); }"), SMALL),
        'PACK_MEMORY',
      );
    });

    it('stops a JSON.parse reviver bomb', async () => {
      const body =
        "var text = '[' + Array(1000).fill('0').join(',') + ']'; JSON.parse(text, function () { return new Array(1e6).fill(1); }); return '{}';";
      await expectCode(compute(invoking(body), SMALL), ['PACK_MEMORY', 'PACK_TIMEOUT']);
    });

    it('reports unbounded recursion as a fault', async () => {
      await expectCode(
        compute(invoking('return down(0);', 'function down(n) { return down(n + 1) + 1; }')),
        'PACK_FAULT',
        /call stack/,
      );
    });
  });

  describe('faults', () => {
    it('reports a thrown Error with its message and without a stack', async () => {
      await expectCode(compute(invoking("throw new Error('the pack broke');")), 'PACK_FAULT', /Error: the pack broke/);
    });

    it('reports a thrown non-Error value', async () => {
      await expectCode(compute(invoking("throw 'a plain string';")), 'PACK_FAULT', /a plain string/);
      await expectCode(compute(invoking('throw 42;')), 'PACK_FAULT', /number/);
    });

    it('reports a thrown object whose getters throw', async () => {
      const trap = "throw { get name() { throw new Error('trap'); }, get message() { throw new Error('trap'); } };";
      await expectCode(compute(invoking(trap)), 'PACK_FAULT', /cannot be printed/);
    });

    it('reports an error thrown while the script loads', async () => {
      await expectCode(compute("throw new TypeError('at load time');"), 'PACK_FAULT', /TypeError: at load time/);
    });

    it('reports a script that does not compile', async () => {
      await expectCode(compute('var __repogenPack = {'), 'PACK_FAULT', /does not compile/);
    });

    it('reports a script without the __repogenPack global', async () => {
      await expectCode(compute('var somethingElse = 1;'), 'PACK_FAULT', /__repogenPack/);
    });

    it('reports a __repogenPack behind a Proxy whose traps throw', async () => {
      const logic = "var __repogenPack = new Proxy({}, { get: function () { throw new RangeError('trapped'); } });";
      await expectCode(compute(logic), 'PACK_FAULT', /RangeError: trapped/);
    });

    it('reports an invoke that is not a function', async () => {
      await expectCode(compute('var __repogenPack = { invoke: 42 };'), 'PACK_FAULT', /not a function/);
    });

    it("passes on the pack's own { ok: false } report", async () => {
      const body = "return JSON.stringify({ ok: false, error: { code: 'INPUT_ODD', message: 'odd input' } });";
      await assert.rejects(compute(invoking(body)), (error: unknown) => {
        assert.ok(isDomainError(error));
        assert.equal(error.code, 'PACK_FAULT');
        assert.equal(error.status, 422);
        assert.equal(error.details?.packCode, 'INPUT_ODD');
        assert.match(error.message, /odd input/);
        return true;
      });
    });
  });

  describe('output', () => {
    it('rejects a response that is not JSON', async () => {
      await expectCode(compute(invoking("return 'not { json';")), 'PACK_OUTPUT_INVALID', /not return JSON/);
    });

    it('rejects a response that is not a string', async () => {
      await expectCode(compute(invoking('return { ok: true, result: {} };')), 'PACK_OUTPUT_INVALID', /object/);
    });

    it('rejects JSON that is not an envelope', async () => {
      await expectCode(compute(invoking("return '[1, 2, 3]';")), 'PACK_OUTPUT_INVALID', /envelope/);
    });

    it('rejects values that are not an object', async () => {
      await expectCode(
        compute(invoking('return JSON.stringify({ ok: true, result: { values: [1], trace: {}, warnings: [] } });')),
        'PACK_OUTPUT_INVALID',
        /\/values/,
      );
    });

    it('rejects a warning with a level outside the contract', async () => {
      const warning = "{ code: 'W1', level: 'fatal', message: 'm', fields: [] }";
      await expectCode(
        compute(
          invoking(`return JSON.stringify({ ok: true, result: { values: {}, trace: {}, warnings: [${warning}] } });`),
        ),
        'PACK_OUTPUT_INVALID',
        /\/warnings\/0\/level/,
      );
    });

    it('rejects a compute result without its trace', async () => {
      await expectCode(
        compute(invoking('return JSON.stringify({ ok: true, result: { values: {}, warnings: [] } });')),
        'PACK_OUTPUT_INVALID',
        /trace/,
      );
    });

    it('rejects a response larger than the cap without copying it out', async () => {
      const body =
        "var big = 'x'.repeat(9 * 1024 * 1024); return JSON.stringify({ ok: true, result: { values: { big: big }, trace: {}, warnings: [] } });";
      await expectCode(compute(invoking(body)), 'PACK_OUTPUT_INVALID', /characters/);
    });
  });

  describe('reach', () => {
    it('finds no require, process, module or host globals, and no escape through constructors', async () => {
      const { values } = await compute(
        probe(`{
          require: typeof require, process: typeof process, module: typeof module, exports: typeof exports,
          buffer: typeof Buffer, global: typeof global, fetch: typeof fetch,
          escape: (function () { try { return typeof this.constructor.constructor('return process')(); } catch (e) { return 'threw ' + e.name; } })(),
          functionEscape: (function () { try { return typeof Function('return this')().process; } catch (e) { return 'threw'; } })(),
          argumentTypes: typeof operation + ',' + typeof requestJson + ',' + arguments.length
        }`),
      );
      assert.deepEqual(values, {
        require: 'undefined',
        process: 'undefined',
        module: 'undefined',
        exports: 'undefined',
        buffer: 'undefined',
        global: 'undefined',
        fetch: 'undefined',
        escape: 'threw ReferenceError',
        functionEscape: 'undefined',
        argumentTypes: 'string,string,2',
      });
    });

    it('cannot load a module with dynamic import()', async () => {
      const prologue =
        "var outcome = 'pending'; try { import('node:fs').then(function () { outcome = 'loaded'; }, function (e) { outcome = 'rejected'; }); } catch (e) { outcome = 'threw'; }";
      const { values } = await compute(probe('{ outcome: outcome }', prologue));
      assert.notEqual(values.outcome, 'loaded');
      assert.notEqual(values.outcome, 'pending');
    });

    it('has no SharedArrayBuffer, Atomics or WebAssembly', async () => {
      const { values } = await compute(
        probe(
          '{ sab: typeof SharedArrayBuffer, atomics: typeof Atomics, wasm: typeof WebAssembly, weakRef: typeof WeakRef, finalizer: typeof FinalizationRegistry }',
        ),
      );
      assert.deepEqual(values, {
        sab: 'undefined',
        atomics: 'undefined',
        wasm: 'undefined',
        weakRef: 'undefined',
        finalizer: 'undefined',
      });
    });

    it('cannot block in Atomics.wait', async () => {
      await expectCode(
        compute(invoking('Atomics.wait(new Int32Array(4), 0, 0, 5000);'), FAST),
        'PACK_FAULT',
        /Atomics/,
      );
    });

    it('has no timers and no performance clock', async () => {
      const { values } = await compute(
        probe(
          '{ setTimeout: typeof setTimeout, setInterval: typeof setInterval, setImmediate: typeof setImmediate, queueMicrotask: typeof queueMicrotask, performance: typeof performance }',
        ),
      );
      assert.deepEqual(values, {
        setTimeout: 'undefined',
        setInterval: 'undefined',
        setImmediate: 'undefined',
        queueMicrotask: 'undefined',
        performance: 'undefined',
      });
    });

    it('sees only the host-supplied now through Date and Intl', async () => {
      const { values } = await compute(
        probe(
          "{ now: Date.now(), created: new Date().toISOString(), called: Date() === new Date(Date.now()).toString(), explicit: new Date('2020-01-01').getTime(), year: new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'UTC' }).format() }",
        ),
      );
      assert.deepEqual(values, {
        now: Date.parse(NOW),
        created: NOW,
        called: true,
        explicit: Date.parse('2020-01-01'),
        year: '2026',
      });
    });

    it('gets the same Math.random sequence on every call', async () => {
      const logic = probe('{ r: [Math.random(), Math.random(), Math.random()] }');
      const first = await compute(logic);
      const second = await compute(logic);
      assert.deepEqual(first.values, second.values);
      const numbers = first.values.r as number[];
      assert.ok(numbers.every((n) => n >= 0 && n < 1) && new Set(numbers).size === 3);
    });
  });

  describe('state', () => {
    const COUNTER = probe(
      '{ count: (globalThis.counter = (globalThis.counter || 0) + 1), seen: globalThis.secret || null }',
      'var counter;',
    );

    it('carries no global state from one call to the next', async () => {
      const ref = pack(COUNTER);
      for (let i = 0; i < 3; i++) {
        const { result } = await sandbox.call(ref, 'tenant-a', 'compute', REQUEST);
        assert.equal(result.values.count, 1);
      }
    });

    it('shares nothing between two tenants of the same pack', async () => {
      const logic = probe(
        '{ before: globalThis.secret || null, after: (globalThis.secret = JSON.parse(requestJson).input.secret) }',
      );
      const ref = pack(logic);
      const a = await sandbox.call(ref, 'tenant-a', 'compute', { input: { secret: 'of a' }, now: NOW });
      const b = await sandbox.call(ref, 'tenant-b', 'compute', { input: { secret: 'of b' }, now: NOW });
      const again = await Promise.all([
        sandbox.call(ref, 'tenant-a', 'compute', { input: { secret: 'a2' }, now: NOW }),
        sandbox.call(ref, 'tenant-b', 'compute', { input: { secret: 'b2' }, now: NOW }),
      ]);
      for (const { result } of [a, b, ...again]) assert.equal(result.values.before, null);
    });

    it('does not let Object.prototype pollution reach the next call', async () => {
      const ref = pack(
        probe(
          "{ inherited: ({}).polluted === undefined ? null : ({}).polluted, set: (Object.prototype.polluted = 'yes') }",
        ),
      );
      const first = await sandbox.call(ref, 'tenant-a', 'compute', REQUEST);
      const second = await sandbox.call(ref, 'tenant-a', 'compute', REQUEST);
      assert.equal(first.result.values.inherited, null);
      assert.equal(second.result.values.inherited, null);
    });

    it('is not fooled by a pack that replaces the built-ins the host relies on', async () => {
      const prologue =
        "Reflect.apply = function () { return 'R{}'; }; String.prototype.slice = function () { return 'hijacked'; }; JSON.stringify = function () { return 'x'; };";
      await expectCode(compute(invoking("throw new Error('real error');", prologue)), 'PACK_FAULT', /real error/);
    });
  });

  describe('the host keeps serving', () => {
    it('answers a good pack while a bad one spins', async () => {
      const spinning = compute(invoking('for (;;) {}'), { timeoutMs: 1500 });
      const started = performance.now();
      const good = pack(GOOD, 'GOOD_V1');
      for (let i = 0; i < 5; i++) {
        const { result } = await sandbox.call(good, 'tenant-b', 'compute', REQUEST);
        assert.deepEqual(result.values, { echo: { a: 1 } });
      }
      assert.ok(performance.now() - started < 1200, 'good calls did not wait for the spinning one');
      await expectCode(spinning, 'PACK_TIMEOUT');
    });

    it('records the CPU time of a call', async () => {
      const { cpuTimeMs, wallTimeMs } = await sandbox.call(
        pack(probe('(function () { var x = 0; for (var i = 0; i < 3e6; i++) x += i % 7; return { x: x }; })()')),
        'tenant-a',
        'compute',
        REQUEST,
      );
      assert.ok(cpuTimeMs > 0, `cpu time ${cpuTimeMs}`);
      assert.ok(wallTimeMs >= cpuTimeMs * 0.5, `wall ${wallTimeMs} vs cpu ${cpuTimeMs}`);
    });

    it('kills and replaces a sandbox process that stops answering', async () => {
      const own = createPackSandbox({ timeoutMs: 200, wallMarginMs: 200, killMarginMs: 300 });
      try {
        const good = pack(GOOD, 'GOOD_V1');
        await own.call(good, 'tenant-a', 'compute', REQUEST);
        const frozenPid = own.pid;
        assert.ok(frozenPid);
        // A frozen process answers nothing, not even its own watchdog: only the host's deadline ends it.
        process.kill(frozenPid, 'SIGSTOP');
        const started = performance.now();
        await expectCode(own.call(good, 'tenant-a', 'compute', REQUEST), 'PACK_TIMEOUT', /wall time/);
        assert.ok(performance.now() - started < 3000);
        const { result } = await own.call(good, 'tenant-a', 'compute', REQUEST);
        assert.deepEqual(result.values, { echo: { a: 1 } });
        assert.notEqual(own.pid, frozenPid);
      } finally {
        await own.close();
      }
    });

    it('restarts the sandbox process when it is killed', async () => {
      const own = createPackSandbox();
      try {
        const good = pack(GOOD, 'GOOD_V1');
        await own.call(good, 'tenant-a', 'compute', REQUEST);
        const firstPid = own.pid;
        assert.ok(firstPid);
        const inFlight = own.call(pack(invoking('for (;;) {}')), 'tenant-a', 'compute', REQUEST, { timeoutMs: 1500 });
        await new Promise((resolve) => setTimeout(resolve, 100));
        process.kill(firstPid, 'SIGKILL');
        await expectCode(inFlight, 'SANDBOX_UNAVAILABLE', /ended during the call/);
        const { result } = await own.call(good, 'tenant-a', 'compute', REQUEST);
        assert.deepEqual(result.values, { echo: { a: 1 } });
        assert.notEqual(own.pid, firstPid);
      } finally {
        await own.close();
      }
    });
  });
});
