import assert from 'node:assert/strict';
import { coreServices, createPackSandbox, createServiceFactory, type ProcessPackSandbox } from '@repogen/core';
import { createTestHost, json, type TestHost, type TestTenant } from '../support/test-host.js';
import { createFixtureReport, isAlive, killPid, publishReportTestPack, waitFor } from './reliability-support.js';

/**
 * The sandbox process killed while it computes a report (stopped first, so that the kill lands
 * with the call in flight): that call fails with a clear 503, the next one runs on a new process.
 */
describe('reliability: the sandbox process killed while computing', function () {
  this.timeout(120_000);

  let host: TestHost;
  let firm: TestTenant;
  let reportId: string;
  let sandbox: ProcessPackSandbox;
  /** Resolved by the next call the host makes into the sandbox. */
  let nextCall: (() => void) | undefined;

  before(async () => {
    // The real sandbox, watched: the test kills the process only once a call is on its way to it.
    const sandboxFactory = createServiceFactory({
      service: coreServices.sandbox,
      deps: {},
      create: (): ProcessPackSandbox => {
        const inner = createPackSandbox();
        return {
          call: (...args) => {
            nextCall?.();
            return inner.call(...args);
          },
          close: () => inner.close(),
          get pid() {
            return inner.pid;
          },
        };
      },
      dispose: (instance) => instance.close(),
    });
    host = await createTestHost({ services: [sandboxFactory] });
    firm = await host.createTenant('firm');
    reportId = await createFixtureReport(host, firm, await publishReportTestPack(host, firm));
    sandbox = (await host.registry.get(coreServices.sandbox)) as ProcessPackSandbox;
  });

  after(async () => {
    await host?.close();
  });

  const getReport = async () =>
    host.server.inject({ method: 'GET', url: `/v1/reports/${reportId}`, headers: await firm.headers('operator') });

  it('fails the call in flight with SANDBOX_UNAVAILABLE, and the next call works', async () => {
    const first = await getReport();
    assert.equal(first.statusCode, 200, first.payload.slice(0, 500));
    const values = json(first).values as Record<string, unknown>;
    assert.ok(values && Object.keys(values).length > 0, 'the report computes');
    const pid = sandbox.pid!;
    assert.ok(pid, 'the sandbox process is running');

    killPid(pid, 'SIGSTOP');
    const called = new Promise<void>((resolve) => (nextCall = resolve));
    const inFlight = getReport();
    await called;
    nextCall = undefined;
    killPid(pid, 'SIGKILL');
    const failed = await inFlight;
    assert.equal(failed.statusCode, 503, failed.payload.slice(0, 500));
    const body = json(failed);
    assert.equal(body.code, 'SANDBOX_UNAVAILABLE');
    assert.match(body.message as string, /sandbox/i);
    assert.doesNotMatch(failed.payload, /\bat .+\.(js|ts):\d+/, 'no stack trace reaches the client');
    await waitFor('the killed sandbox to be gone', () => (isAlive(pid) ? undefined : true), 10_000);

    const next = await getReport();
    assert.equal(next.statusCode, 200, next.payload.slice(0, 500));
    assert.deepEqual(json(next).values, values);
    assert.ok(sandbox.pid && sandbox.pid !== pid, 'a new sandbox process answered');
  });
});
