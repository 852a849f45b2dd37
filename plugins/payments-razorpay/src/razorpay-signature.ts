import crypto from 'node:crypto';

/** Razorpay's webhook signature: hex HMAC-SHA256 of the raw body with the webhook secret. */
export function razorpaySignature(rawBody: Buffer | string, secret: string): string {
  return crypto.createHmac('sha256', secret).update(rawBody).digest('hex');
}

/** Compares in constant time, so the check does not leak how much of a forgery matched. */
export function verifyRazorpaySignature(rawBody: Buffer, signature: string, secret: string): boolean {
  const expected = Buffer.from(razorpaySignature(rawBody, secret), 'utf8');
  const given = Buffer.from(signature.trim().toLowerCase(), 'utf8');
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}
