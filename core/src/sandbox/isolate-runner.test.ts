import assert from 'node:assert/strict';
import { createIsolateRunner, type IsolateRunner, type RunRequest } from './isolate-runner.js';

const LOGIC = `var __repogenPack = { invoke: function (operation, requestJson) {
  var spin = JSON.parse(requestJson).spinMs || 0, until = 0;
  for (var i = 0; i < spin * 20000; i++) until += i;
  return JSON.stringify({ ok: true, result: { at: Date.now(), until: until } });
} };`;

function request(overrides: Partial<RunRequest> = {}): RunRequest {
  return {
    digest: 'd1',
    logic: LOGIC,
    label: 'T@1',
    tenantId: 'a',
    operation: 'compute',
    requestJson: '{}',
    clockMs: 1000,
    memoryMb: 32,
    timeoutMs: 2000,
    wallTimeoutMs: 3000,
    maxResponseChars: 1_000_000,
    onQueued: () => undefined,
    onStarted: () => undefined,
    ...overrides,
  };
}

describe('isolate runner', () => {
  let runner: IsolateRunner;

  beforeEach(() => {
    runner = createIsolateRunner({ maxIsolates: 3, maxPerKey: 1, onCatastrophicError: () => undefined });
  });

  afterEach(() => {
    runner.disposeAll();
  });

  it('keeps one warm isolate per pack and tenant, never shared across tenants', async () => {
    const first = await runner.run(request());
    assert.equal(first.kind, 'response');
    if (first.kind === 'response') assert.match(first.text, /"at":1000/);
    await runner.run(request());
    assert.equal(runner.stats().isolates, 1);
    await runner.run(request({ tenantId: 'b' }));
    assert.equal(runner.stats().isolates, 2);
    await runner.run(request({ tenantId: 'a' }));
    assert.equal(runner.stats().isolates, 2);
  });

  it('evicts the least recently used idle isolate beyond its cap', async () => {
    for (const tenantId of ['a', 'b', 'c', 'd', 'e']) await runner.run(request({ tenantId }));
    assert.equal(runner.stats().isolates, 3);
  });

  it('asks for the script only when it must make an isolate', async () => {
    assert.deepEqual(await runner.run(request({ logic: undefined })), { kind: 'need-logic' });
    await runner.run(request());
    assert.equal((await runner.run(request({ logic: undefined }))).kind, 'response');
  });

  it('queues calls beyond the isolates of a key, and says so', async () => {
    const events: string[] = [];
    const calls = [0, 1, 2].map((n) =>
      runner.run(
        request({
          requestJson: JSON.stringify({ spinMs: 20 }),
          onQueued: () => events.push(`queued ${n}`),
          onStarted: () => events.push(`started ${n}`),
        }),
      ),
    );
    const outcomes = await Promise.all(calls);
    assert.ok(outcomes.every((outcome) => outcome.kind === 'response'));
    assert.deepEqual(events.filter((e) => e.startsWith('queued')).length, 2);
    assert.deepEqual(events.filter((e) => e.startsWith('started')).length, 2);
    assert.equal(runner.stats().queued, 0);
  });

  it('records CPU time and replaces an isolate disposed by its memory limit', async () => {
    const hog = 'var __repogenPack = { invoke: function () { var a = []; for (;;) a.push(new Array(1e4).fill(1)); } };';
    const outcome = await runner.run(request({ digest: 'hog', logic: hog, memoryMb: 16 }));
    assert.equal(outcome.kind, 'error');
    if (outcome.kind === 'error') {
      assert.equal(outcome.error.code, 'PACK_MEMORY');
      assert.ok(outcome.cpuTimeMs > 0);
    }
    const again = await runner.run(request({ digest: 'hog', logic: hog, memoryMb: 16 }));
    assert.equal(again.kind === 'error' && again.error.code, 'PACK_MEMORY');
  });
});
