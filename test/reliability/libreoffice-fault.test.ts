import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { CarboneDocumentRenderer, coreServices, createServiceFactory, type JobService } from '@repogen/core';
import { isRunning, libreOfficeOrSkip } from '../render/render-fixtures.js';
import { createTestHost, type TestHost, type TestTenant } from '../support/test-host.js';
import {
  awaitJob,
  createFixtureReport,
  killPid,
  publishReportTestPack,
  requestGeneration,
  settled,
  startInProcessWorker,
  stepStarted,
  versionsOf,
} from './reliability-support.js';

/** Long enough for a warm conversion on a busy CI machine, short enough for a hang to cost the test little. */
const CONVERSION_TIMEOUT_MS = 8_000;

/**
 * LibreOffice hung (stopped with SIGSTOP) or killed during a generation job: the supervised
 * converter kills and restarts it, the job completes (on a retry after a hang), and the host
 * answers requests all the while.
 */
describe('reliability: LibreOffice hung or killed during a generation job', function () {
  this.timeout(180_000);

  let host: TestHost;
  let firm: TestTenant;
  let reportId: string;
  let worker: JobService | undefined;
  let renderer: CarboneDocumentRenderer;

  before(async function () {
    libreOfficeOrSkip(this);
    renderer = new CarboneDocumentRenderer({ converter: { conversionTimeoutMs: CONVERSION_TIMEOUT_MS } });
    const rendererFactory = createServiceFactory({
      service: coreServices.renderer,
      deps: {},
      create: () => renderer,
      dispose: (instance) => instance.close(),
    });
    host = await createTestHost({ services: [rendererFactory] });
    firm = await host.createTenant('firm');
    reportId = await createFixtureReport(host, firm, await publishReportTestPack(host, firm));
    worker = await startInProcessWorker(host);
    // A first generation warms the worker, the sandbox and the office (past its first-start profile
    // work), so that the office the tests stop is the one the next conversion goes to.
    const warm = await awaitJob(
      host,
      firm,
      await requestGeneration(host, firm, reportId, crypto.randomUUID()),
      settled,
      120_000,
    );
    assert.equal(warm.state, 'completed', JSON.stringify(warm));
  });

  after(async () => {
    await worker?.stop();
    await host?.close();
  });

  async function assertServing(): Promise<void> {
    const started = Date.now();
    const health = await host.server.inject({ method: 'GET', url: '/v1/health' });
    assert.equal(health.statusCode, 200);
    const list = await host.server.inject({
      method: 'GET',
      url: '/v1/reports',
      headers: await firm.headers('operator'),
    });
    assert.equal(list.statusCode, 200, list.payload);
    assert.ok(Date.now() - started < 2_000, `the host answered in ${Date.now() - started} ms`);
  }

  it('a hung LibreOffice: the attempt fails with RENDER_TIMEOUT, the office is restarted, the retry completes', async () => {
    const hung = renderer.converter.officePid!;
    assert.ok(hung, 'LibreOffice is running');
    const restarts = renderer.converter.restarts;
    const versions = (await versionsOf(host, firm, reportId)).length;
    killPid(hung, 'SIGSTOP');

    const jobId = await requestGeneration(host, firm, reportId, crypto.randomUUID());
    await awaitJob(host, firm, jobId, stepStarted('convert-pdf'), 60_000);
    assert.equal(renderer.converter.officePid, hung, 'the conversion went to the stopped office');
    await assertServing();

    const done = await awaitJob(host, firm, jobId, settled, 120_000);
    assert.equal(done.state, 'completed', JSON.stringify(done));
    assert.equal(done.attempts, 2, JSON.stringify(done));
    // The first attempt's failure stays in the job's progress after the retry has completed.
    const failures = done.progress.filter((event) => event.state === 'failed');
    assert.deepEqual(
      failures.map((event) => [event.step, event.code]),
      [['convert-pdf', 'RENDER_TIMEOUT']],
      JSON.stringify(done.progress),
    );
    assert.equal(isRunning(hung), false, 'the hung office was killed');
    assert.ok(renderer.converter.restarts > restarts, 'the converter started a new office');
    assert.equal((await versionsOf(host, firm, reportId)).length, versions + 1);
    await assertServing();
  });

  it('LibreOffice killed in the middle of a conversion: converted again on a fresh office, in the same attempt', async () => {
    await renderer.converter.start();
    const office = renderer.converter.officePid!;
    const versions = (await versionsOf(host, firm, reportId)).length;
    // Stopped first, so that the kill lands while the conversion is in flight.
    killPid(office, 'SIGSTOP');
    const jobId = await requestGeneration(host, firm, reportId, crypto.randomUUID());
    await awaitJob(host, firm, jobId, stepStarted('convert-pdf'), 60_000);
    killPid(office, 'SIGKILL');
    await assertServing();

    const done = await awaitJob(host, firm, jobId, settled, 120_000);
    assert.equal(done.state, 'completed', JSON.stringify(done));
    assert.equal(done.attempts, 1);
    assert.notEqual(renderer.converter.officePid, office);
    assert.equal((await versionsOf(host, firm, reportId)).length, versions + 1);
  });
});
