import assert from 'node:assert/strict';
import { createTestHost, json, type TestHost, type TestTenant } from '../support/test-host.js';

describe('custom pack requests: a bank asks, follows the status, and sees only its own', () => {
  let host: TestHost;
  let firm: TestTenant;
  let bank: TestTenant;
  let otherBank: TestTenant;

  before(async () => {
    host = await createTestHost();
    firm = await host.createTenant('firm');
    bank = await host.createTenant('bank');
    otherBank = await host.createTenant('bank');
  });

  after(() => host?.close());

  const ask = async (tenant: TestTenant, payload: object) =>
    host.server.inject({ method: 'POST', url: '/v1/pack-requests', headers: await tenant.headers('bank'), payload });

  it('a bank files a request; another bank never sees it; the firm does and answers it, audited on both sides', async () => {
    const created = await ask(bank, {
      title: 'Our own home-loan valuation format',
      basePackKey: 'SBI_UNDER_5CR_V1',
      differences: 'Adds a stage-wise disbursement table and our branch code on the cover.',
      sampleFiles: ['sample-report-2025.docx'],
    });
    assert.equal(created.statusCode, 201, created.payload);
    const request = json(created);
    assert.equal(request.status, 'submitted');

    const own = await host.server.inject({ url: '/v1/pack-requests', headers: await bank.headers('bank') });
    assert.deepEqual((json(own).items as { id: string }[]).map((item) => item.id), [request.id]);
    const others = await host.server.inject({ url: '/v1/pack-requests', headers: await otherBank.headers('bank') });
    assert.equal((json(others).items as unknown[]).length, 0);
    const peek = await host.server.inject({ url: `/v1/pack-requests/${request.id}`, headers: await otherBank.headers('bank') });
    assert.equal(peek.statusCode, 404);
    assert.equal(json(peek).code, 'PACK_REQUEST_NOT_FOUND');

    const seen = await host.server.inject({ url: '/v1/pack-requests', headers: await firm.headers('author') });
    assert.ok((json(seen).items as { id: string }[]).some((item) => item.id === request.id));

    const byBank = await host.server.inject({ method: 'POST', url: `/v1/pack-requests/${request.id}/status`, headers: await bank.headers('admin'), payload: { status: 'delivered' } });
    assert.equal(byBank.statusCode, 403);
    assert.equal(json(byBank).code, 'PACK_REQUEST_FORBIDDEN');

    const skip = await host.server.inject({ method: 'POST', url: `/v1/pack-requests/${request.id}/status`, headers: await firm.headers('admin'), payload: { status: 'delivered' } });
    assert.equal(skip.statusCode, 409);
    assert.equal(json(skip).code, 'PACK_REQUEST_TRANSITION_INVALID');
    const unchanged = await host.server.inject({ url: `/v1/pack-requests/${request.id}`, headers: await bank.headers('bank') });
    assert.equal(json(unchanged).status, 'submitted', 'a refused change changes nothing');

    const started = await host.server.inject({ method: 'POST', url: `/v1/pack-requests/${request.id}/status`, headers: await firm.headers('author'), payload: { status: 'in_progress', note: 'Template drafted from the samples' } });
    assert.equal(started.statusCode, 200, started.payload);
    assert.equal(json(started).status, 'in_progress');

    const bankAudit = await host.server.inject({ url: `/v1/audit?target=pack_request:${request.id}`, headers: await bank.headers('bank') });
    const actions = (json(bankAudit).items as { action: string; reason: string | null }[]).map((entry) => `${entry.action}:${entry.reason ?? ''}`);
    assert.deepEqual(actions, ['pack_request.status_changed:Template drafted from the samples', 'pack_request.created:']);
  });

  it('refuses bad input with VALIDATION_FAILED and an operator cannot file one', async () => {
    const empty = await ask(bank, { title: '', differences: 'x' });
    assert.equal(empty.statusCode, 400);
    assert.equal(json(empty).code, 'VALIDATION_FAILED');
    const badKey = await ask(bank, { title: 'x', differences: 'y', basePackKey: 'lower-case' });
    assert.equal(badKey.statusCode, 400);
    const operator = await host.server.inject({ method: 'POST', url: '/v1/pack-requests', headers: await firm.headers('operator'), payload: { title: 'x', differences: 'y' } });
    assert.equal(operator.statusCode, 403);
  });
});
