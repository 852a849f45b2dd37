import crypto from 'node:crypto';
import {
  billingErrors,
  coreServices,
  createServiceFactory,
  createServiceRef,
  InvalidError,
  UnavailableError,
  type BillingService,
  type Logger,
  type Principal,
  type ProviderEvent,
  type SettlementResult,
} from '@repogen/core';
import type { RazorpaySettings } from './razorpay-settings.js';
import { verifyRazorpaySignature } from './razorpay-signature.js';

export interface PaymentLink {
  readonly paymentId: string;
  readonly provider: 'razorpay';
  readonly linkId: string;
  readonly url: string;
  readonly amountPaise: number;
  readonly currency: string;
}

export interface RazorpayWebhookReceipt extends SettlementResult {
  readonly received: true;
  readonly eventId: string;
}

/** Razorpay payment links for top-ups and invoices, and the webhook that settles them. */
export interface RazorpayPaymentsService {
  paymentLink(
    principal: Principal,
    request: { accountId: string; credits?: number; invoiceId?: string },
    requestId?: string,
  ): Promise<PaymentLink>;
  receiveWebhook(
    rawBody: Buffer,
    signature: string | undefined,
    eventId: string | undefined,
  ): Promise<RazorpayWebhookReceipt>;
}

export const razorpayPaymentsRef = createServiceRef<RazorpayPaymentsService>('payments.razorpay');

interface RazorpayEvent {
  readonly event?: string;
  readonly payload?: {
    readonly payment_link?: {
      readonly entity?: {
        readonly id?: string;
        readonly reference_id?: string;
        readonly amount_paid?: number;
        readonly notes?: Record<string, string>;
      };
    };
  };
}

const notConfigured = (what: string) =>
  new UnavailableError('PAYMENT_PROVIDER_NOT_CONFIGURED', `Razorpay is not configured on this host (${what})`);

function outcomeOf(type: string): ProviderEvent['outcome'] {
  if (type === 'payment_link.paid') return 'paid';
  if (type === 'payment_link.expired' || type === 'payment_link.cancelled') return 'expired';
  return 'ignored';
}

export function createRazorpayPaymentsService(
  settings: RazorpaySettings,
  billing: BillingService,
  logger: Logger,
): RazorpayPaymentsService {
  function verify(rawBody: Buffer, signature: string | undefined): RazorpayEvent {
    if (settings.webhookSecret !== undefined) {
      if (signature === undefined || !verifyRazorpaySignature(rawBody, signature, settings.webhookSecret))
        throw billingErrors.webhookSignature();
    } else if (settings.devBypass) {
      logger.warn('Razorpay webhook accepted without a signature check (PAYMENT_WEBHOOK_DEV_BYPASS)');
    } else {
      throw notConfigured('RAZORPAY_WEBHOOK_SECRET is not set');
    }
    try {
      return JSON.parse(rawBody.toString('utf8')) as RazorpayEvent;
    } catch {
      throw new InvalidError('WEBHOOK_BODY_INVALID', 'The webhook body is not JSON');
    }
  }

  return {
    async paymentLink(principal, request, requestId) {
      if (settings.keyId === undefined || settings.keySecret === undefined)
        throw notConfigured('RAZORPAY_KEY_ID is not set');
      const payment = await billing.preparePayment(principal, { provider: 'razorpay', ...request }, requestId);
      const description =
        payment.purpose === 'top_up' ? `${payment.credits} report credit(s)` : `Invoice ${payment.invoiceId}`;
      let link: { id?: string; short_url?: string };
      try {
        const response = await fetch(`${settings.apiBase}/v1/payment_links`, {
          method: 'POST',
          headers: {
            authorization: `Basic ${Buffer.from(`${settings.keyId}:${settings.keySecret}`).toString('base64')}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({
            amount: payment.amountPaise,
            currency: payment.currency,
            description,
            reference_id: payment.id,
            notes: { paymentId: payment.id, tenantId: payment.tenantId },
            ...(settings.callbackUrl ? { callback_url: settings.callbackUrl, callback_method: 'get' } : {}),
          }),
          signal: AbortSignal.timeout(20_000),
        });
        if (!response.ok) throw new Error(`Razorpay answered ${response.status}`);
        link = (await response.json()) as { id?: string; short_url?: string };
      } catch (error) {
        logger.warn({ err: error, paymentId: payment.id }, 'Razorpay refused or did not answer the payment link');
        throw new UnavailableError(
          'PAYMENT_PROVIDER_UNAVAILABLE',
          'Razorpay did not create the payment link; try again',
        );
      }
      if (!link.id || !link.short_url)
        throw new UnavailableError(
          'PAYMENT_PROVIDER_UNAVAILABLE',
          'Razorpay answered a payment link without an id or URL',
        );
      await billing.attachPaymentLink(principal, payment.id, { providerRef: link.id, url: link.short_url });
      return {
        paymentId: payment.id,
        provider: 'razorpay',
        linkId: link.id,
        url: link.short_url,
        amountPaise: payment.amountPaise,
        currency: payment.currency,
      };
    },

    async receiveWebhook(rawBody, signature, eventIdHeader) {
      const event = verify(rawBody, signature);
      const type = event.event ?? 'unknown';
      // Razorpay names each event in X-Razorpay-Event-Id; without it, identical bodies are one event.
      const eventId = eventIdHeader ?? `sha256:${crypto.createHash('sha256').update(rawBody).digest('hex')}`;
      const entity = event.payload?.payment_link?.entity;
      const paymentId = entity?.notes?.paymentId ?? entity?.reference_id ?? '';
      const outcome = outcomeOf(type);
      const result = await billing.settle({
        provider: 'razorpay',
        eventId,
        eventType: type,
        paymentId,
        outcome,
        amountPaise: outcome === 'paid' && typeof entity?.amount_paid === 'number' ? entity.amount_paid : undefined,
      });
      logger.info({ eventId, type, paymentId, ...result }, 'Razorpay webhook settled');
      return { received: true, eventId, ...result };
    },
  };
}

export function razorpayPaymentsServiceFactory(settings: RazorpaySettings) {
  return createServiceFactory({
    service: razorpayPaymentsRef,
    deps: { billing: coreServices.billing, logger: coreServices.logger },
    create: ({ billing, logger }) => createRazorpayPaymentsService(settings, billing, logger),
  });
}
