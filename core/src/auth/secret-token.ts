import crypto from 'node:crypto';

/** Prefixes that tell a leaked secret's kind at a glance (and to secret scanners). */
export const TOKEN_PREFIX = { session: 'rgs_', api: 'rga_', service: 'rgv_' } as const;
export type SecretKind = keyof typeof TOKEN_PREFIX;

export interface IssuedSecret {
  /** Shown once to its owner; never stored. */
  readonly secret: string;
  readonly hash: string;
  /** Enough to recognise a token in a list without revealing it. */
  readonly displayPrefix: string;
}

export function issueSecret(kind: SecretKind): IssuedSecret {
  const secret = TOKEN_PREFIX[kind] + crypto.randomBytes(32).toString('base64url');
  return { secret, hash: hashSecret(secret), displayPrefix: secret.slice(0, 10) };
}

export function hashSecret(secret: string): string {
  return crypto.createHash('sha256').update(secret, 'utf8').digest('hex');
}
