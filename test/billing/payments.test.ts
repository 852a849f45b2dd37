import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { withTenant } from '@repogen/core';
import Stripe from 'stripe';
import { createTestHost, json, type TestHost } from '../support/test-host.js';
import { BillingDriver } from './billing-test-support.js';
import { RecordingProviderServer } from './recording-provider-server.js';

const STRIPE_WEBHOOK_SECRET = 'whsec_repogenTestSecret';
const RAZORPAY_WEBHOOK_SECRET = 'rzp-webhook-secret-for-tests';

describe('payments: Stripe and Razorpay host plugins, settled exactly once', function () {
  this.timeout(120_000);

  let provider: RecordingProviderServer;
  let host: TestHost;
  let driver: BillingDriver;

  before(async () => {
    provider = new RecordingProviderServer();
    const base = await provider.start();
    host = await createTestHost({
      pluginEnv: {
        STRIPE_SECRET_KEY: 'sk_test_repogen123',
        STRIPE_WEBHOOK_SECRET,
        STRIPE_API_BASE: base,
        RAZORPAY_KEY_ID: 'rzp_test_repogen123',
        RAZORPAY_KEY_SECRET: 'razorpay-key-secret',
        RAZORPAY_WEBHOOK_SECRET,
        RAZORPAY_API_BASE: base,
      },
    });
    driver = new BillingDriver(host, await host.createTenant('firm'));
  });

  after(async () => {
    await host?.close();
    await provider?.stop();
  });

  const stripeWebhook = (event: object, secret = STRIPE_WEBHOOK_SECRET, tamper?: (payload: string) => string) => {
    const payload = JSON.stringify(event);
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret });
    return host.server.inject({
      method: 'POST',
      url: '/v1/payments/webhooks/stripe',
      headers: { 'content-type': 'application/json', 'stripe-signature': signature },
      payload: tamper ? tamper(payload) : payload,
    });
  };

  const sessionEvent = (
    id: string,
    type: string,
    session: { id: string; paymentId: string; amount: number; paymentStatus?: string },
  ) => ({
    id,
    object: 'event',
    api_version: '2026-01-28',
    created: Math.floor(Date.now() / 1000),
    type,
    data: {
      object: {
        id: session.id,
        object: 'checkout.session',
        client_reference_id: session.paymentId,
        metadata: { paymentId: session.paymentId },
        amount_total: session.amount,
        currency: 'inr',
        payment_status: session.paymentStatus ?? 'paid',
      },
    },
  });

  it('Stripe: a checkout link through the SDK, a signed webhook grants the credits once; replays, retries, forgeries and late events change nothing', async () => {
    const account = await driver.openAccount({ mode: 'CREDIT', creditPricePaise: 50_000 });
    const link = await driver.call('POST', '/v1/payments/checkout-link', {
      payload: { accountId: account.id, credits: 3 },
    });
    assert.equal(link.statusCode, 201, link.payload);
    const checkout = json(link) as { paymentId: string; sessionId: string; url: string; amountPaise: number };
    assert.equal(checkout.amountPaise, 150_000);
    assert.match(checkout.url, /^https:\/\/checkout\.stripe\.com\//);

    const sent = provider.requests.filter((request) => request.path === '/v1/checkout/sessions');
    assert.equal(sent.length, 1, 'the SDK called the local server once');
    assert.equal(sent[0]!.headers.authorization, 'Bearer sk_test_repogen123');
    assert.equal(sent[0]!.headers['idempotency-key'], `repogen-payment-${checkout.paymentId}`);
    const form = new URLSearchParams(sent[0]!.body);
    assert.equal(form.get('mode'), 'payment');
    assert.equal(form.get('line_items[0][price_data][currency]'), 'inr');
    assert.equal(form.get('line_items[0][price_data][unit_amount]'), '150000');
    assert.equal(form.get('metadata[paymentId]'), checkout.paymentId);
    assert.equal(form.get('client_reference_id'), checkout.paymentId);

    const session = { id: checkout.sessionId, paymentId: checkout.paymentId, amount: 150_000 };
    const forged = await stripeWebhook(
      sessionEvent('evt_forged', 'checkout.session.completed', session),
      'whsec_notTheSecret',
    );
    assert.equal(forged.statusCode, 400);
    assert.equal(json(forged).code, 'WEBHOOK_SIGNATURE_INVALID');
    const tampered = await stripeWebhook(
      sessionEvent('evt_tampered', 'checkout.session.completed', session),
      STRIPE_WEBHOOK_SECRET,
      (payload) => payload.replace('150000', '1'),
    );
    assert.equal(tampered.statusCode, 400);
    const unsigned = await host.server.inject({
      method: 'POST',
      url: '/v1/payments/webhooks/stripe',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(sessionEvent('evt_unsigned', 'checkout.session.completed', session)),
    });
    assert.equal(unsigned.statusCode, 400);
    await driver.assertSums(account.id, { balance: 0, reserved: 0 });

    const eventId = `evt_${crypto.randomBytes(6).toString('hex')}`;
    const paid = await stripeWebhook(sessionEvent(eventId, 'checkout.session.completed', session));
    assert.equal(paid.statusCode, 200, paid.payload);
    assert.deepEqual(json(paid), { received: true, eventId, duplicate: false, outcome: 'credits-granted' });
    await driver.assertSums(account.id, { balance: 3, reserved: 0 });

    const replay = await stripeWebhook(sessionEvent(eventId, 'checkout.session.completed', session));
    assert.equal(replay.statusCode, 200);
    assert.equal(json(replay).duplicate, true);
    const retries = await Promise.all(
      [1, 2, 3, 4].map(() => stripeWebhook(sessionEvent(eventId, 'checkout.session.completed', session))),
    );
    assert.deepEqual(
      retries.map((response) => [response.statusCode, json(response).duplicate as boolean]),
      [
        [200, true],
        [200, true],
        [200, true],
        [200, true],
      ],
    );
    const another = await stripeWebhook(
      sessionEvent(`${eventId}_b`, 'checkout.session.async_payment_succeeded', session),
    );
    assert.equal(json(another).outcome, 'already-paid');
    const late = await stripeWebhook(sessionEvent(`${eventId}_c`, 'checkout.session.expired', session));
    assert.equal(json(late).outcome, 'stale-expired', 'an expiry after the payment changes nothing');
    await driver.assertSums(account.id, { balance: 3, reserved: 0 });
    const topUps = (await driver.ledger(account.id)).filter((entry) => entry.kind === 'top_up');
    assert.deepEqual(
      topUps.map((entry) => entry.idempotencyKey),
      [`payment:${checkout.paymentId}`],
    );

    const foreign = await stripeWebhook(
      sessionEvent(`evt_${crypto.randomBytes(4).toString('hex')}`, 'checkout.session.completed', {
        ...session,
        paymentId: crypto.randomUUID(),
      }),
    );
    assert.equal(
      json(foreign).outcome,
      'unknown-payment',
      'an event for a payment that is not ours is acknowledged and ignored',
    );
    const other = await stripeWebhook({
      id: `evt_${crypto.randomBytes(4).toString('hex')}`,
      object: 'event',
      type: 'customer.created',
      data: { object: { id: 'cus_1', object: 'customer' } },
    });
    assert.equal(json(other).outcome, 'unknown-payment');

    const badRequest = await driver.call('POST', '/v1/payments/checkout-link', {
      payload: { accountId: account.id, credits: 3, invoiceId: crypto.randomUUID() },
    });
    assert.equal(badRequest.statusCode, 400, 'credits or an invoice, not both');
    provider.failures.set('/v1/checkout/sessions', 2);
    const down = await driver.call('POST', '/v1/payments/checkout-link', {
      payload: { accountId: account.id, credits: 1 },
    });
    assert.equal(down.statusCode, 503, down.payload);
    assert.equal(json(down).code, 'PAYMENT_PROVIDER_UNAVAILABLE');
  });

  it('Stripe: pays a postpaid invoice, with events arriving out of order', async () => {
    const tenant = await host.createTenant('firm');
    const postpaid = new BillingDriver(host, tenant);
    const key = await postpaid.publishTestPack();
    const account = await postpaid.openAccount({ mode: 'POSTPAID', creditPricePaise: 120_000 });
    const reportId = await postpaid.createReport(key, 'Postpaid through Stripe');
    assert.equal((await postpaid.generate(reportId)).statusCode, 202);
    const invoice = (
      json(await postpaid.call('GET', '/v1/billing/invoices')).items as {
        id: string;
        amountPaise: number;
        state: string;
      }[]
    )[0]!;
    assert.deepEqual([invoice.amountPaise, invoice.state], [120_000, 'draft']);

    const topUp = await postpaid.call('POST', '/v1/payments/checkout-link', {
      payload: { accountId: account.id, credits: 2 },
    });
    assert.equal(topUp.statusCode, 400, 'a POSTPAID account does not buy credits');
    assert.equal(json(topUp).code, 'PAYMENT_PURPOSE_INVALID');
    const link = json(
      await postpaid.call('POST', '/v1/payments/checkout-link', {
        payload: { accountId: account.id, invoiceId: invoice.id },
      }),
    ) as { paymentId: string; sessionId: string; amountPaise: number };
    assert.equal(link.amountPaise, 120_000);
    const session = { id: link.sessionId, paymentId: link.paymentId, amount: 120_000 };

    const failed = await stripeWebhook(
      sessionEvent(`evt_${crypto.randomBytes(6).toString('hex')}`, 'checkout.session.async_payment_failed', session),
    );
    assert.equal(json(failed).outcome, 'failed');
    const succeeded = `evt_${crypto.randomBytes(6).toString('hex')}`;
    assert.equal(
      json(await stripeWebhook(sessionEvent(succeeded, 'checkout.session.async_payment_succeeded', session))).outcome,
      'invoice-paid',
      'a success after a failure still pays',
    );
    const completedLate = await stripeWebhook(
      sessionEvent(`evt_${crypto.randomBytes(6).toString('hex')}`, 'checkout.session.completed', {
        ...session,
        paymentStatus: 'unpaid',
      }),
    );
    assert.equal(json(completedLate).outcome, 'ignored', 'the earlier unpaid completion arriving last changes nothing');
    const paid = json(await postpaid.call('GET', `/v1/billing/invoices/${invoice.id}`));
    assert.equal(paid.state, 'paid');
    assert.equal(paid.paidVia, `stripe:${succeeded}`);
    const states = await withTenant(host.database.knex, tenant.id, (trx) =>
      trx('billing_payment_events')
        .where({ payment_id: link.paymentId })
        .orderBy('id')
        .select<{ outcome: string }[]>('outcome'),
    );
    assert.deepEqual(
      states.map((row) => row.outcome),
      ['failed', 'invoice-paid', 'ignored'],
    );
    const again = await postpaid.call('POST', '/v1/payments/checkout-link', {
      payload: { accountId: account.id, invoiceId: invoice.id },
    });
    assert.equal(again.statusCode, 409, 'a paid invoice is not paid twice');
    // Its queued generation is not this test's business: cancelled, a worker drops it.
    assert.equal((await postpaid.call('POST', `/v1/reports/${reportId}/cancel`)).statusCode, 200);
    assert.equal(
      json(await postpaid.call('GET', `/v1/billing/invoices/${invoice.id}`)).state,
      'paid',
      'cancelling never voids a paid invoice',
    );
  });

  it('Razorpay: a payment link over the REST API, an HMAC-signed webhook grants once; replays and forgeries change nothing', async () => {
    const tenant = await host.createTenant('firm');
    const razor = new BillingDriver(host, tenant);
    const account = await razor.openAccount({ mode: 'CREDIT', creditPricePaise: 50_000 });
    const created = await razor.call('POST', '/v1/payments/payment-link', {
      payload: { accountId: account.id, credits: 2 },
    });
    assert.equal(created.statusCode, 201, created.payload);
    const link = json(created) as { paymentId: string; linkId: string; url: string; amountPaise: number };
    assert.equal(link.amountPaise, 100_000);
    const sent = provider.requests.filter((request) => request.path === '/v1/payment_links').at(-1)!;
    assert.equal(
      sent.headers.authorization,
      `Basic ${Buffer.from('rzp_test_repogen123:razorpay-key-secret').toString('base64')}`,
    );
    const body = JSON.parse(sent.body) as { amount: number; currency: string; reference_id: string };
    assert.deepEqual([body.amount, body.currency, body.reference_id], [100_000, 'INR', link.paymentId]);

    const event = (amountPaid: number) =>
      JSON.stringify({
        entity: 'event',
        account_id: 'acc_test',
        event: 'payment_link.paid',
        contains: ['payment_link', 'payment'],
        payload: {
          payment_link: {
            entity: {
              id: link.linkId,
              reference_id: link.paymentId,
              amount: 100_000,
              amount_paid: amountPaid,
              notes: { paymentId: link.paymentId },
              status: 'paid',
            },
          },
        },
        created_at: Math.floor(Date.now() / 1000),
      });
    const deliver = (
      payload: string,
      eventId: string,
      signature = crypto.createHmac('sha256', RAZORPAY_WEBHOOK_SECRET).update(payload).digest('hex'),
    ) =>
      host.server.inject({
        method: 'POST',
        url: '/v1/payments/webhooks/razorpay',
        headers: {
          'content-type': 'application/json',
          'x-razorpay-signature': signature,
          'x-razorpay-event-id': eventId,
        },
        payload,
      });

    const forged = await deliver(
      event(100_000),
      'evt_rzp_forged',
      crypto.createHmac('sha256', 'guessed-secret').update(event(100_000)).digest('hex'),
    );
    assert.equal(forged.statusCode, 400);
    assert.equal(json(forged).code, 'WEBHOOK_SIGNATURE_INVALID');
    const short = await deliver(event(1_000), `evt_${crypto.randomBytes(5).toString('hex')}`);
    assert.equal(json(short).outcome, 'amount-mismatch', 'a payment of the wrong amount grants nothing');
    await razor.assertSums(account.id, { balance: 0, reserved: 0 });

    const eventId = `evt_${crypto.randomBytes(6).toString('hex')}`;
    const paid = await deliver(event(100_000), eventId);
    assert.equal(paid.statusCode, 200, paid.payload);
    assert.equal(json(paid).outcome, 'credits-granted');
    const replays = await Promise.all([1, 2, 3].map(() => deliver(event(100_000), eventId)));
    assert.deepEqual(
      replays.map((response) => json(response).duplicate as boolean),
      [true, true, true],
    );
    await razor.assertSums(account.id, { balance: 2, reserved: 0 });
    const audit = json(
      await razor.call('GET', `/v1/audit?target=payment:${link.paymentId}&action=billing.payment.event`, {
        role: 'admin',
      }),
    );
    assert.equal(audit.items.length, 2, 'the mismatch and the payment, nothing for the replays or the forgery');
  });

  it('accepts unsigned webhooks only under PAYMENT_WEBHOOK_DEV_BYPASS without a webhook secret, still once per event', async () => {
    const dev = await createTestHost({
      hostEnv: { PAYMENT_WEBHOOK_DEV_BYPASS: 'true' },
      pluginEnv: { STRIPE_SECRET_KEY: 'sk_test_repogen123', STRIPE_API_BASE: provider.baseUrl },
    });
    try {
      const tenant = new BillingDriver(dev, await dev.createTenant('firm'));
      const account = await tenant.openAccount({ mode: 'CREDIT' });
      const link = json(
        await tenant.call('POST', '/v1/payments/checkout-link', { payload: { accountId: account.id, credits: 1 } }),
      ) as { paymentId: string; sessionId: string; amountPaise: number };
      const payload = JSON.stringify(
        sessionEvent('evt_dev_bypass', 'checkout.session.completed', {
          id: link.sessionId,
          paymentId: link.paymentId,
          amount: link.amountPaise,
        }),
      );
      const send = () =>
        dev.server.inject({
          method: 'POST',
          url: '/v1/payments/webhooks/stripe',
          headers: { 'content-type': 'application/json' },
          payload,
        });
      assert.equal(json(await send()).outcome, 'credits-granted');
      assert.equal(json(await send()).duplicate, true);
      await tenant.assertSums(account.id, { balance: 1, reserved: 0 });
    } finally {
      await dev.close();
    }
    await assert.rejects(
      createTestHost({ hostEnv: { NODE_ENV: 'production', PAYMENT_WEBHOOK_DEV_BYPASS: 'true' } }),
      (error: Error & { variable?: string }) =>
        error.name === 'ConfigError' && error.variable === 'PAYMENT_WEBHOOK_DEV_BYPASS',
      'the bypass stops a production boot',
    );
  });

  it('answers 503 while a provider is not configured, and stops the boot over a bad provider setting', async () => {
    const bare = await createTestHost();
    try {
      const tenant = new BillingDriver(bare, await bare.createTenant('firm'));
      const account = await tenant.openAccount({ mode: 'CREDIT' });
      const stripeLink = await tenant.call('POST', '/v1/payments/checkout-link', {
        payload: { accountId: account.id, credits: 1 },
      });
      assert.equal(stripeLink.statusCode, 503);
      assert.equal(json(stripeLink).code, 'PAYMENT_PROVIDER_NOT_CONFIGURED');
      const hook = await bare.server.inject({
        method: 'POST',
        url: '/v1/payments/webhooks/razorpay',
        headers: { 'content-type': 'application/json', 'x-razorpay-signature': 'ab' },
        payload: '{}',
      });
      assert.equal(hook.statusCode, 503, 'without a webhook secret nothing is accepted');
    } finally {
      await bare.close();
    }
    for (const [name, value] of [
      ['STRIPE_SECRET_KEY', 'not-a-key'],
      ['STRIPE_WEBHOOK_SECRET', 'plain'],
      ['RAZORPAY_KEY_ID', 'not-a-key-id'],
      ['RAZORPAY_KEY_SECRET', 'secret-without-id'],
    ] as const) {
      // By name: the plugin may hold its own copy of the core module under the test loader.
      await assert.rejects(
        createTestHost({ pluginEnv: { [name]: value } }),
        (error: Error & { variable?: string }) => error.name === 'ConfigError' && error.variable === name,
      );
    }
  });
});
