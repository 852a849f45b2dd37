/** The stable codes of the callback routes and deliveries (listed in core's error catalogue). */
export const CALLBACK_ERROR_CODES = {
  urlInvalid: 'CALLBACK_URL_INVALID',
  endpointNotFound: 'CALLBACK_NOT_FOUND',
  deliveryNotFound: 'CALLBACK_DELIVERY_NOT_FOUND',
  deliveryFailed: 'CALLBACK_DELIVERY_FAILED',
} as const;
