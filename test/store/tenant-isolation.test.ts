import assert from 'node:assert/strict';
import { withSystem, withTenant } from '@repogen/core';
import { createTestHost, json, randomEmail, type TestHost, type TestTenant } from '../support/test-host.js';

describe('tenant isolation (row-level security)', () => {
  let host: TestHost;
  let a: TestTenant;
  let b: TestTenant;
  let bUserId: string;
  let bTokenId: string;

  before(async () => {
    host = await createTestHost();
    a = await host.createTenant();
    b = await host.createTenant('bank');
    const user = await host.server.inject({
      method: 'POST',
      url: '/v1/users',
      headers: await b.headers('admin'),
      payload: { email: randomEmail(), displayName: 'Bank officer', password: 'a sufficiently long one', role: 'bank' },
    });
    bUserId = json(user).id;
    const token = await host.server.inject({
      method: 'POST',
      url: '/v1/tokens',
      headers: await b.headers('admin'),
      payload: { name: 'b token' },
    });
    bTokenId = json(token).token.id;
  });

  it("lists none of another tenant's users, tokens or audit entries", async () => {
    const headers = await a.headers('admin');
    const users = json(await host.server.inject({ url: '/v1/users', headers })).items as { id: string; tenantId: string }[];
    assert.ok(users.every((user) => user.tenantId === a.id));
    assert.ok(!users.some((user) => user.id === bUserId));
    const tokens = json(await host.server.inject({ url: '/v1/tokens', headers })).items as { id: string }[];
    assert.ok(!tokens.some((token) => token.id === bTokenId));
    const audit = await host.server.inject({ url: `/v1/audit?target=user:${bUserId}`, headers });
    assert.deepEqual(json(audit).items, []);
    const everything = json(await host.server.inject({ url: '/v1/audit?limit=200', headers })).items as { tenantId: string }[];
    assert.ok(everything.length > 0 && everything.every((entry) => entry.tenantId === a.id));
  });

  it("cannot change another tenant's rows, and learns nothing of their existence", async () => {
    const headers = await a.headers('admin');
    const revoke = await host.server.inject({ method: 'DELETE', url: `/v1/tokens/${bTokenId}`, headers });
    const missing = await host.server.inject({ method: 'DELETE', url: '/v1/tokens/00000000-0000-4000-8000-000000000000', headers });
    assert.equal(revoke.statusCode, 404);
    assert.deepEqual(json(revoke), json(missing), 'an existing foreign row answers exactly like a missing one');
    const stillValid = await host.server.inject({ url: '/v1/auth/me', headers: await b.headers('admin') });
    assert.equal(stillValid.statusCode, 200);
  });

  it('sees nothing inside a tenant transaction but its own rows, even with a hand-written query', async () => {
    const rows = await withTenant(host.database.knex, a.id, (trx) => trx('users').where({ id: bUserId }));
    assert.deepEqual(rows, []);
    const tenants = await withTenant(host.database.knex, a.id, (trx) => trx('tenants').select<{ id: string }[]>('id'));
    assert.deepEqual(tenants.map((tenant) => tenant.id), [a.id]);
  });

  it('cannot write a row into another tenant', async () => {
    await assert.rejects(
      withTenant(host.database.knex, a.id, (trx) =>
        trx('audit_log').insert({
          tenant_id: b.id,
          actor_kind: 'system',
          actor_label: 'intruder',
          action: 'forged',
          target_type: 'user',
          target_id: bUserId,
        }),
      ),
      /row-level security/,
    );
  });

  it('sees nothing at all outside a tenant context: a plain query on the host’s own connection', async () => {
    const { knex } = host.database;
    for (const table of ['users', 'api_tokens', 'sessions', 'audit_log', 'tenants']) {
      assert.deepEqual(await knex(table).select('*'), [], `${table} outside any tenant transaction`);
    }
    const [{ user }] = (await knex.raw('SELECT current_user AS user')).rows as [{ user: string }];
    assert.equal(user, 'repogen_app');
    // The owner's rights are a transaction away, and only through withSystem.
    const everyone = await withSystem(knex, (trx) => trx('users').whereIn('tenant_id', [a.id, b.id]).pluck<string[]>('id'));
    assert.deepEqual(everyone, [bUserId]);
    assert.deepEqual(await knex('users').select('id'), [], 'and the connection drops back after it');
  });
});
