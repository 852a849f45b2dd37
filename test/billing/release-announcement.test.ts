import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  coreServices,
  createJobService,
  createLogger,
  createServiceFactory,
  generateReportJob,
  type CallbackPublisher,
  type JobService,
} from '@repogen/core';
import { deliverCallbackJob, relayCallbacksJob, v1BridgeServices } from '@repogen/plugin-v1-bridge';
import { verifyCallbackSignature, type CallbackBody } from '@repogen/sdk/client';
import { libreOfficeOrSkip } from '../render/render-fixtures.js';
import { createTestHost, json, type TestHost } from '../support/test-host.js';
import { startCallbackListener, type CallbackListener } from '../v1/callback-listener.js';
import { BillingDriver } from './billing-test-support.js';

/** Stands for the process dying right after the release commits: everything done after it is lost. */
const crash = { afterCommit: false };
const crashed = () => Promise.reject(new Error('the process died after the release committed'));

/** The V1 bridge's publisher, with the work it does after the caller's commit cut off while `crash.afterCommit`. */
const crashingCallbacks = createServiceFactory({
  service: coreServices.callbacks,
  deps: { callbacks: v1BridgeServices.callbacks },
  create: ({ callbacks }): CallbackPublisher => ({
    publish: (...args) => (crash.afterCommit ? crashed() : callbacks.publish(...args)),
    async record(trx, tenantId, event, data) {
      const recorded = await callbacks.record(trx, tenantId, event, data);
      return { send: () => (crash.afterCommit ? crashed() : recorded.send()) };
    },
  }),
});

describe('billing: report.released is recorded with the release (an outbox)', function () {
  this.timeout(300_000);

  let host: TestHost;
  let worker: JobService | undefined;
  let listener: CallbackListener;

  before(async function () {
    libreOfficeOrSkip(this);
    host = await createTestHost({ services: [crashingCallbacks] });
    listener = await startCallbackListener();
    const jobs = [generateReportJob, deliverCallbackJob];
    worker = await createJobService({
      database: host.database,
      databaseUrl: process.env.DATABASE_URL,
      logger: createLogger('silent'),
      jobs,
      shutdownGraceMs: 10_000,
    });
    await worker.work(jobs, host.registry);
  });

  after(async () => {
    crash.afterCommit = false;
    await worker?.stop();
    await listener?.close();
    await host?.close();
  });

  it('keeps the event of a release whose process died after the commit; the relay sends it, signed', async () => {
    const tenant = await host.createTenant('firm');
    const driver = new BillingDriver(host, tenant);
    const packKey = await driver.publishTestPack();
    const registered = await driver.call('POST', '/v1/callbacks', {
      role: 'service',
      payload: { url: listener.url, events: ['report.released'] },
    });
    assert.equal(registered.statusCode, 201, registered.payload);
    const { secret } = json(registered) as { secret: string };
    const reportId = await driver.createReport(packKey, 'Released as the process died');
    const queued = await driver.generate(reportId);
    assert.equal(queued.statusCode, 202, queued.payload);
    for (let state = ''; state !== 'completed'; await sleep(250)) {
      state = json(await driver.call('GET', `/v1/jobs/${json(queued).jobId as string}`)).state as string;
      assert.notEqual(state, 'failed');
    }

    crash.afterCommit = true;
    const releaseKey = crypto.randomUUID();
    const dying = await driver.call('POST', `/v1/reports/${reportId}/release`, {
      headers: { 'idempotency-key': releaseKey },
    });
    assert.equal(dying.statusCode, 500, 'the caller never heard back');

    const retried = await driver.call('POST', `/v1/reports/${reportId}/release`, {
      headers: { 'idempotency-key': releaseKey },
    });
    assert.equal(retried.statusCode, 200, retried.payload);
    assert.equal(json(retried).released, false, 'the release had committed');

    const log = await driver.call('GET', '/v1/callbacks/deliveries?event=report.released', { role: 'service' });
    const logged = json(log).items as { state: string; attempts: number; body: CallbackBody }[];
    assert.equal(logged.length, 1, 'the event committed with the release');
    assert.equal(logged[0]!.state, 'pending');
    assert.equal(logged[0]!.attempts, 0);
    const { body } = logged[0]!;
    assert.deepEqual(body.data, {
      reportId,
      externalKey: null,
      versionId: json(retried).versionId,
      version: 1,
      artifactId: json(retried).artifact.id,
      releasedAt: body.data.releasedAt,
    });

    crash.afterCommit = false;
    const relayServices = await host.registry.resolve(relayCallbacksJob.deps, 'test');
    const context = {
      jobId: crypto.randomUUID(),
      attempt: 0,
      signal: new AbortController().signal,
      logger: createLogger('silent'),
    };
    assert.deepEqual(await relayCallbacksJob.handler({ olderThanSeconds: 0 }, relayServices, context), {
      queued: 1,
      olderThanSeconds: 0,
    });
    assert.deepEqual(
      await relayCallbacksJob.handler({ olderThanSeconds: 0 }, relayServices, context),
      { queued: 0, olderThanSeconds: 0 },
      'a queued delivery is relayed once',
    );
    const received = await listener.waitFor((all) => all.some((item) => item.body.includes(reportId)));
    const delivered = received.find((item) => item.body.includes(reportId))!;
    const check = verifyCallbackSignature({
      secret,
      header: delivered.headers['repogen-signature'] as string,
      body: delivered.body,
    });
    assert.equal(check.ok, true, JSON.stringify(check));
    assert.equal((JSON.parse(delivered.body) as CallbackBody).id, body.id);
  });
});
