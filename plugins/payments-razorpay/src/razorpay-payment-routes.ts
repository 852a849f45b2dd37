import { defineRoutePlugin, errorResponses, failValidation, idempotent, principalOf, uuidSchema } from '@repogen/core';
import Joi from 'joi';
import { razorpayPaymentsRef } from './razorpay-payments-service.js';

const receiptSchema = Joi.object({
  received: Joi.boolean(),
  eventId: Joi.string(),
  duplicate: Joi.boolean(),
  outcome: Joi.string(),
}).label('RazorpayWebhookReceipt');

export const razorpayPaymentRoutesPlugin = defineRoutePlugin({
  name: 'razorpay-payment-routes',
  deps: { razorpay: razorpayPaymentsRef },
  routes: ({ razorpay }) => [
    idempotent({
      method: 'POST',
      path: '/v1/payments/payment-link',
      options: {
        tags: ['api', 'payments'],
        description: 'A Razorpay payment link that buys credits for a CREDIT account, or pays a postpaid invoice',
        notes:
          'The amount is the host’s: credits × the account’s credit price, or the invoice amount. Settled by the verified webhook only.',
        auth: { access: { scope: ['admin', 'operator', 'service'] } },
        validate: {
          payload: Joi.object({
            accountId: uuidSchema.required(),
            credits: Joi.number().integer().min(1).max(100_000),
            invoiceId: uuidSchema,
          })
            .xor('credits', 'invoiceId')
            .label('PaymentLinkRequest'),
          failAction: failValidation,
        },
        response: {
          status: {
            201: Joi.object({
              paymentId: Joi.string(),
              provider: Joi.string().valid('razorpay'),
              linkId: Joi.string(),
              url: Joi.string(),
              amountPaise: Joi.number().integer(),
              currency: Joi.string(),
            }).label('RazorpayPaymentLink'),
            ...errorResponses(400, 401, 403, 404, 409, 503),
          },
        },
      },
      async handler(request, h) {
        const body = request.payload as { accountId: string; credits?: number; invoiceId?: string };
        return h.response(await razorpay.paymentLink(principalOf(request), body, request.info.id)).code(201);
      },
    }),
    {
      method: 'POST',
      path: '/v1/payments/webhooks/razorpay',
      options: {
        tags: ['api', 'payments'],
        description:
          'Razorpay webhook: X-Razorpay-Signature (HMAC-SHA256 of the raw body) is verified, then the event settles once',
        notes:
          'A replayed or retried event (same X-Razorpay-Event-Id) is acknowledged with duplicate: true and changes nothing; a forged signature is 400 WEBHOOK_SIGNATURE_INVALID.',
        auth: false,
        // The signature covers the bytes as sent, so the body stays unparsed.
        payload: { output: 'data', parse: false, maxBytes: 1024 * 1024, allow: ['application/json'] },
        response: { status: { 200: receiptSchema, ...errorResponses(400, 503) } },
      },
      handler(request) {
        const header = (name: string) => {
          const value = request.headers[name];
          return typeof value === 'string' && value.length > 0 ? value.slice(0, 200) : undefined;
        };
        return razorpay.receiveWebhook(
          request.payload as Buffer,
          header('x-razorpay-signature'),
          header('x-razorpay-event-id'),
        );
      },
    },
  ],
});
