import { ApiError, messageOf } from '../api/api-error';
import { invoiceLabel } from './invoice-label';

/** Billing refusals in plain words first, the API's own message and code after. */
/** `payment`: the call asked a payment plugin, whose route is missing (404) when the plugin is not installed. */
export function billingErrorText(error: unknown, payment = false): string {
  if (!(error instanceof ApiError)) return messageOf(error);
  if (error.code === 'INSUFFICIENT_CREDITS') {
    const { needed, available } = (error.details ?? {}) as { needed?: number; available?: number };
    const short = needed !== undefined && available !== undefined ? `: ${needed} needed, ${available} available` : '';
    return `Not enough credits${short}. An admin can grant credits or top up on the Billing screen. (${messageOf(error)})`;
  }
  if (error.code === 'INVOICE_UNPAID') {
    const { invoiceId } = (error.details ?? {}) as { invoiceId?: string | null };
    return `Invoice ${invoiceLabel(invoiceId)} is unpaid: pay it or release with an override. (${messageOf(error)})`;
  }
  if (error.code === 'PAYMENT_PROVIDER_NOT_CONFIGURED' || (payment && error.status === 404 && error.code !== 'BILLING_ACCOUNT_NOT_FOUND' && error.code !== 'INVOICE_NOT_FOUND')) {
    return `No payment provider is configured on this host for this choice: ask the host's administrator to set its keys. (${messageOf(error)})`;
  }
  return messageOf(error);
}
