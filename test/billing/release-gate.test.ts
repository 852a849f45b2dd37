import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { PDFDocument } from 'pdf-lib';
import { generateReportJob, readOutlineTitles, withTenant, type JobService } from '@repogen/core';
import { libreOfficeOrSkip } from '../render/render-fixtures.js';
import { sbiFixtureInput } from '../reports/report-test-pack.js';
import { buildPackVariant, SBI_PACK_DIR, uniquePackKey } from '../support/pack-sources.js';
import { hasTranslucentText } from '../support/pdf-watermark.js';
import { createTestHost, json, type TestHost } from '../support/test-host.js';
import { startTestWorker } from '../support/test-worker.js';
import { BillingDriver } from './billing-test-support.js';

describe('billing: release through the gate, with the DRAFT watermark removed', function () {
  this.timeout(300_000);

  let host: TestHost;
  let worker: JobService | undefined;

  before(async function () {
    libreOfficeOrSkip(this);
    host = await createTestHost();
    worker = await startTestWorker(host, [generateReportJob]);
  });

  after(async () => {
    await worker?.stop();
    await host?.close();
  });

  async function settled(
    driver: BillingDriver,
    jobId: string,
  ): Promise<{ state: string; error: { code: string } | null }> {
    const deadline = Date.now() + 150_000;
    for (;;) {
      const view = json(await driver.call('GET', `/v1/jobs/${jobId}`)) as {
        state: string;
        error: { code: string } | null;
      };
      if (view.state === 'completed' || view.state === 'failed') return view;
      if (Date.now() > deadline) assert.fail(`job ${jobId} is still ${view.state}`);
      await sleep(250);
    }
  }

  async function generated(driver: BillingDriver, reportId: string): Promise<void> {
    const queued = await driver.generate(reportId);
    assert.equal(queued.statusCode, 202, queued.payload);
    assert.equal((await settled(driver, json(queued).jobId as string)).state, 'completed');
  }

  it('CREDIT: consumes the reservation once, stores a PDF without the watermark as a new artifact, and repeats idempotently', async () => {
    const tenant = await host.createTenant('firm');
    const driver = new BillingDriver(host, tenant);
    const packKey = await driver.publishTestPack();
    const account = await driver.openAccount({ mode: 'CREDIT' });
    await driver.grant(account.id, 2);
    const reportId = await driver.createReport(packKey, 'Released valuation');

    const early = await driver.call('POST', `/v1/reports/${reportId}/release`);
    assert.equal(early.statusCode, 409);
    assert.equal(json(early).code, 'REPORT_NOT_GENERATED');
    await generated(driver, reportId);
    await driver.assertSums(account.id, { balance: 2, reserved: 1 });

    const release = await driver.call('POST', `/v1/reports/${reportId}/release`);
    assert.equal(release.statusCode, 200, release.payload);
    const view = json(release);
    assert.equal(view.released, true);
    assert.deepEqual(view.gate, { mode: 'CREDIT', consumed: 1 });
    assert.equal(view.artifact.kind, 'pdf-released');
    await driver.assertSums(account.id, { balance: 1, reserved: 0 });

    const versions = json(await driver.call('GET', `/v1/reports/${reportId}/versions`)).items as {
      id: string;
      artifacts: { id: string; kind: string }[];
    }[];
    assert.equal(versions.length, 1);
    assert.deepEqual(
      versions[0]!.artifacts.map((artifact) => artifact.kind).sort(),
      ['docx', 'pdf', 'pdf-released', 'trace'],
      'the draft PDF is kept beside the released one; the source is not listed',
    );
    const draftBytes = (
      await driver.call('GET', `/v1/artifacts/${versions[0]!.artifacts.find((a) => a.kind === 'pdf')!.id}`)
    ).rawPayload;
    const releasedBytes = (await driver.call('GET', `/v1/artifacts/${view.artifact.id as string}`)).rawPayload;
    const draft = await PDFDocument.load(draftBytes);
    const released = await PDFDocument.load(releasedBytes);
    assert.ok(
      released.getPageCount() < draft.getPageCount() && readOutlineTitles(draft).includes('Checker findings (draft only)'),
      'the draft carries the checker findings on pages of its own',
    );
    assert.ok(!readOutlineTitles(released).includes('Checker findings (draft only)'), 'the released PDF leaves them out');
    assert.match(draft.getSubject() ?? '', /^Draft report /);
    assert.match(released.getSubject() ?? '', /^Report /);
    assert.match(released.getKeywords() ?? '', /released/);
    for (let page = 0; page < released.getPageCount(); page += 1) {
      assert.equal(hasTranslucentText(draft, page), true, `draft page ${page + 1} carries the watermark`);
      assert.equal(hasTranslucentText(released, page), false, `released page ${page + 1} does not`);
    }
    const source = await withTenant(host.database.knex, tenant.id, (trx) =>
      trx('artifacts').where({ version_id: versions[0]!.id, kind: 'pdf-source' }).first<{ id: string }>(),
    );
    assert.equal(
      (await driver.call('GET', `/v1/artifacts/${source.id}`)).statusCode,
      404,
      'the unwatermarked source is never served',
    );

    const again = await driver.call('POST', `/v1/reports/${reportId}/release`);
    assert.equal(again.statusCode, 200, again.payload);
    assert.equal(json(again).released, false);
    assert.equal(json(again).artifact.id, view.artifact.id);
    await driver.assertSums(account.id, { balance: 1, reserved: 0 });
    const detail = json(await driver.call('GET', `/v1/reports/${reportId}`));
    assert.equal(detail.status, 'released');
    assert.equal(
      (await driver.call('POST', `/v1/reports/${reportId}/cancel`)).statusCode,
      409,
      'a released report cannot be cancelled',
    );
    const audit = json(
      await driver.call('GET', `/v1/audit?target=report:${reportId}&action=report.released`, { role: 'admin' }),
    );
    assert.equal(audit.items.length, 1);
  });

  it('CREDIT: a released report generated again is a draft until released again, which charges nothing more', async () => {
    const tenant = await host.createTenant('firm');
    const driver = new BillingDriver(host, tenant);
    const packKey = await driver.publishTestPack();
    const account = await driver.openAccount({ mode: 'CREDIT' });
    await driver.grant(account.id, 1);
    const reportId = await driver.createReport(packKey, 'Corrected valuation');
    await generated(driver, reportId);
    const first = await driver.call('POST', `/v1/reports/${reportId}/release`);
    assert.equal(first.statusCode, 200, first.payload);
    await driver.assertSums(account.id, { balance: 0, reserved: 0 });

    // A correction after release: v2 is rendered with the watermark and the report waits for release again.
    await generated(driver, reportId);
    assert.equal(json(await driver.call('GET', `/v1/reports/${reportId}`)).status, 'generated');
    const versions = json(await driver.call('GET', `/v1/reports/${reportId}/versions`)).items as {
      n: number;
      artifacts: { id: string; kind: string }[];
    }[];
    const v2 = versions.find((version) => version.n === 2)!;
    assert.deepEqual(v2.artifacts.map((artifact) => artifact.kind).sort(), ['docx', 'pdf', 'trace']);
    const draft = await PDFDocument.load((await driver.call('GET', `/v1/artifacts/${v2.artifacts.find((a) => a.kind === 'pdf')!.id}`)).rawPayload);
    assert.equal(hasTranslucentText(draft, 0), true, 'v2 carries the watermark');
    assert.equal(versions.find((version) => version.n === 1)!.artifacts.some((artifact) => artifact.kind === 'pdf-released'), true, 'v1 keeps its released PDF');

    const second = await driver.call('POST', `/v1/reports/${reportId}/release`);
    assert.equal(second.statusCode, 200, second.payload);
    assert.equal(json(second).released, true);
    assert.equal(json(second).version, 2);
    assert.deepEqual(json(second).gate, { mode: 'CREDIT', consumed: 0 }, 'the credit was consumed by the first release');
    await driver.assertSums(account.id, { balance: 0, reserved: 0 });
  });

  /** A tenant with a default account (4 credits) and a partner's (2), and a released report billed to the partner. */
  async function releasedForPartner(): Promise<{
    driver: BillingDriver;
    standard: string;
    partner: string;
    packKey: string;
    reportId: string;
  }> {
    const tenant = await host.createTenant('firm');
    const driver = new BillingDriver(host, tenant);
    const packKey = await driver.publishTestPack();
    const standard = await driver.openAccount({ mode: 'CREDIT' });
    await driver.grant(standard.id, 4);
    const partner = await driver.openAccount({
      mode: 'CREDIT',
      externalKey: 'v1:partner:42',
    });
    await driver.grant(partner.id, 2);
    const reportId = await driver.createReport(packKey, 'Partner valuation', 'v1:partner:42');
    await generated(driver, reportId);
    await driver.assertSums(partner.id, { balance: 2, reserved: 1 });
    const release = await driver.call('POST', `/v1/reports/${reportId}/release`);
    assert.equal(release.statusCode, 200, release.payload);
    assert.deepEqual(json(release).gate, { mode: 'CREDIT', consumed: 1 });
    return {
      driver,
      standard: standard.id,
      partner: partner.id,
      packKey,
      reportId,
    };
  }

  it('CREDIT: a report billed to a partner account reserves and consumes there, the default account untouched', async () => {
    const { driver, standard, partner } = await releasedForPartner();
    await driver.assertSums(partner, { balance: 1, reserved: 0 });
    await driver.assertSums(standard, { balance: 4, reserved: 0 });
    assert.deepEqual(
      (await driver.ledger(partner)).map((entry) => entry.kind),
      ['grant', 'reserve', 'consume'],
    );
    assert.deepEqual(
      (await driver.ledger(standard)).map((entry) => entry.kind),
      ['grant'],
      'the default account is untouched',
    );
  });

  it('CREDIT: an admin refunds what a released report consumed, with a reason, once, to the account that paid', async () => {
    const { driver, standard, partner, packKey, reportId } = await releasedForPartner();
    const unreleased = await driver.createReport(packKey, 'Not released');
    const notConsumed = await driver.call('POST', `/v1/reports/${unreleased}/refunds`, {
      role: 'admin',
      headers: { 'idempotency-key': crypto.randomUUID() },
      payload: { reason: 'nothing to give back' },
    });
    assert.equal(notConsumed.statusCode, 409, notConsumed.payload);
    assert.equal(json(notConsumed).code, 'REFUND_EXCEEDS_CONSUMED');

    const refund = (payload: object, key = crypto.randomUUID(), role: 'admin' | 'operator' = 'admin') =>
      driver.call('POST', `/v1/reports/${reportId}/refunds`, {
        role,
        headers: { 'idempotency-key': key },
        payload,
      });
    assert.equal((await refund({ reason: 'bank rejected the format' }, undefined, 'operator')).statusCode, 403);
    assert.equal((await refund({})).statusCode, 400, 'a reason is required');
    const tooMany = await refund({ credits: 2, reason: 'more than consumed' });
    assert.equal(tooMany.statusCode, 409, tooMany.payload);
    assert.deepEqual(json(tooMany).details, {
      reportId,
      credits: 2,
      refundable: 1,
    });
    const key = crypto.randomUUID();
    const refunded = await refund({ reason: 'bank rejected the format' }, key);
    assert.equal(refunded.statusCode, 201, refunded.payload);
    assert.equal(json(refunded).entry.kind, 'refund');
    assert.equal(json(refunded).entry.balanceDelta, 1);
    assert.equal(json(refunded).account.id, partner, 'credits go back to the account that paid');
    const again = await refund({ reason: 'bank rejected the format' }, key);
    assert.equal(again.statusCode, 200, 'a repeat answers the same entry');
    assert.equal(json(again).entry.id, json(refunded).entry.id);
    assert.equal(json(await refund({ reason: 'twice' })).code, 'REFUND_EXCEEDS_CONSUMED', 'refunded once only');
    await driver.assertSums(partner, { balance: 2, reserved: 0 });
    await driver.assertSums(standard, { balance: 4, reserved: 0 });
    assert.equal(
      json(await driver.call('GET', `/v1/reports/${reportId}`)).status,
      'released',
      'the report stays released',
    );
    const audit = json(
      await driver.call('GET', `/v1/audit?target=billing_account:${partner}&action=billing.credits.refunded`, {
        role: 'admin',
      }),
    );
    assert.deepEqual(
      (audit.items as { reason: string }[]).map((item) => item.reason),
      ['bank rejected the format'],
    );
  });

  it('CREDIT: a generation that fails for good gives its reservation back', async () => {
    const tenant = await host.createTenant('firm');
    const driver = new BillingDriver(host, tenant);
    const key = uniquePackKey('NOTEMPLATE');
    const bare = await buildPackVariant(SBI_PACK_DIR, {
      packageJson: (pkg) => (pkg.repogen = { ...pkg.repogen, key, templates: [] }),
    });
    const upload = await driver.call('POST', '/v1/packs', {
      role: 'author',
      headers: { 'content-type': 'application/octet-stream' },
      payload: bare.bytes,
    });
    assert.equal(upload.statusCode, 201, upload.payload);
    assert.equal(
      (await driver.call('POST', `/v1/packs/${key}/versions/${bare.manifest.version}/publish`, { role: 'admin' }))
        .statusCode,
      200,
    );
    const account = await driver.openAccount({ mode: 'CREDIT' });
    await driver.grant(account.id, 1);
    const created = await driver.call('POST', '/v1/reports', {
      payload: { packKey: key, title: 'Doomed', data: await sbiFixtureInput() },
    });
    const reportId = json(created).id as string;
    const queued = await driver.generate(reportId);
    assert.equal(queued.statusCode, 202, queued.payload);
    await driver.assertSums(account.id, { balance: 1, reserved: 1 });
    const failed = await settled(driver, json(queued).jobId as string);
    assert.equal(failed.state, 'failed');
    assert.equal(failed.error?.code, 'PACK_TEMPLATE_MISSING');
    const deadline = Date.now() + 10_000;
    while ((await driver.account(account.id)).reserved !== 0 && Date.now() < deadline) await sleep(100);
    await driver.assertSums(account.id, { balance: 1, reserved: 0 });
    const entries = (await driver.ledger(account.id))
      .filter((entry) => entry.reportId === reportId)
      .map((entry) => entry.kind);
    assert.deepEqual(entries, ['reserve', 'release']);
  });

  it('POSTPAID: a draft invoice at first generation; release needs it paid, or an admin override with a reason', async () => {
    const tenant = await host.createTenant('firm');
    const driver = new BillingDriver(host, tenant);
    const packKey = await driver.publishTestPack();
    await driver.openAccount({ mode: 'POSTPAID', creditPricePaise: 75_000 });
    const paidReport = await driver.createReport(packKey, 'Postpaid, paid');
    const overridden = await driver.createReport(packKey, 'Postpaid, override');
    await generated(driver, paidReport);
    await generated(driver, paidReport);
    await generated(driver, overridden);

    const drafts = json(await driver.call('GET', '/v1/billing/invoices?state=draft'));
    assert.equal(drafts.total, 2, 'one invoice per report, however many versions');
    const invoice = (drafts.items as { id: string; reportId: string; amountPaise: number }[]).find(
      (item) => item.reportId === paidReport,
    )!;
    assert.equal(invoice.amountPaise, 75_000);

    const unpaid = await driver.call('POST', `/v1/reports/${paidReport}/release`);
    assert.equal(unpaid.statusCode, 402, unpaid.payload);
    assert.equal(json(unpaid).code, 'INVOICE_UNPAID');
    const jump = await driver.call('POST', `/v1/billing/invoices/${invoice.id}/state`, {
      role: 'admin',
      payload: { state: 'paid', reason: 'skipping issue' },
    });
    assert.equal(jump.statusCode, 409, 'draft → paid is not a legal change');
    assert.equal(json(jump).code, 'INVOICE_STATE_INVALID');
    assert.equal(
      (await driver.call('POST', `/v1/billing/invoices/${invoice.id}/state`, { payload: { state: 'issued' } }))
        .statusCode,
      403,
      'only an admin changes invoices',
    );
    assert.equal(
      json(
        await driver.call('POST', `/v1/billing/invoices/${invoice.id}/state`, {
          role: 'admin',
          payload: { state: 'issued' },
        }),
      ).state,
      'issued',
    );
    const paid = await driver.call('POST', `/v1/billing/invoices/${invoice.id}/state`, {
      role: 'admin',
      payload: { state: 'paid', reason: 'NEFT UTR 1234' },
    });
    assert.equal(json(paid).state, 'paid');
    assert.equal(json(paid).paidVia, 'manual');
    const released = await driver.call('POST', `/v1/reports/${paidReport}/release`);
    assert.equal(released.statusCode, 200, released.payload);
    assert.deepEqual(json(released).gate, { mode: 'POSTPAID', invoiceId: invoice.id, via: 'paid' });
    assert.equal(json(released).version, 2, 'the latest version is released');

    const byOperator = await driver.call('POST', `/v1/reports/${overridden}/release`, {
      payload: { override: { reason: 'bank asked' } },
    });
    assert.equal(byOperator.statusCode, 403);
    assert.equal(json(byOperator).code, 'RELEASE_OVERRIDE_FORBIDDEN');
    const noReason = await driver.call('POST', `/v1/reports/${overridden}/release`, {
      role: 'admin',
      payload: { override: {} },
    });
    assert.equal(noReason.statusCode, 400);
    const override = await driver.call('POST', `/v1/reports/${overridden}/release`, {
      role: 'admin',
      payload: { override: { reason: 'Bank pays quarterly; approved by the partner' } },
    });
    assert.equal(override.statusCode, 200, override.payload);
    assert.equal(json(override).gate.via, 'override');
    const audit = json(
      await driver.call('GET', `/v1/audit?target=report:${overridden}&action=billing.release.override`, {
        role: 'admin',
      }),
    );
    assert.equal(audit.items.length, 1);
    assert.equal(audit.items[0].reason, 'Bank pays quarterly; approved by the partner');
    const unknown = await driver.call('POST', `/v1/reports/${crypto.randomUUID()}/release`);
    assert.equal(unknown.statusCode, 404);
    assert.equal(json(unknown).code, 'REPORT_NOT_FOUND');
  });
});
