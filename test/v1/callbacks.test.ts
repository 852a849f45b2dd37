import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { JobService } from '@repogen/core';
import { deliverCallbackJob, v1BridgeServices } from '@repogen/plugin-v1-bridge';
import { RepogenApiError, RepogenClient, verifyCallbackSignature, type CallbackBody } from '@repogen/sdk/client';
import { createTestHost, json, type TestHost, type TestTenant } from '../support/test-host.js';
import { startTestWorker } from '../support/test-worker.js';
import { startCallbackListener, type CallbackListener } from './callback-listener.js';

describe('callbacks: registration, signed deliveries with retries, the log and redelivery', function () {
  this.timeout(120_000);

  let host: TestHost;
  let firm: TestTenant;
  let client: RepogenClient;
  let listener: CallbackListener;
  let worker: JobService | undefined;

  before(async () => {
    host = await createTestHost();
    firm = await host.createTenant('firm');
    await host.server.start();
    client = new RepogenClient({ baseUrl: `http://127.0.0.1:${host.server.info.port}`, serviceToken: (await firm.headers('service'))['x-service-token']! });
    listener = await startCallbackListener();
    worker = await startTestWorker(host, [deliverCallbackJob], { shutdownGraceMs: 5000 });
  });

  after(async () => {
    await worker?.stop();
    await listener?.close();
    await host?.close();
  });

  it('signs each delivery, retries a receiver that is down with backoff, and logs every attempt', async () => {
    const { endpoint, secret } = await client.registerCallback({ url: listener.url, events: ['report.released', 'report.generated'] });
    assert.ok(secret, 'a first registration answers its secret');
    assert.match(secret, /^whsec_/);
    assert.deepEqual((await client.listCallbacks()).map((item) => item.id), [endpoint.id]);
    assert.equal(JSON.stringify(await client.listCallbacks()).includes(secret), false, 'the secret is never listed');

    listener.answerNext(503);
    const callbacks = await host.registry.get(v1BridgeServices.callbacks);
    const before = listener.received.length;
    const [published] = await callbacks.publish(firm.id, 'report.released', { reportId: 'r-1', externalKey: 'v1:assignment:1' });
    assert.ok(published);
    // An event nobody subscribed to is recorded nowhere.
    assert.deepEqual(await callbacks.publish(firm.id, 'ocr.completed', { evidenceId: 'e-1' }), []);

    const got = await listener.waitFor((all) => all.length >= before + 2 && all.at(-1)!.answered === 200);
    const [first, second] = got.slice(before);
    assert.equal(first!.answered, 503);
    assert.equal(first!.body, second!.body, 'a retry sends the same body');
    for (const delivery of [first!, second!]) {
      assert.equal(delivery.headers['content-type'], 'application/json');
      assert.equal(delivery.headers['repogen-event'], 'report.released');
      const check = verifyCallbackSignature({ secret, header: delivery.headers['repogen-signature'] as string, body: delivery.body });
      assert.equal(check.ok, true, JSON.stringify(check));
    }
    const body = JSON.parse(second!.body) as CallbackBody;
    assert.equal(body.type, 'report.released');
    assert.equal(body.id, published.eventId);
    assert.deepEqual(body.data, { reportId: 'r-1', externalKey: 'v1:assignment:1' });
    // A forged body or another secret does not pass the receiver's check.
    const header = second!.headers['repogen-signature'] as string;
    assert.equal(verifyCallbackSignature({ secret, header, body: second!.body.replace('r-1', 'r-2') }).ok, false);
    assert.equal(verifyCallbackSignature({ secret: 'whsec_not_the_secret_at_all', header, body: second!.body }).ok, false);

    let logged = (await client.deliveries({ endpointId: endpoint.id })).items.find((item) => item.id === published.id)!;
    for (let i = 0; logged.state !== 'delivered' && i < 50; i += 1) {
      await sleep(100);
      logged = (await client.deliveries({ endpointId: endpoint.id })).items.find((item) => item.id === published.id)!;
    }
    assert.equal(logged.state, 'delivered');
    assert.equal(logged.attempts, 2);
    assert.equal(logged.lastStatus, 200);

    // A manual redeliver: a new delivery of the same event, freshly signed.
    const count = listener.received.length;
    const again = await client.redeliver(published.id);
    assert.equal(again.redeliveryOf, published.id);
    assert.equal(again.eventId, published.eventId);
    const redelivered = (await listener.waitFor((all) => all.length > count)).at(-1)!;
    assert.equal(redelivered.body, second!.body);
    assert.equal(verifyCallbackSignature({ secret, header: redelivered.headers['repogen-signature'] as string, body: redelivered.body }).ok, true);

    const audit = await host.server.inject({ method: 'GET', url: `/v1/audit?target=callback_endpoint:${endpoint.id}`, headers: await firm.headers('admin') });
    assert.deepEqual((json(audit).items as { action: string }[]).map((entry) => entry.action), ['callback.registered']);
  });

  it('refuses bad registrations with stable codes, and lets only admin and service manage callbacks', async () => {
    const bad = await host.server.inject({ method: 'POST', url: '/v1/callbacks', headers: await firm.headers('service'), payload: { url: 'ftp://127.0.0.1/x', events: ['report.generated'] } });
    assert.equal(bad.statusCode, 400, bad.payload);
    assert.equal(json(bad).code, 'VALIDATION_FAILED');
    const unknownEvent = await host.server.inject({ method: 'POST', url: '/v1/callbacks', headers: await firm.headers('service'), payload: { url: listener.url, events: ['report.exploded'] } });
    assert.equal(unknownEvent.statusCode, 400);
    const credentials = await host.server.inject({ method: 'POST', url: '/v1/callbacks', headers: await firm.headers('service'), payload: { url: 'http://user:pw@127.0.0.1/x', events: ['report.generated'] } });
    assert.equal(credentials.statusCode, 400);
    assert.equal(json(credentials).code, 'CALLBACK_URL_INVALID');
    const operator = await host.server.inject({ method: 'POST', url: '/v1/callbacks', headers: await firm.headers('operator'), payload: { url: listener.url, events: ['report.generated'] } });
    assert.equal(operator.statusCode, 403);
    await assert.rejects(client.redeliver(crypto.randomUUID()), (error: unknown) => error instanceof RepogenApiError && error.code === 'CALLBACK_DELIVERY_NOT_FOUND' && error.statusCode === 404);
  });

  it('registers once for a retried registration, and stops delivering to a removed callback', async () => {
    const key = crypto.randomUUID();
    const input = { url: `${listener.url}?removed=1`, events: ['report.failed' as const], secret: 'whsec_chosen_by_v1_0001' };
    const first = await client.registerCallback(input, { idempotencyKey: key });
    const repeat = await client.registerCallback(input, { idempotencyKey: key });
    // The same endpoint; its secret is answered once, never kept for a replay.
    assert.deepEqual(repeat, { endpoint: first.endpoint });
    assert.equal(first.secret, input.secret);
    assert.equal((await client.listCallbacks()).filter((item) => item.url === first.endpoint.url).length, 1);

    await client.removeCallback(first.endpoint.id);
    assert.equal((await client.listCallbacks()).some((item) => item.id === first.endpoint.id), false);
    await assert.rejects(client.removeCallback(first.endpoint.id), (error: unknown) => error instanceof RepogenApiError && error.code === 'CALLBACK_NOT_FOUND');
    const callbacks = await host.registry.get(v1BridgeServices.callbacks);
    assert.deepEqual(await callbacks.publish(firm.id, 'report.failed', { reportId: 'r-2' }), []);
  });
});
