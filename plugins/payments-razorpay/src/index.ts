import type { HostPlugin, HostPluginContext } from '@repogen/core';
import { razorpayPaymentRoutesPlugin } from './razorpay-payment-routes.js';
import { razorpayPaymentsServiceFactory } from './razorpay-payments-service.js';
import { readRazorpaySettings } from './razorpay-settings.js';

export { razorpayPaymentRoutesPlugin } from './razorpay-payment-routes.js';
export {
  createRazorpayPaymentsService,
  razorpayPaymentsRef,
  type PaymentLink,
  type RazorpayPaymentsService,
  type RazorpayWebhookReceipt,
} from './razorpay-payments-service.js';
export { readRazorpaySettings, type RazorpaySettings } from './razorpay-settings.js';
export { razorpaySignature, verifyRazorpaySignature } from './razorpay-signature.js';

/** Razorpay payment links and their webhook, configured by RAZORPAY_KEY_ID/SECRET, RAZORPAY_WEBHOOK_SECRET and (for tests) RAZORPAY_API_BASE. */
export function createHostPlugin(context: HostPluginContext): HostPlugin {
  const settings = readRazorpaySettings(context.env, context.config);
  return {
    name: '@repogen/plugin-payments-razorpay',
    services: [razorpayPaymentsServiceFactory(settings)],
    routes: [razorpayPaymentRoutesPlugin],
  };
}
