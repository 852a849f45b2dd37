/** The host's payment plugins and the route each answers a payment link on. */
export const PAYMENT_PROVIDERS = {
  razorpay: { label: 'Razorpay (UPI, netbanking, card)', short: 'Razorpay', path: '/v1/payments/payment-link' },
  stripe: { label: 'Stripe (card)', short: 'Stripe', path: '/v1/payments/checkout-link' },
} as const;

export type PaymentProvider = keyof typeof PAYMENT_PROVIDERS;
