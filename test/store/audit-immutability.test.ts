import assert from 'node:assert/strict';
import { withTenant } from '@repogen/core';
import { createTestHost, type TestHost, type TestTenant } from '../support/test-host.js';

describe('audit log immutability', () => {
  let host: TestHost;
  let tenant: TestTenant;

  before(async () => {
    host = await createTestHost();
    tenant = await host.createTenant();
  });

  it('refuses UPDATE, DELETE and TRUNCATE even to the database owner', async () => {
    await host.database.asOwner(async (knex) => {
      const [entry] = await knex('audit_log').where({ tenant_id: tenant.id }).select<{ id: number }[]>('id');
      assert.ok(entry, 'creating the tenant wrote an audit entry');
      await assert.rejects(knex('audit_log').where({ id: entry.id }).update({ action: 'rewritten' }), /append-only/);
      await assert.rejects(knex('audit_log').where({ id: entry.id }).delete(), /append-only/);
      await assert.rejects(knex.raw('TRUNCATE audit_log'), /append-only/);
      const after = await knex('audit_log').where({ id: entry.id }).first();
      assert.equal(after.action, 'tenant.created');
    });
  });

  it('refuses UPDATE and DELETE to the application role by privilege', async () => {
    await assert.rejects(
      withTenant(host.database.knex, tenant.id, (trx) => trx('audit_log').update({ reason: 'x' })),
      /permission denied/,
    );
    await assert.rejects(
      withTenant(host.database.knex, tenant.id, (trx) => trx('audit_log').delete()),
      /permission denied/,
    );
  });
});
