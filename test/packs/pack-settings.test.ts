import assert from 'node:assert/strict';
import { coreServices, NO_EVIDENCE, runReportPipeline, type Principal } from '@repogen/core';
import type { JsonValue } from '@repogen/sdk';
import { buildReportTestPack, sbiFixtureInput } from '../reports/report-test-pack.js';
import { createTestHost, json, type TestHost, type TestTenant } from '../support/test-host.js';

/** The SBI domain sample (DOMAIN.md §2.b): FMV ₹1,39,80,000; RV floored to ₹1,000. */
const FMV = 13_980_000;
const RV_AT_95 = 13_281_000;
const RV_AT_90 = 12_582_000;

describe('pack settings per tenant', function () {
  this.timeout(60_000);

  let host: TestHost;
  let firm: TestTenant;
  let bank: TestTenant;
  let packKey: string;
  let input: Record<string, unknown>;

  const call = async (tenant: TestTenant, method: 'GET' | 'PUT' | 'POST', url: string, payload?: object, role: 'operator' | 'admin' | 'author' = 'admin') =>
    host.server.inject({ method, url, headers: await tenant.headers(role), ...(payload ? { payload } : {}) });
  const settingsUrl = () => `/v1/packs/${packKey}/settings`;

  before(async () => {
    host = await createTestHost();
    [firm, bank] = [await host.createTenant('firm'), await host.createTenant('bank')];
    const pack = await buildReportTestPack();
    packKey = pack.key;
    const upload = await host.server.inject({
      method: 'POST',
      url: '/v1/packs',
      headers: { ...(await firm.headers('author')), 'content-type': 'application/octet-stream' },
      payload: pack.bytes,
    });
    assert.equal(upload.statusCode, 201, upload.payload);
    const published = await call(firm, 'POST', `/v1/packs/${packKey}/versions/${pack.manifest.version}/publish`);
    assert.equal(published.statusCode, 200, published.payload);
    input = await sbiFixtureInput();
  });

  after(() => host.close());

  async function realisableValueIn(tenant: TestTenant): Promise<unknown> {
    const created = await call(tenant, 'POST', '/v1/reports', { packKey, title: 'Settings check', data: input }, 'operator');
    assert.equal(created.statusCode, 201, created.payload);
    const detail = await call(tenant, 'GET', `/v1/reports/${json(created).id as string}`, undefined, 'operator');
    const values = json(detail).values as Record<string, unknown>;
    assert.equal(values.fairMarketValue, FMV);
    return values.realizableValue;
  }

  it("answers the pack's declared defaults and no choices for a new tenant", async () => {
    const view = await call(firm, 'GET', settingsUrl(), undefined, 'operator');
    assert.equal(view.statusCode, 200, view.payload);
    const body = json(view);
    assert.equal((body.defaults as Record<string, unknown>).realisableFactor, 0.95);
    assert.equal((body.defaults as Record<string, unknown>).distressFactor, 0.8);
    assert.deepEqual(body.overrides, {});
    assert.deepEqual(body.effective, body.defaults);
  });

  it('refuses settings the pack does not declare, or of the wrong type, changing nothing', async () => {
    for (const settings of [{ realisableFactr: 0.9 }, { realisableFactor: '0.9' }, { realisableFactor: 0.9, fmvRoundingStepRupees: [1000] }]) {
      const refused = await call(firm, 'PUT', settingsUrl(), { settings, reason: 'bank practice' });
      assert.equal(refused.statusCode, 400, refused.payload);
      assert.equal(json(refused).code, 'PACK_SETTINGS_INVALID');
    }
    const unchanged = json(await call(firm, 'GET', settingsUrl()));
    assert.deepEqual(unchanged.overrides, {});
    const audit = await call(firm, 'GET', `/v1/audit?target=pack:${packKey}&action=pack.settings.changed`);
    assert.equal(audit.statusCode, 200, audit.payload);
    assert.deepEqual(json(audit).items, [], 'a refused change leaves no audit entry');
  });

  it('needs an admin and a reason', async () => {
    const operator = await call(firm, 'PUT', settingsUrl(), { settings: { realisableFactor: 0.9 }, reason: 'bank practice' }, 'operator');
    assert.equal(operator.statusCode, 403);
    const noReason = await call(firm, 'PUT', settingsUrl(), { settings: { realisableFactor: 0.9 } });
    assert.equal(noReason.statusCode, 400);
    assert.equal(json(noReason).code, 'VALIDATION_FAILED');
  });

  it("applies a tenant's choice to its reports' computations and generation, not to another tenant's, audited", async () => {
    assert.equal(await realisableValueIn(firm), RV_AT_95);
    const changed = await call(firm, 'PUT', settingsUrl(), { settings: { realisableFactor: 0.9 }, reason: 'the bank lends on 90 % of FMV' });
    assert.equal(changed.statusCode, 200, changed.payload);
    assert.deepEqual(json(changed).overrides, { realisableFactor: 0.9 });
    assert.equal((json(changed).effective as Record<string, unknown>).realisableFactor, 0.9);

    assert.equal(await realisableValueIn(firm), RV_AT_90);
    assert.equal(await realisableValueIn(bank), RV_AT_95, 'another tenant keeps the defaults');

    // Generation resolves the pack for the report's tenant and computes with the same choices.
    const packs = await host.registry.get(coreServices.packs);
    const principal: Principal = { tenantId: firm.id, role: 'operator', via: 'token', userId: undefined, credentialId: 'settings-test', label: 'settings test' };
    const pack = await packs.resolve(principal, packKey);
    assert.deepEqual(pack.settings, { realisableFactor: 0.9 });
    const generated = await runReportPipeline(
      { sandbox: await host.registry.get(coreServices.sandbox), renderer: await host.registry.get(coreServices.renderer) },
      { pack, callerTenantId: firm.id, input: input as JsonValue, evidence: NO_EVIDENCE, report: { title: 't', reference: 'r', version: 1, draft: true }, now: new Date(), pdf: false },
    );
    assert.equal(generated.values.realizableValue, RV_AT_90);

    const audit = json(await call(firm, 'GET', `/v1/audit?target=pack:${packKey}`)) as { items: { action: string; before: unknown; after: unknown; reason: string }[] };
    const entry = audit.items.find((item) => item.action === 'pack.settings.changed');
    assert.ok(entry, 'the change is audited');
    assert.deepEqual(entry.before, {});
    assert.deepEqual(entry.after, { realisableFactor: 0.9 });
    assert.equal(entry.reason, 'the bank lends on 90 % of FMV');

    const reset = await call(firm, 'PUT', settingsUrl(), { settings: {}, reason: 'back to the firm defaults' });
    assert.equal(reset.statusCode, 200);
    assert.equal(await realisableValueIn(firm), RV_AT_95);
  });

  it('hides a pack the tenant cannot see', async () => {
    const missing = await call(firm, 'GET', '/v1/packs/NO_SUCH_PACK_V1/settings');
    assert.equal(missing.statusCode, 404);
  });
});
