import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { coreServices, reconcileReservationsJob, refillCreditsJob, withSystem, withTenant } from '@repogen/core';
import { createTestHost, json, type TestHost, type TestTenant } from '../support/test-host.js';
import { BillingDriver } from './billing-test-support.js';

describe('billing: CREDIT accounts, the ledger and the generation gate', function () {
  this.timeout(120_000);

  let host: TestHost;
  let firm: TestTenant;
  let billing: BillingDriver;
  let packKey: string;

  before(async () => {
    host = await createTestHost();
    firm = await host.createTenant('firm');
    billing = new BillingDriver(host, firm);
    packKey = await billing.publishTestPack();
  });

  after(async () => {
    await host?.close();
  });

  it('opens an account, grants credits once per key, and sums the ledger', async () => {
    const account = await billing.openAccount({ mode: 'CREDIT' });
    assert.deepEqual([account.balance, account.reserved, account.available], [0, 0, 0]);
    const again = await billing.call('POST', '/v1/billing/accounts', { role: 'admin', payload: { mode: 'CREDIT' } });
    assert.equal(again.statusCode, 200, 'the default account is answered again');
    assert.equal(json(again).id, account.id);

    const key = crypto.randomUUID();
    const first = await billing.grant(account.id, 5, key);
    assert.equal(first.statusCode, 201, first.payload);
    const replay = await billing.grant(account.id, 5, key);
    assert.equal(replay.statusCode, 200, replay.payload);
    assert.equal(json(replay).entry.id, json(first).entry.id);
    const misuse = await billing.grant(account.id, 7, key);
    assert.equal(misuse.statusCode, 409);
    assert.equal(json(misuse).code, 'IDEMPOTENCY_KEY_REUSED');
    await billing.assertSums(account.id, { balance: 5, reserved: 0 });

    const byOperator = await billing.call('POST', `/v1/billing/accounts/${account.id}/grants`, {
      headers: { 'idempotency-key': crypto.randomUUID() },
      payload: { credits: 3, reason: 'not mine to give' },
    });
    assert.equal(byOperator.statusCode, 403);
    const noReason = await billing.call('POST', `/v1/billing/accounts/${account.id}/grants`, {
      role: 'admin',
      headers: { 'idempotency-key': crypto.randomUUID() },
      payload: { credits: 3 },
    });
    assert.equal(noReason.statusCode, 400);
    assert.equal(json(noReason).code, 'VALIDATION_FAILED');
    const negative = await billing.call('POST', `/v1/billing/accounts/${account.id}/grants`, {
      role: 'admin',
      headers: { 'idempotency-key': crypto.randomUUID() },
      payload: { credits: -3, reason: 'taking back' },
    });
    assert.equal(negative.statusCode, 400);
    await billing.assertSums(account.id, { balance: 5, reserved: 0 });

    const audit = await billing.call(
      'GET',
      `/v1/audit?target=billing_account:${account.id}&action=billing.credits.granted`,
      { role: 'admin' },
    );
    assert.equal(json(audit).items.length, 1, 'one grant, one audit entry');

    const other = await host.createTenant('firm');
    const hidden = await new BillingDriver(host, other).call('GET', `/v1/billing/accounts/${account.id}`, {
      role: 'admin',
    });
    assert.equal(hidden.statusCode, 404, 'another tenant does not see the account');
  });

  it('reserves once per report, reuses it for later versions, refuses a short balance with 402 and no job, and releases on cancel', async () => {
    const { id: accountId } = await billing.account(
      (json(await billing.call('GET', '/v1/billing/accounts')).items as { id: string }[])[0]!.id,
    );
    const start = await billing.account(accountId);
    const reportA = await billing.createReport(packKey, 'Report A');
    const key = crypto.randomUUID();
    const queued = await billing.generate(reportA, key);
    assert.equal(queued.statusCode, 202, queued.payload);
    const repeat = await billing.generate(reportA, key);
    assert.equal(repeat.statusCode, 202);
    assert.equal(json(repeat).jobId, json(queued).jobId);
    const secondVersion = await billing.generate(reportA, crypto.randomUUID());
    assert.equal(secondVersion.statusCode, 202);
    await billing.assertSums(accountId, { balance: start.balance, reserved: start.reserved + 1 });

    // Spend the rest of the available credits, then one more report is refused.
    const spent: string[] = [];
    for (let i = 0; i < start.available - 1; i += 1) {
      const report = await billing.createReport(packKey, `Filler ${i}`);
      assert.equal((await billing.generate(report)).statusCode, 202);
      spent.push(report);
    }
    const refused = await billing.createReport(packKey, 'Report refused');
    const short = await billing.generate(refused);
    assert.equal(short.statusCode, 402, short.payload);
    assert.equal(json(short).code, 'INSUFFICIENT_CREDITS');
    assert.deepEqual(json(short).details, { needed: 1, available: 0 });
    const requests = await withTenant(host.database.knex, firm.id, (trx) =>
      trx('generation_requests').where({ report_id: refused }),
    );
    assert.deepEqual(requests, [], 'a refused generation leaves no request and queues no job');

    const cancelled = await billing.call('POST', `/v1/reports/${reportA}/cancel`, {
      payload: { reason: 'assignment withdrawn' },
    });
    assert.equal(cancelled.statusCode, 200, cancelled.payload);
    assert.deepEqual(json(cancelled), { reportId: reportA, status: 'cancelled', creditsReleased: 1 });
    const again = await billing.call('POST', `/v1/reports/${reportA}/cancel`);
    assert.equal(json(again).creditsReleased, 0, 'cancelling twice releases once');
    const afterCancel = await billing.generate(reportA);
    assert.equal(afterCancel.statusCode, 409);
    assert.equal(json(afterCancel).code, 'REPORT_CANCELLED');
    // The credit it gave back lets the refused report through.
    assert.equal((await billing.generate(refused)).statusCode, 202);
    await billing.assertSums(accountId, { balance: start.balance, reserved: start.balance });
    const kinds = (await billing.ledger(accountId))
      .filter((entry) => entry.reportId === reportA)
      .map((entry) => [entry.kind, entry.reservedDelta]);
    assert.deepEqual(kinds, [
      ['reserve', 1],
      ['release', -1],
    ]);

    for (const report of [...spent, refused])
      assert.equal((await billing.call('POST', `/v1/reports/${report}/cancel`)).statusCode, 200);
    await billing.assertSums(accountId, { balance: start.balance, reserved: 0 });
  });

  it('reserves exactly 10 of 50 simultaneous generations on an account with credits for 10', async () => {
    const tenant = await host.createTenant('firm');
    const driver = new BillingDriver(host, tenant);
    const key = await driver.publishTestPack();
    const account = await driver.openAccount({ mode: 'CREDIT' });
    assert.equal((await driver.grant(account.id, 10)).statusCode, 201);
    const reports: string[] = [];
    for (let i = 0; i < 50; i += 1) reports.push(await driver.createReport(key, `Concurrent ${i}`));
    await tenant.headers('operator');

    const responses = await Promise.all(reports.map((report) => driver.generate(report)));
    const statuses = responses.map((response) => response.statusCode);
    assert.equal(statuses.filter((status) => status === 202).length, 10, JSON.stringify(statuses));
    assert.equal(statuses.filter((status) => status === 402).length, 40, JSON.stringify(statuses));
    for (const response of responses.filter((r) => r.statusCode === 402))
      assert.equal(json(response).code, 'INSUFFICIENT_CREDITS');
    await driver.assertSums(account.id, { balance: 10, reserved: 10 });
    const reservations = (await driver.ledger(account.id)).filter((entry) => entry.kind === 'reserve');
    assert.equal(
      new Set(reservations.map((entry) => entry.reportId)).size,
      10,
      'ten different reports hold one credit each',
    );
    const requests = await withTenant<unknown[]>(host.database.knex, tenant.id, (trx) =>
      trx('generation_requests').whereIn('report_id', reports),
    );
    assert.equal(requests.length, 10, 'only the reserved ones have a generation request');

    for (const report of reports)
      assert.equal((await driver.call('POST', `/v1/reports/${report}/cancel`)).statusCode, 200);
    await driver.assertSums(account.id, { balance: 10, reserved: 0 });
  });

  it('bills a report to the partner account its billingKey names: reserve and release there, the default account untouched', async () => {
    const tenant = await host.createTenant('firm');
    const driver = new BillingDriver(host, tenant);
    const key = await driver.publishTestPack();
    const standard = await driver.openAccount({ mode: 'CREDIT' });
    assert.equal((await driver.grant(standard.id, 5)).statusCode, 201);
    const partner = await driver.openAccount({ mode: 'CREDIT', externalKey: 'v1:partner:42' });
    assert.equal((await driver.grant(partner.id, 1)).statusCode, 201);

    const unknown = await driver.call('POST', '/v1/reports', {
      payload: { packKey: key, title: 'Unknown partner', billingKey: 'v1:partner:404' },
    });
    assert.equal(unknown.statusCode, 404, unknown.payload);
    assert.equal(json(unknown).code, 'BILLING_ACCOUNT_NOT_FOUND');
    const other = await host.createTenant('firm');
    const otherDriver = new BillingDriver(host, other);
    const otherKey = await otherDriver.publishTestPack();
    const elsewhere = await otherDriver.call('POST', '/v1/reports', {
      payload: { packKey: otherKey, title: 'Another tenant’s partner', billingKey: 'v1:partner:42' },
    });
    assert.equal(json(elsewhere).code, 'BILLING_ACCOUNT_NOT_FOUND', 'another tenant’s account is not found');
    const listed = json(await driver.call('GET', '/v1/reports?limit=100')).items as unknown[];
    assert.equal(listed.length, 0, 'a refused create stores no report');

    const billed = await driver.createReport(key, 'Billed to the partner', 'v1:partner:42');
    const detail = json(await driver.call('GET', `/v1/reports/${billed}`));
    assert.equal(detail.billingAccountId, partner.id);
    assert.equal((await driver.generate(billed)).statusCode, 202);
    await driver.assertSums(partner.id, { balance: 1, reserved: 1 });
    await driver.assertSums(standard.id, { balance: 5, reserved: 0 });

    // The partner is out of credits; the default account's five are not its to spend.
    const second = await driver.createReport(key, 'Second for the partner', 'v1:partner:42');
    const short = await driver.generate(second);
    assert.equal(short.statusCode, 402, short.payload);
    assert.deepEqual(json(short).details, { needed: 1, available: 0 });

    const unbilledByKey = await driver.createReport(key, 'Billed to the default account');
    assert.equal(json(await driver.call('GET', `/v1/reports/${unbilledByKey}`)).billingAccountId, null);
    assert.equal((await driver.generate(unbilledByKey)).statusCode, 202);
    await driver.assertSums(standard.id, { balance: 5, reserved: 1 });

    const cancelled = await driver.call('POST', `/v1/reports/${billed}/cancel`, {
      payload: { reason: 'partner withdrew' },
    });
    assert.equal(json(cancelled).creditsReleased, 1);
    await driver.assertSums(partner.id, { balance: 1, reserved: 0 });
    assert.deepEqual(
      (await driver.ledger(partner.id)).map((entry) => [entry.kind, entry.reportId]),
      [
        ['grant', null],
        ['reserve', billed],
        ['release', billed],
      ],
    );
    assert.deepEqual(
      (await driver.ledger(standard.id)).map((entry) => [entry.kind, entry.reportId]),
      [
        ['grant', null],
        ['reserve', unbilledByKey],
      ],
    );
    assert.equal(
      (await driver.generate(second)).statusCode,
      202,
      'the released credit lets the partner’s next report through',
    );
    await driver.assertSums(partner.id, { balance: 1, reserved: 1 });

    // A POSTPAID partner account gets the report's invoice.
    const postpaid = await driver.openAccount({
      mode: 'POSTPAID',
      externalKey: 'v1:partner:43',
      creditPricePaise: 70_000,
    });
    const invoiced = await driver.createReport(key, 'Invoiced to a partner', 'v1:partner:43');
    assert.equal((await driver.generate(invoiced)).statusCode, 202);
    const invoices = json(await driver.call('GET', `/v1/billing/invoices?accountId=${postpaid.id}`)).items as {
      reportId: string;
      amountPaise: number;
      state: string;
    }[];
    assert.deepEqual(
      invoices.map((invoice) => [invoice.reportId, invoice.amountPaise, invoice.state]),
      [[invoiced, 70_000, 'draft']],
    );
    await driver.assertSums(standard.id, { balance: 5, reserved: 1 });

    for (const report of [second, unbilledByKey, invoiced])
      assert.equal((await driver.call('POST', `/v1/reports/${report}/cancel`)).statusCode, 200);
    await driver.assertSums(partner.id, { balance: 1, reserved: 0 });
    await driver.assertSums(standard.id, { balance: 5, reserved: 0 });
  });

  it('never leaves credits reserved on a report cancelled while its generation was requested', async () => {
    const tenant = await host.createTenant('firm');
    const driver = new BillingDriver(host, tenant);
    const key = await driver.publishTestPack();
    const account = await driver.openAccount({ mode: 'CREDIT' });
    assert.equal((await driver.grant(account.id, 100)).statusCode, 201);
    const reports: string[] = [];
    for (let i = 0; i < 20; i += 1) reports.push(await driver.createReport(key, `Raced ${i}`));
    const cancel = (report: string) =>
      driver.call('POST', `/v1/reports/${report}/cancel`, { payload: { reason: 'raced' } });
    await tenant.headers('operator');

    const { knex } = host.database;
    if (host.database.kind === 'postgres') {
      // The interleaving forced: the generation has read the report as a draft and waits for the
      // account (held here) when the cancel comes; the cancel must wait for the generation's lock
      // on the report, and then give the reservation back.
      const report = reports.pop()!;
      let holding!: () => void;
      const held = new Promise<void>((resolve) => (holding = resolve));
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const holder = withTenant(knex, tenant.id, async (trx) => {
        await trx('billing_accounts').where({ id: account.id }).forUpdate();
        holding();
        await released;
      });
      await held;
      const generating = driver.generate(report);
      for (let waited = 0; waited < 10_000; waited += 50) {
        const { rows } = await knex.raw<{ rows: { n: number }[] }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        if (rows[0]!.n > 0) break;
        await sleep(50);
      }
      const cancelling = cancel(report);
      await sleep(500);
      release();
      await holder;
      const [generated, cancelled] = await Promise.all([generating, cancelling]);
      assert.equal(generated.statusCode, 202, generated.payload);
      assert.deepEqual(json(cancelled), { reportId: report, status: 'cancelled', creditsReleased: 1 });
      await driver.assertSums(account.id, { balance: 100, reserved: 0 });
    }

    const outcomes = await Promise.all(
      reports.map(async (report, index) => {
        const [generated, cancelled] = await Promise.all([
          driver.generate(report),
          sleep(index * 2).then(() => cancel(report)),
        ]);
        return {
          report,
          generate: generated.statusCode,
          generateCode: json(generated).code as string | undefined,
          cancel: cancelled.statusCode,
        };
      }),
    );
    for (const outcome of outcomes) {
      assert.equal(outcome.cancel, 200, JSON.stringify(outcome));
      assert.ok(outcome.generate === 202 || outcome.generateCode === 'REPORT_CANCELLED', JSON.stringify(outcome));
    }
    // Every report is cancelled, so none may hold a credit, whichever of the two came first.
    await driver.assertSums(account.id, { balance: 100, reserved: 0 });
    const holds = await withTenant<{ report_id: string; held: number }[]>(knex, tenant.id, (trx) =>
      trx('billing_ledger')
        .whereIn('report_id', reports)
        .groupBy('report_id')
        .select('report_id', trx.raw('sum(reserved_delta)::int AS held')),
    );
    assert.deepEqual(
      holds.filter((row) => Number(row.held) !== 0),
      [],
    );
  });

  it('adjusts an account either way with a reason and a key, audited, never below zero available', async () => {
    const tenant = await host.createTenant('firm');
    const driver = new BillingDriver(host, tenant);
    const key = await driver.publishTestPack();
    const account = await driver.openAccount({ mode: 'CREDIT' });
    assert.equal((await driver.grant(account.id, 3)).statusCode, 201);
    const report = await driver.createReport(key, 'Holds one credit');
    assert.equal((await driver.generate(report)).statusCode, 202);
    await driver.assertSums(account.id, { balance: 3, reserved: 1 });

    const adjust = (
      credits: number,
      idempotencyKey = crypto.randomUUID(),
      role: 'admin' | 'operator' = 'admin',
      reason: string | null = 'correction',
    ) =>
      driver.call('POST', `/v1/billing/accounts/${account.id}/adjustments`, {
        role,
        headers: { 'idempotency-key': idempotencyKey },
        payload: { credits, ...(reason === null ? {} : { reason }) },
      });

    const upKey = crypto.randomUUID();
    const up = await adjust(4, upKey);
    assert.equal(up.statusCode, 201, up.payload);
    assert.equal(json(up).entry.kind, 'adjustment');
    assert.equal(json(up).account.available, 6);
    assert.equal((await adjust(4, upKey)).statusCode, 200, 'a repeat answers the same entry');
    assert.equal(json(await adjust(5, upKey)).code, 'IDEMPOTENCY_KEY_REUSED');

    const downKey = crypto.randomUUID();
    const down = await adjust(-6, downKey);
    assert.equal(down.statusCode, 201, down.payload);
    assert.deepEqual([json(down).account.balance, json(down).account.available], [1, 0]);
    assert.equal(
      (await adjust(-6, downKey)).statusCode,
      200,
      'a repeat answers its entry though nothing is available now',
    );

    const tooMuch = await adjust(-1);
    assert.equal(tooMuch.statusCode, 409, tooMuch.payload);
    assert.equal(json(tooMuch).code, 'ADJUSTMENT_EXCEEDS_AVAILABLE');
    assert.deepEqual(json(tooMuch).details, { credits: -1, available: 0 });
    for (const refused of [
      await adjust(0),
      await adjust(2, undefined, 'admin', null),
      await adjust(2, undefined, 'operator'),
    ])
      assert.ok([400, 403].includes(refused.statusCode), refused.payload);
    await driver.assertSums(account.id, { balance: 1, reserved: 1 });

    const audit = json(
      await driver.call('GET', `/v1/audit?target=billing_account:${account.id}&action=billing.credits.adjusted`, {
        role: 'admin',
      }),
    );
    assert.deepEqual(
      (audit.items as { after: { credits: number }; reason: string }[])
        .map((item) => [item.after.credits, item.reason])
        .sort(),
      [
        [-6, 'correction'],
        [4, 'correction'],
      ],
    );
    const hidden = await new BillingDriver(host, await host.createTenant('firm')).call(
      'POST',
      `/v1/billing/accounts/${account.id}/adjustments`,
      {
        role: 'admin',
        headers: { 'idempotency-key': crypto.randomUUID() },
        payload: { credits: 5, reason: 'not mine' },
      },
    );
    assert.equal(hidden.statusCode, 404, 'another tenant’s account is not found');
    await driver.call('POST', `/v1/reports/${report}/cancel`);
  });

  it('keeps the ledger append-only, even to the database owner', async () => {
    const { knex } = host.database;
    const [entry] = await withSystem<{ id: number }[]>(knex, (trx) =>
      trx('billing_ledger').where({ tenant_id: firm.id }).select('id'),
    );
    assert.ok(entry);
    await host.database.asOwner(async (owner) => {
      await assert.rejects(owner('billing_ledger').where({ id: entry.id }).update({ balance_delta: 1000 }), /append-only/);
      await assert.rejects(owner('billing_ledger').where({ id: entry.id }).delete(), /append-only/);
      await assert.rejects(owner.raw('TRUNCATE billing_ledger'), /append-only/);
    });
    await assert.rejects(
      withTenant(knex, firm.id, (trx) => trx('billing_ledger').where({ id: entry.id }).delete()),
      /permission denied/,
    );
    const other = await host.createTenant('firm');
    assert.deepEqual(
      await withTenant(knex, other.id, (trx) => trx('billing_ledger').where({ tenant_id: firm.id })),
      [],
      'RLS hides another tenant’s ledger',
    );
  });

  it('refills plan credits once per period however often the sweep runs, and reconciles stale reservations', async () => {
    const tenant = await host.createTenant('firm');
    const driver = new BillingDriver(host, tenant);
    const key = await driver.publishTestPack();
    const account = await driver.openAccount({ mode: 'CREDIT', planCredits: 4 });
    const refill = refillCreditsJob;
    const reconcile = reconcileReservationsJob;
    const context = {
      jobId: crypto.randomUUID(),
      attempt: 0,
      signal: new AbortController().signal,
      logger: await host.registry.get(coreServices.logger),
    };
    const refillServices = await host.registry.resolve(refill.deps, 'test');
    await refill.handler({ period: '2026-12' }, refillServices, context);
    await refill.handler({ period: '2026-12' }, refillServices, context);
    await driver.assertSums(account.id, { balance: 4, reserved: 0 });
    await refill.handler({ period: '2027-01' }, refillServices, context);
    await driver.assertSums(account.id, { balance: 8, reserved: 0 });

    const abandoned = await driver.createReport(key, 'Abandoned');
    const missed = await driver.createReport(key, 'Cancelled, release missed');
    const fresh = await driver.createReport(key, 'Fresh');
    for (const report of [abandoned, missed, fresh]) assert.equal((await driver.generate(report)).statusCode, 202);
    await driver.assertSums(account.id, { balance: 8, reserved: 3 });
    // Age two of them by the database clock the sweep reads, and cancel one behind the API's back.
    await withSystem(host.database.knex, async (trx) => {
      await trx.raw(`ALTER TABLE billing_ledger DISABLE TRIGGER billing_ledger_append_only`);
      await trx('billing_ledger')
        .whereIn('report_id', [abandoned])
        .update({ created_at: trx.raw(`now() - interval '10 days'`) });
      await trx.raw(`ALTER TABLE billing_ledger ENABLE TRIGGER billing_ledger_append_only`);
      await trx('reports')
        .where({ id: abandoned })
        .update({ updated_at: trx.raw(`now() - interval '10 days'`) });
      await trx('reports').where({ id: missed }).update({ status: 'cancelled' });
    });
    const reconcileServices = await host.registry.resolve(reconcile.deps, 'test');
    const first = await reconcile.handler({}, reconcileServices, context);
    assert.ok(Number(first?.creditsReleased) >= 2, JSON.stringify(first));
    const second = await reconcile.handler({}, reconcileServices, context);
    const entries = await driver.ledger(account.id);
    const releasedFor = (report: string) =>
      entries.filter((entry) => entry.reportId === report && entry.kind === 'release').length;
    assert.deepEqual(
      [releasedFor(abandoned), releasedFor(missed), releasedFor(fresh)],
      [1, 1, 0],
      JSON.stringify(second),
    );
    await driver.assertSums(account.id, { balance: 8, reserved: 1 });
    await driver.call('POST', `/v1/reports/${fresh}/cancel`);
    await driver.call('POST', `/v1/reports/${abandoned}/cancel`);
  });
});
