/** The events a tenant may subscribe a callback URL to. */
export const CALLBACK_EVENTS = ['report.generated', 'report.failed', 'report.released', 'ocr.completed'] as const;
export type CallbackEvent = (typeof CALLBACK_EVENTS)[number];

export const CALLBACK_SIGNATURE_HEADER = 'repogen-signature';
export const DELIVER_CALLBACK_JOB = 'callbacks.deliver';

export interface DeliverCallbackPayload {
  readonly tenantId: string;
  readonly deliveryId: string;
}

export const CALLBACK_ERROR_CODES = {
  urlInvalid: 'CALLBACK_URL_INVALID',
  endpointNotFound: 'CALLBACK_NOT_FOUND',
  deliveryNotFound: 'CALLBACK_DELIVERY_NOT_FOUND',
  deliveryFailed: 'CALLBACK_DELIVERY_FAILED',
} as const;
