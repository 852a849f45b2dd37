import type { HostPlugin, HostPluginContext } from '@repogen/core';
import { stripePaymentRoutesPlugin } from './stripe-payment-routes.js';
import { stripePaymentsServiceFactory } from './stripe-payments-service.js';
import { readStripeSettings } from './stripe-settings.js';

export { stripePaymentRoutesPlugin } from './stripe-payment-routes.js';
export {
  createStripePaymentsService,
  stripePaymentsRef,
  type CheckoutLink,
  type StripePaymentsService,
  type WebhookReceipt,
} from './stripe-payments-service.js';
export { readStripeSettings, type StripeSettings } from './stripe-settings.js';

/** Stripe Checkout and its webhook, configured by STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET and (for tests) STRIPE_API_BASE. */
export function createHostPlugin(context: HostPluginContext): HostPlugin {
  const settings = readStripeSettings(context.env, context.config);
  return {
    name: '@repogen/plugin-payments-stripe',
    services: [stripePaymentsServiceFactory(settings)],
    routes: [stripePaymentRoutesPlugin],
  };
}
