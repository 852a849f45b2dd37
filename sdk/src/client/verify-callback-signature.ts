import crypto from 'node:crypto';

/** The header Repogen signs each callback in: `t=<unix seconds>,v1=<hex HMAC-SHA256>`. */
export const CALLBACK_SIGNATURE_HEADER = 'repogen-signature';

/** What to check a received callback against. */
export interface CallbackSignatureCheck {
  /** The secret the callback was registered with. */
  readonly secret: string;
  /** The `repogen-signature` header as received. */
  readonly header: string | null | undefined;
  /** The raw request body, exactly as received (before any JSON parsing). */
  readonly body: string | Buffer;
  /** How far the signed timestamp may be from now, in seconds; 300 by default. */
  readonly toleranceSeconds?: number;
  /** The receiver's clock, in unix seconds (for tests). */
  readonly now?: number;
}

/** `ok: false` says why: a forged or changed body, a stale (replayed) delivery, or a bad header. */
export type CallbackSignatureResult =
  | { readonly ok: true; readonly timestamp: number }
  | { readonly ok: false; readonly reason: 'missing' | 'malformed' | 'stale' | 'mismatch' };

/**
 * Checks a callback's `repogen-signature`: an HMAC-SHA256 with the secret over
 * `"<t>.<body>"`, compared in constant time, and a timestamp within the tolerance so that a
 * delivery captured once cannot be replayed later.
 */
export function verifyCallbackSignature(check: CallbackSignatureCheck): CallbackSignatureResult {
  if (!check.header) return { ok: false, reason: 'missing' };
  const parts = new Map<string, string[]>();
  for (const item of check.header.split(',')) {
    const at = item.indexOf('=');
    if (at <= 0) return { ok: false, reason: 'malformed' };
    const key = item.slice(0, at).trim();
    parts.set(key, [...(parts.get(key) ?? []), item.slice(at + 1).trim()]);
  }
  const t = parts.get('t')?.[0];
  const signatures = parts.get('v1') ?? [];
  if (!t || !/^\d{1,12}$/.test(t) || signatures.length === 0) return { ok: false, reason: 'malformed' };
  const timestamp = Number(t);
  const now = check.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > (check.toleranceSeconds ?? 300)) return { ok: false, reason: 'stale' };
  const body = typeof check.body === 'string' ? Buffer.from(check.body, 'utf8') : check.body;
  const expected = crypto.createHmac('sha256', check.secret).update(`${t}.`).update(body).digest();
  const matches = signatures.some((signature) => {
    if (!/^[0-9a-f]{64}$/i.test(signature)) return false;
    return crypto.timingSafeEqual(Buffer.from(signature, 'hex'), expected);
  });
  return matches ? { ok: true, timestamp } : { ok: false, reason: 'mismatch' };
}
