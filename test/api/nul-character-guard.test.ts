import assert from 'node:assert/strict';
import { createTestHost, json, type TestHost, type TestTenant } from '../support/test-host.js';

describe('text with the NUL character', () => {
  let host: TestHost;
  let tenant: TestTenant;

  before(async () => {
    host = await createTestHost();
    tenant = await host.createTenant('firm');
  });
  after(() => host.close());

  it('is refused with 400 TEXT_INVALID naming where it was, before anything is stored', async () => {
    const headers = await tenant.headers('admin');
    const before = json(await host.server.inject({ url: '/v1/tokens', headers })) as { items?: unknown[] } | unknown[];
    const response = await host.server.inject({ method: 'POST', url: '/v1/tokens', headers, payload: { name: 'bad\u0000name', role: 'operator' } });
    assert.equal(response.statusCode, 400, response.payload);
    assert.equal(json(response).code, 'TEXT_INVALID');
    assert.equal(json(response).details.path, 'payload.name');
    const after = json(await host.server.inject({ url: '/v1/tokens', headers })) as { items?: unknown[] } | unknown[];
    assert.deepEqual(after, before, 'no token was made');

    const lookup = await host.server.inject({ url: '/v1/reports/by-external-key/v1%3Aa%00b', headers });
    assert.equal(lookup.statusCode, 400, lookup.payload);
  });
});
