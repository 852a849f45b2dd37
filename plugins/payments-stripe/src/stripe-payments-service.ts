import {
  billingErrors,
  createServiceFactory,
  createServiceRef,
  coreServices,
  UnavailableError,
  type BillingService,
  type Logger,
  type Principal,
  type ProviderEvent,
  type SettlementResult,
} from '@repogen/core';
import Stripe from 'stripe';
import type { StripeSettings } from './stripe-settings.js';

export interface CheckoutLink {
  readonly paymentId: string;
  readonly provider: 'stripe';
  readonly sessionId: string;
  readonly url: string;
  readonly amountPaise: number;
  readonly currency: string;
}

export interface WebhookReceipt extends SettlementResult {
  readonly received: true;
  readonly eventId: string;
}

/** Stripe Checkout for top-ups and invoices, and the webhook that settles them. */
export interface StripePaymentsService {
  checkoutLink(
    principal: Principal,
    request: { accountId: string; credits?: number; invoiceId?: string },
    requestId?: string,
  ): Promise<CheckoutLink>;
  receiveWebhook(rawBody: Buffer, signature: string | undefined): Promise<WebhookReceipt>;
}

export const stripePaymentsRef = createServiceRef<StripePaymentsService>('payments.stripe');

const notConfigured = (what: string) =>
  new UnavailableError('PAYMENT_PROVIDER_NOT_CONFIGURED', `Stripe is not configured on this host (${what})`);

/** What a Checkout Session event means for our payment. */
function outcomeOf(event: Stripe.Event): ProviderEvent['outcome'] {
  const type: string = event.type;
  if (type === 'checkout.session.completed') {
    // Delayed methods complete unpaid and settle later with async_payment_succeeded.
    return (event.data.object as Partial<Stripe.Checkout.Session>).payment_status === 'unpaid' ? 'ignored' : 'paid';
  }
  if (type === 'checkout.session.async_payment_succeeded') return 'paid';
  if (type === 'checkout.session.async_payment_failed') return 'failed';
  if (type === 'checkout.session.expired') return 'expired';
  return 'ignored';
}

export function createStripePaymentsService(
  settings: StripeSettings,
  billing: BillingService,
  logger: Logger,
): StripePaymentsService {
  const stripe =
    settings.secretKey === undefined
      ? undefined
      : new Stripe(settings.secretKey, {
          maxNetworkRetries: 1,
          timeout: 20_000,
          telemetry: false,
          ...(settings.api ?? {}),
        });

  function verify(rawBody: Buffer, signature: string | undefined): Stripe.Event {
    if (settings.webhookSecret !== undefined) {
      if (signature === undefined) throw billingErrors.webhookSignature();
      try {
        return Stripe.webhooks.constructEvent(rawBody, signature, settings.webhookSecret);
      } catch {
        throw billingErrors.webhookSignature();
      }
    }
    if (!settings.devBypass) throw notConfigured('STRIPE_WEBHOOK_SECRET is not set');
    logger.warn('Stripe webhook accepted without a signature check (PAYMENT_WEBHOOK_DEV_BYPASS)');
    try {
      return Stripe.webhooks.constructEventWithoutVerification(rawBody.toString('utf8'));
    } catch {
      throw billingErrors.webhookSignature();
    }
  }

  return {
    async checkoutLink(principal, request, requestId) {
      if (!stripe) throw notConfigured('STRIPE_SECRET_KEY is not set');
      const payment = await billing.preparePayment(principal, { provider: 'stripe', ...request }, requestId);
      const name =
        payment.purpose === 'top_up' ? `${payment.credits} report credit(s)` : `Invoice ${payment.invoiceId}`;
      const metadata = { paymentId: payment.id, tenantId: payment.tenantId };
      let session: Stripe.Checkout.Session;
      try {
        session = await stripe.checkout.sessions.create(
          {
            mode: 'payment',
            client_reference_id: payment.id,
            metadata,
            payment_intent_data: { metadata },
            line_items: [
              {
                quantity: 1,
                price_data: { currency: 'inr', unit_amount: payment.amountPaise, product_data: { name } },
              },
            ],
            success_url: settings.successUrl,
            cancel_url: settings.cancelUrl,
          },
          { idempotencyKey: `repogen-payment-${payment.id}` },
        );
      } catch (error) {
        logger.warn({ err: error, paymentId: payment.id }, 'Stripe refused or did not answer the checkout session');
        throw new UnavailableError(
          'PAYMENT_PROVIDER_UNAVAILABLE',
          'Stripe did not create the checkout session; try again',
        );
      }
      if (!session.url)
        throw new UnavailableError('PAYMENT_PROVIDER_UNAVAILABLE', 'Stripe answered a checkout session without a URL');
      await billing.attachPaymentLink(principal, payment.id, { providerRef: session.id, url: session.url });
      return {
        paymentId: payment.id,
        provider: 'stripe',
        sessionId: session.id,
        url: session.url,
        amountPaise: payment.amountPaise,
        currency: payment.currency,
      };
    },

    async receiveWebhook(rawBody, signature) {
      const event = verify(rawBody, signature);
      const outcome = outcomeOf(event);
      const object = event.data.object as Partial<Stripe.Checkout.Session>;
      const paymentId =
        (object.object === 'checkout.session'
          ? (object.metadata?.paymentId ?? object.client_reference_id)
          : undefined) ?? '';
      const result = await billing.settle({
        provider: 'stripe',
        eventId: event.id,
        eventType: event.type,
        paymentId,
        outcome,
        amountPaise: outcome === 'paid' && typeof object.amount_total === 'number' ? object.amount_total : undefined,
      });
      logger.info({ eventId: event.id, type: event.type, paymentId, ...result }, 'Stripe webhook settled');
      return { received: true, eventId: event.id, ...result };
    },
  };
}

export function stripePaymentsServiceFactory(settings: StripeSettings) {
  return createServiceFactory({
    service: stripePaymentsRef,
    deps: { billing: coreServices.billing, logger: coreServices.logger },
    create: ({ billing, logger }) => createStripePaymentsService(settings, billing, logger),
  });
}
