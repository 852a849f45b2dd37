import crypto from 'node:crypto';

/**
 * The `repogen-signature` header of a callback: `t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<body>">`. Signing the timestamp with the body lets a receiver refuse a replayed old
 * delivery; the sdk's `verifyCallbackSignature` is the matching check.
 */
export function signCallback(secret: string, body: string, timestamp: number): string {
  const digest = crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${digest}`;
}
