import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { createPackSandbox, isDomainError, type ProcessPackSandbox, type SandboxPackRef } from '@repogen/core';
import type { PackDescription } from '@repogen/sdk';

const NOW = '2026-01-02T03:04:05.000Z';

/** A small well-behaved pack, written by hand as the sdk's build would emit it: one classic script. */
const LOGIC = String.raw`(function () {
  var description = {
    formulas: [{ name: 'area', description: 'Plot area', unit: 'sqm' }],
    rules: [{ code: 'AREA_SMALL', description: 'The plot is small' }],
    operations: ['compute', 'rules', 'layout', 'extract', 'describe'],
  };
  var handlers = {
    describe: function () { return description; },
    compute: function (request) {
      var area = request.input.length * request.input.width;
      return {
        values: { area: area, computedAt: new Date().toISOString() },
        trace: { area: { name: 'area', description: 'Plot area', unit: 'sqm', reads: [
          { kind: 'input', name: '/length', value: request.input.length },
          { kind: 'input', name: '/width', value: request.input.width }], value: area } },
        warnings: area < 100 ? [{ code: 'AREA_SMALL', level: 'warn', message: 'The plot is small', fields: ['values/area'] }] : [],
      };
    },
    rules: function (request) {
      return { warnings: request.values.area < 100 ? [{ code: 'AREA_SMALL', level: 'warn', message: 'small', fields: [] }] : [] };
    },
    layout: function (request) {
      return { pages: request.evidence.map(function (item) {
        return { section: item.kind, heading: 'Photo ' + (item.order + 1), grid: '1x1', evidenceIds: [item.id] };
      }) };
    },
    extract: function (request) {
      var match = /area (\d+)/.exec(request.text);
      return { proposals: match ? [{ field: '/area', value: Number(match[1]), confidence: 0.9, sourceText: match[0] }] : [] };
    },
  };
  globalThis.__repogenPack = {
    invoke: function (operation, requestJson) {
      var handler = handlers[operation];
      if (!handler) return JSON.stringify({ ok: false, error: { code: 'UNSUPPORTED', message: operation } });
      return JSON.stringify({ ok: true, result: handler(JSON.parse(requestJson)) });
    },
  };
})();`;

const PACK: SandboxPackRef = {
  key: 'PLOT_V1',
  version: '1.2.0',
  tenantId: null,
  logic: LOGIC,
  digest: 'plot-v1-1.2.0',
};

