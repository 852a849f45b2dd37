import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { createLogger, expireIdempotentRequestsJob, withSystem } from '@repogen/core';
import { multipart, uniqueJpeg } from '../evidence/evidence-test-support.js';
import { buildReportTestPack, sbiFixtureInput } from '../reports/report-test-pack.js';
import { createTestHost, json, type TestHost, type TestTenant } from '../support/test-host.js';

describe('Idempotency-Key on the POST routes that create something', function () {
  this.timeout(60_000);

  let host: TestHost;
  let firm: TestTenant;
  let other: TestTenant;
  let packKey: string;

  const post = async (
    tenant: TestTenant,
    url: string,
    payload: object | Buffer,
    headers: Record<string, string> = {},
    role: 'admin' | 'operator' | 'service' = 'admin',
  ) => host.server.inject({ method: 'POST', url, headers: { ...(await tenant.headers(role)), ...headers }, payload });

  const reportCount = async (tenant: TestTenant, title: string) => {
    const list = await host.server.inject({
      method: 'GET',
      url: `/v1/reports?q=${encodeURIComponent(title)}`,
      headers: await tenant.headers('operator'),
    });
    assert.equal(list.statusCode, 200, list.payload);
    return (json(list).items as { title: string }[]).filter((item) => item.title === title).length;
  };

  before(async () => {
    host = await createTestHost();
    [firm, other] = [await host.createTenant('firm'), await host.createTenant('firm')];
    const pack = await buildReportTestPack();
    packKey = pack.key;
    for (const tenant of [firm, other]) {
      const upload = await post(tenant, '/v1/packs', pack.bytes, { 'content-type': 'application/octet-stream' });
      assert.ok([200, 201].includes(upload.statusCode), upload.payload);
      const published = await host.server.inject({
        method: 'POST',
        url: `/v1/packs/${packKey}/versions/${pack.manifest.version}/publish`,
        headers: await tenant.headers('admin'),
      });
      assert.equal(published.statusCode, 200, published.payload);
    }
  });

  after(() => host?.close());

  it('answers a repeat with the first answer, status and body, and creates one report', async () => {
    const key = crypto.randomUUID();
    const title = `Idempotent ${key}`;
    const body = { packKey, title, data: await sbiFixtureInput() };
    const first = await post(firm, '/v1/reports', body, { 'idempotency-key': key }, 'service');
    assert.equal(first.statusCode, 201, first.payload);
    assert.equal(first.headers['idempotent-replayed'], undefined);

    // The same body with its keys in another order is the same request.
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const repeat = await post(firm, '/v1/reports', reordered, { 'idempotency-key': key }, 'service');
    assert.equal(repeat.statusCode, 201, repeat.payload);
    assert.equal(repeat.headers['idempotent-replayed'], 'true');
    assert.deepEqual(json(repeat), json(first));
    assert.equal(await reportCount(firm, title), 1);

    const audit = await host.server.inject({
      method: 'GET',
      url: `/v1/audit?target=report:${json(first).id as string}`,
      headers: await firm.headers('admin'),
    });
    assert.equal(audit.statusCode, 200, audit.payload);
    assert.equal(
      (json(audit).items as { action: string }[]).filter((entry) => entry.action === 'report.created').length,
      1,
    );
  });

  it('never keeps a secret shown once: a repeated token creation answers the token without it, and no row holds it', async () => {
    const key = crypto.randomUUID();
    const first = await post(
      firm,
      '/v1/tokens',
      { name: `Token ${key}`, kind: 'service', role: 'service' },
      { 'idempotency-key': key },
    );
    assert.equal(first.statusCode, 201, first.payload);
    const secret = json(first).secret as string;
    assert.match(secret, /^rg/);

    const repeat = await post(
      firm,
      '/v1/tokens',
      { name: `Token ${key}`, kind: 'service', role: 'service' },
      { 'idempotency-key': key },
    );
    assert.equal(repeat.statusCode, 201, repeat.payload);
    assert.equal(repeat.headers['idempotent-replayed'], 'true');
    assert.deepEqual(json(repeat), { token: json(first).token }, 'the same token, without its secret');
    const kept = await withSystem(host.database.knex, (trx) =>
      trx('idempotent_requests').where({ tenant_id: firm.id, idempotency_key: key }).select('response_body'),
    );
    assert.equal(kept.length, 1);
    assert.ok(!JSON.stringify(kept[0]).includes(secret), 'the kept answer holds no secret');
  });

  it('refuses the key with another body or path (409 IDEMPOTENCY_KEY_REUSED) and changes nothing', async () => {
    const key = crypto.randomUUID();
    const title = `Reused ${key}`;
    const first = await post(firm, '/v1/reports', { packKey, title }, { 'idempotency-key': key });
    assert.equal(first.statusCode, 201, first.payload);

    const changed = await post(
      firm,
      '/v1/reports',
      { packKey, title: `${title} (changed)` },
      { 'idempotency-key': key },
    );
    assert.equal(changed.statusCode, 409, changed.payload);
    assert.deepEqual(Object.keys(json(changed)).sort(), ['code', 'details', 'error', 'message', 'statusCode']);
    assert.equal(json(changed).code, 'IDEMPOTENCY_KEY_REUSED');
    assert.equal(await reportCount(firm, `${title} (changed)`), 0);

    const elsewhere = await post(firm, '/v1/tokens', { name: 'reused-key' }, { 'idempotency-key': key });
    assert.equal(elsewhere.statusCode, 409, elsewhere.payload);
    assert.equal(json(elsewhere).code, 'IDEMPOTENCY_KEY_REUSED');

    // Keys belong to a tenant: another tenant's use of the same key is its own request.
    const otherTenant = await post(other, '/v1/reports', { packKey, title }, { 'idempotency-key': key });
    assert.equal(otherTenant.statusCode, 201, otherTenant.payload);
    assert.notEqual(json(otherTenant).id, json(first).id);
  });

  it('never creates two things for concurrent repeats', async () => {
    const key = crypto.randomUUID();
    const name = `concurrent-${key.slice(0, 8)}`;
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        post(firm, '/v1/tokens', { name, kind: 'api', role: 'operator' }, { 'idempotency-key': key }),
      ),
    );
    for (const answer of answers) assert.equal(answer.statusCode, 201, answer.payload);
    const ids = new Set(answers.map((answer) => json(answer).token.id as string));
    assert.equal(ids.size, 1);
    // The secret is shown once: only the first answer carries it.
    assert.equal(answers.filter((answer) => typeof json(answer).secret === 'string').length, 1);
    assert.equal(answers.filter((answer) => answer.headers['idempotent-replayed'] === 'true').length, 5);

    const tokens = await host.server.inject({ method: 'GET', url: '/v1/tokens', headers: await firm.headers('admin') });
    assert.equal((json(tokens).items as { name: string }[]).filter((token) => token.name === name).length, 1);
  });

  it('claims nothing for a refused request, and checks the key itself', async () => {
    const key = crypto.randomUUID();
    const title = `Fixed ${key}`;
    const invalid = await post(firm, '/v1/reports', { packKey }, { 'idempotency-key': key });
    assert.equal(invalid.statusCode, 400, invalid.payload);
    assert.equal(json(invalid).code, 'VALIDATION_FAILED');
    const fixed = await post(firm, '/v1/reports', { packKey, title }, { 'idempotency-key': key });
    assert.equal(fixed.statusCode, 201, fixed.payload);

    const tooLong = await post(firm, '/v1/reports', { packKey, title: 'x' }, { 'idempotency-key': 'k'.repeat(201) });
    assert.equal(tooLong.statusCode, 400, tooLong.payload);
    assert.equal(json(tooLong).code, 'VALIDATION_FAILED');
    assert.equal(await reportCount(firm, 'x'), 0);
  });

  it('keeps nothing for a request its handler refused: the retry with the same key runs again at once', async () => {
    const key = crypto.randomUUID();
    const billingKey = `v1:partner:${crypto.randomInt(1e9)}`;
    const body = { packKey, title: `Billed to ${billingKey}`, billingKey };
    const refused = await post(firm, '/v1/reports', body, { 'idempotency-key': key });
    assert.equal(refused.statusCode, 404, refused.payload);
    assert.equal(json(refused).code, 'BILLING_ACCOUNT_NOT_FOUND');
    const opened = await post(firm, '/v1/billing/accounts', { mode: 'CREDIT', externalKey: billingKey });
    assert.equal(opened.statusCode, 201, opened.payload);
    const started = Date.now();
    const retried = await post(firm, '/v1/reports', body, { 'idempotency-key': key });
    assert.equal(retried.statusCode, 201, retried.payload);
    assert.equal(json(retried).billingAccountId, json(opened).id);
    assert.ok(Date.now() - started < 5000, 'the refused request left no claim to wait for');
  });

  it('replays an evidence upload sent again in a new multipart body', async () => {
    const report = await post(firm, '/v1/reports', { packKey, title: `Evidence ${crypto.randomUUID()}` });
    assert.equal(report.statusCode, 201, report.payload);
    const url = `/v1/reports/${json(report).id as string}/evidence`;
    const photo = await uniqueJpeg();
    const key = crypto.randomUUID();
    const send = () => {
      const form = multipart([{ name: 'front.jpg', bytes: photo, contentType: 'image/jpeg' }], {
        kind: 'photo.exterior',
      });
      return post(firm, url, form.payload, { ...form.headers, 'idempotency-key': key }, 'operator');
    };
    const first = await send();
    assert.equal(first.statusCode, 201, first.payload);
    assert.equal(json(first).items[0].duplicate, false);
    const repeat = await send();
    assert.equal(repeat.statusCode, 201, repeat.payload);
    assert.equal(repeat.headers['idempotent-replayed'], 'true');
    assert.deepEqual(json(repeat), json(first));
  });

  it('forgets a first answer after its 24 hours: lazily for its key, and in the hourly sweep', async () => {
    const [lazy, swept] = [crypto.randomUUID(), crypto.randomUUID()];
    for (const key of [lazy, swept]) {
      const first = await post(firm, '/v1/reports', { packKey, title: `Expiring ${key}` }, { 'idempotency-key': key });
      assert.equal(first.statusCode, 201, first.payload);
    }
    await withSystem(host.database.knex, (trx) =>
      trx('idempotent_requests')
        .whereIn('idempotency_key', [lazy, swept])
        .update({ expires_at: trx.raw("now() - interval '1 minute'") }),
    );

    const reused = await post(
      firm,
      '/v1/reports',
      { packKey, title: `Expiring ${lazy} again` },
      { 'idempotency-key': lazy },
    );
    assert.equal(reused.statusCode, 201, reused.payload);
    assert.equal(reused.headers['idempotent-replayed'], undefined);

    const output = await expireIdempotentRequestsJob.handler(
      {},
      { database: host.database },
      { jobId: 'test', attempt: 0, signal: new AbortController().signal, logger: createLogger('silent') },
    );
    assert.ok(Number(output?.deleted) >= 1);
    const left = await withSystem(host.database.knex, (trx) =>
      trx('idempotent_requests').whereIn('idempotency_key', [lazy, swept]).select('idempotency_key'),
    );
    assert.deepEqual(
      left.map((row: { idempotency_key: string }) => row.idempotency_key),
      [lazy],
    );
  });
});
