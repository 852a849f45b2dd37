import { defineRoutePlugin, errorResponses, failValidation, idempotent, principalOf, uuidSchema } from '@repogen/core';
import Joi from 'joi';
import { stripePaymentsRef } from './stripe-payments-service.js';

const receiptSchema = Joi.object({
  received: Joi.boolean(),
  eventId: Joi.string(),
  duplicate: Joi.boolean(),
  outcome: Joi.string(),
}).label('PaymentWebhookReceipt');

export const stripePaymentRoutesPlugin = defineRoutePlugin({
  name: 'stripe-payment-routes',
  deps: { stripe: stripePaymentsRef },
  routes: ({ stripe }) => [
    idempotent({
      method: 'POST',
      path: '/v1/payments/checkout-link',
      options: {
        tags: ['api', 'payments'],
        description: 'A Stripe Checkout link that buys credits for a CREDIT account, or pays a postpaid invoice',
        notes:
          'The amount is the host’s: credits × the account’s credit price, or the invoice amount. Credits or the invoice are settled by the verified webhook, never by the redirect.',
        auth: { access: { scope: ['admin', 'operator', 'service'] } },
        validate: {
          payload: Joi.object({
            accountId: uuidSchema.required(),
            credits: Joi.number().integer().min(1).max(100_000),
            invoiceId: uuidSchema,
          })
            .xor('credits', 'invoiceId')
            .label('CheckoutLinkRequest'),
          failAction: failValidation,
        },
        response: {
          status: {
            201: Joi.object({
              paymentId: Joi.string(),
              provider: Joi.string().valid('stripe'),
              sessionId: Joi.string(),
              url: Joi.string(),
              amountPaise: Joi.number().integer(),
              currency: Joi.string(),
            }).label('CheckoutLink'),
            ...errorResponses(400, 401, 403, 404, 409, 503),
          },
        },
      },
      async handler(request, h) {
        const body = request.payload as { accountId: string; credits?: number; invoiceId?: string };
        return h.response(await stripe.checkoutLink(principalOf(request), body, request.info.id)).code(201);
      },
    }),
    {
      method: 'POST',
      path: '/v1/payments/webhooks/stripe',
      options: {
        tags: ['api', 'payments'],
        description: 'Stripe webhook: the Stripe-Signature over the raw body is verified, then the event settles once',
        notes:
          'A replayed or retried event is acknowledged with duplicate: true and changes nothing; a forged signature is 400 WEBHOOK_SIGNATURE_INVALID.',
        auth: false,
        // The signature covers the bytes as sent, so the body stays unparsed.
        payload: { output: 'data', parse: false, maxBytes: 1024 * 1024, allow: ['application/json'] },
        response: { status: { 200: receiptSchema, ...errorResponses(400, 503) } },
      },
      handler(request) {
        const signature = request.headers['stripe-signature'];
        return stripe.receiveWebhook(request.payload as Buffer, typeof signature === 'string' ? signature : undefined);
      },
    },
  ],
});