describe('sandbox: a well-behaved pack', function () {
  this.timeout(20_000);
  let sandbox: ProcessPackSandbox;

  before(() => {
    sandbox = createPackSandbox();
  });

  after(async () => {
    await sandbox.close();
  });

  it('answers every operation of the contract', async () => {
    const described = await sandbox.call(PACK, 'tenant-a', 'describe', {});
    assert.deepEqual(described.result.operations satisfies PackDescription['operations'], [
      'compute',
      'rules',
      'layout',
      'extract',
      'describe',
    ]);

    const computed = await sandbox.call(PACK, 'tenant-a', 'compute', { input: { length: 8, width: 10 }, now: NOW });
    assert.equal(computed.result.values.area, 80);
    assert.equal(computed.result.values.computedAt, NOW, 'the pack sees the host-supplied now');
    assert.equal(computed.result.trace.area?.reads.length, 2);
    assert.deepEqual(
      computed.result.warnings.map((w) => w.code),
      ['AREA_SMALL'],
    );
    assert.ok(computed.cpuTimeMs >= 0 && computed.wallTimeMs > 0);

    const rules = await sandbox.call(PACK, 'tenant-a', 'rules', { input: {}, now: NOW, values: { area: 500 } });
    assert.deepEqual(rules.result.warnings, []);

    const evidence = [{ id: 'e1', kind: 'exterior', mime: 'image/jpeg', size: 10, order: 0 }];
    const layout = await sandbox.call(PACK, 'tenant-a', 'layout', { evidence });
    assert.deepEqual(layout.result.pages, [
      { section: 'exterior', heading: 'Photo 1', grid: '1x1', evidenceIds: ['e1'] },
    ]);

    const extract = await sandbox.call(PACK, 'tenant-a', 'extract', { kind: 'deed', text: 'plot area 240 sq m' });
    assert.deepEqual(extract.result.proposals, [
      { field: '/area', value: 240, confidence: 0.9, sourceText: 'area 240' },
    ]);
  });

  it('serves many concurrent calls of one pack and one tenant through a small pool', async () => {
    const small = createPackSandbox({ maxIsolatesPerPack: 1 });
    try {
      const calls = Array.from({ length: 12 }, (_, i) =>
        small.call(PACK, 'tenant-a', 'compute', { input: { length: i + 1, width: 100 }, now: NOW }),
      );
      const results = await Promise.all(calls);
      assert.deepEqual(
        results.map((r) => r.result.values.area),
        Array.from({ length: 12 }, (_, i) => (i + 1) * 100),
      );
    } finally {
      await small.close();
    }
  });

  it("applies a pack's limits only where they are lower than the host's", async () => {
    const strict = createPackSandbox({ timeoutMs: 300, memoryMb: 16 });
    try {
      const spin = { ...PACK, digest: 'spin', logic: 'var __repogenPack = { invoke: function () { for (;;) {} } };' };
      const started = performance.now();
      await assert.rejects(strict.call(spin, 'tenant-a', 'compute', { input: {}, now: NOW }, { timeoutMs: 60_000 }), {
        code: 'PACK_TIMEOUT',
      });
      assert.ok(performance.now() - started < 3000, 'the host limit held');
      const hog = {
        ...PACK,
        digest: 'hog',
        logic:
          'var __repogenPack = { invoke: function () { var a = []; for (;;) a.push(new Array(1e6).fill(a.length)); } };',
      };
      await assert.rejects(strict.call(hog, 'tenant-a', 'compute', { input: {}, now: NOW }, { memoryMb: 4096 }), {
        code: 'PACK_MEMORY',
      });
      await assert.rejects(
        strict.call(spin, 'tenant-a', 'compute', { input: {}, now: NOW }, { timeoutMs: 50 }),
        /time limit of 50 ms/,
      );
    } finally {
      await strict.close();
    }
  });

  it('refuses an unknown operation before reaching the sandbox process', async () => {
    await assert.rejects(
      sandbox.call(PACK, 'tenant-a', 'render' as 'compute', { input: {}, now: NOW }),
      (error: unknown) => isDomainError(error) && error.code === 'PACK_OPERATION_UNKNOWN' && error.status === 400,
    );
  });

  it('is unavailable, with a 503, once closed or when its program is missing', async () => {
    const closing = createPackSandbox();
    await closing.call(PACK, 'tenant-a', 'describe', {});
    await closing.close();
    await closing.close();
    await assert.rejects(
      closing.call(PACK, 'tenant-a', 'describe', {}),
      (error: unknown) => isDomainError(error) && error.code === 'SANDBOX_UNAVAILABLE' && error.status === 503,
    );

    const missing = createPackSandbox({ programPath: '/nonexistent/sandbox-process.js' });
    await assert.rejects(missing.call(PACK, 'tenant-a', 'describe', {}), {
      code: 'SANDBOX_UNAVAILABLE',
      message: /tsc -b/,
    });
    await missing.close();
  });

  it('does not keep the host process alive once its calls are done', async function () {
    this.timeout(30_000);
    const core = createRequire(import.meta.url).resolve('@repogen/core');
    const script = `
      const { createPackSandbox } = await import(${JSON.stringify(core)});
      const sandbox = createPackSandbox();
      const { result } = await sandbox.call(${JSON.stringify(PACK)}, 't', 'describe', {});
      console.log(result.formulas[0].name);`;
    // Loading the whole host takes seconds on a busy machine; a sandbox that held the loop open would hang until killed.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--no-node-snapshot', '--input-type=module', '-e', script],
      { timeout: 25_000 },
    );
    assert.equal(stdout.trim(), 'area');
  });
});
