import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { coreServices, ensureDemoLogin, type Principal } from '@repogen/core';
import { createTestHost, type TestHost } from '../support/test-host.js';

describe('the demo seed of npm start', function () {
  this.timeout(30_000);
  let host: TestHost;
  let dataDir: string;

  before(async () => {
    host = await createTestHost();
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'repogen-demo-'));
  });
  after(async () => {
    await host.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('creates the demo admin once, keeps its login, and gives the tenant a CREDIT account with demo credits', async () => {
    const first = await ensureDemoLogin(host.registry, dataDir);
    assert.equal(first.tenant, 'demo');
    assert.ok(first.password.length >= 12);
    const again = await ensureDemoLogin(host.registry, dataDir);
    assert.deepEqual(again, first, 'a second start prints the same login');
    assert.equal((await fs.stat(path.join(dataDir, 'demo-login.json'))).mode & 0o777, 0o600);

    const tenant = await (await host.registry.get(coreServices.tenants)).findTenantBySlug('demo');
    assert.ok(tenant);
    const principal: Principal = { tenantId: tenant.id, role: 'admin', via: 'token', userId: undefined, credentialId: 'test', label: 'test' };
    const billing = await host.registry.get(coreServices.billing);
    const accounts = await billing.listAccounts(principal);
    assert.equal(accounts.length, 1);
    assert.deepEqual([accounts[0]!.mode, accounts[0]!.balance, accounts[0]!.reserved], ['CREDIT', 25, 0], 'granted once, not on every start');
  });
});
