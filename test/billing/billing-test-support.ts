import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { buildReportTestPack, sbiFixtureInput } from '../reports/report-test-pack.js';
import { json, type TestHost, type TestTenant } from '../support/test-host.js';

export interface AccountView {
  id: string;
  mode: 'CREDIT' | 'POSTPAID';
  balance: number;
  reserved: number;
  available: number;
}

/** Drives the billing API of one tenant through `server.inject()`. */
export class BillingDriver {
  constructor(
    readonly host: TestHost,
    readonly tenant: TestTenant,
  ) {}

  async call(
    method: 'GET' | 'POST',
    url: string,
    options: { payload?: object; headers?: Record<string, string>; role?: Parameters<TestTenant['headers']>[0] } = {},
  ) {
    return this.host.server.inject({
      method,
      url,
      headers: { ...(await this.tenant.headers(options.role ?? 'operator')), ...options.headers },
      ...(options.payload ? { payload: options.payload } : {}),
    });
  }

  /** Uploads and publishes the SBI-based test pack (with a report template, credits 1) in this tenant. */
  async publishTestPack(): Promise<string> {
    const pack = await buildReportTestPack();
    const upload = await this.call('POST', '/v1/packs', {
      role: 'author',
      headers: { 'content-type': 'application/octet-stream' },
      payload: pack.bytes,
    });
    assert.equal(upload.statusCode, 201, upload.payload);
    const published = await this.call('POST', `/v1/packs/${pack.key}/versions/${pack.manifest.version}/publish`, {
      role: 'admin',
    });
    assert.equal(published.statusCode, 200, published.payload);
    return pack.key;
  }

  async createReport(packKey: string, title = 'Valuation for billing', billingKey?: string): Promise<string> {
    const created = await this.call('POST', '/v1/reports', {
      payload: { packKey, title, data: await sbiFixtureInput(), ...(billingKey === undefined ? {} : { billingKey }) },
    });
    assert.equal(created.statusCode, 201, created.payload);
    return json(created).id as string;
  }

  async openAccount(body: {
    mode: 'CREDIT' | 'POSTPAID';
    externalKey?: string;
    planCredits?: number;
    creditPricePaise?: number;
  }): Promise<AccountView> {
    const response = await this.call('POST', '/v1/billing/accounts', { role: 'admin', payload: body });
    assert.equal(response.statusCode, 201, response.payload);
    return json(response) as AccountView;
  }

  async grant(accountId: string, credits: number, key = crypto.randomUUID()) {
    return this.call('POST', `/v1/billing/accounts/${accountId}/grants`, {
      role: 'admin',
      headers: { 'idempotency-key': key },
      payload: { credits, reason: 'test grant' },
    });
  }

  async account(accountId: string): Promise<AccountView> {
    const response = await this.call('GET', `/v1/billing/accounts/${accountId}`);
    assert.equal(response.statusCode, 200, response.payload);
    return json(response) as AccountView;
  }

  generate(reportId: string, key = crypto.randomUUID()) {
    return this.call('POST', `/v1/reports/${reportId}/generate`, { headers: { 'idempotency-key': key } });
  }

  /** Every ledger entry of the account, oldest first. */
  async ledger(
    accountId: string,
  ): Promise<
    { kind: string; balanceDelta: number; reservedDelta: number; reportId: string | null; idempotencyKey: string }[]
  > {
    const response = await this.call('GET', `/v1/billing/accounts/${accountId}/ledger?limit=200`);
    assert.equal(response.statusCode, 200, response.payload);
    return (
      json(response).items as {
        kind: string;
        balanceDelta: number;
        reservedDelta: number;
        reportId: string | null;
        idempotencyKey: string;
      }[]
    ).reverse();
  }

  /** The account as the ledger sums it, checked against what the account route says. */
  async assertSums(accountId: string, expected: { balance: number; reserved: number }): Promise<void> {
    const entries = await this.ledger(accountId);
    const balance = entries.reduce((sum, entry) => sum + entry.balanceDelta, 0);
    const reserved = entries.reduce((sum, entry) => sum + entry.reservedDelta, 0);
    assert.deepEqual({ balance, reserved }, expected, 'the ledger sums');
    const account = await this.account(accountId);
    assert.deepEqual(
      { balance: account.balance, reserved: account.reserved, available: account.available },
      { ...expected, available: expected.balance - expected.reserved },
    );
  }
}
