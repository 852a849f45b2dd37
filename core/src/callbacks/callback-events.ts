/** The events a tenant may subscribe a callback URL to. */
export const CALLBACK_EVENTS = ['report.generated', 'report.failed', 'report.released', 'ocr.completed'] as const;
export type CallbackEvent = (typeof CALLBACK_EVENTS)[number];

/** The header each callback is signed in: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export const CALLBACK_SIGNATURE_HEADER = 'repogen-signature';
