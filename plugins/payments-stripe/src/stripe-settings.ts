import { ConfigError, type Config } from '@repogen/core';

/** Where the Stripe SDK sends its calls; absent means Stripe itself. */
export interface StripeApiAddress {
  readonly host: string;
  readonly port: number;
  readonly protocol: 'http' | 'https';
}

export interface StripeSettings {
  /** Without a secret key the routes answer 503 PAYMENT_PROVIDER_NOT_CONFIGURED. */
  readonly secretKey: string | undefined;
  readonly webhookSecret: string | undefined;
  readonly api: StripeApiAddress | undefined;
  readonly successUrl: string;
  readonly cancelUrl: string;
  /** From the host configuration, which refuses it in production. */
  readonly devBypass: boolean;
}

type Env = Readonly<Record<string, string | undefined>>;

/** An unset and an empty variable both mean: not set. */
function setting(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

function readUrl(env: Env, name: string, fallback: string): URL {
  const raw = setting(env, name) ?? fallback;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http');
    return url;
  } catch {
    throw new ConfigError(name, `must be an http(s) URL, got "${raw}"`);
  }
}

export function readStripeSettings(env: Env, config: Config): StripeSettings {
  const secretKey = setting(env, 'STRIPE_SECRET_KEY');
  if (secretKey !== undefined && !/^(sk|rk)_(test|live)_[A-Za-z0-9]+$/.test(secretKey)) {
    throw new ConfigError('STRIPE_SECRET_KEY', 'must be a Stripe secret key (sk_test_…, sk_live_…)');
  }
  if (secretKey?.includes('_live_') && !config.production) {
    throw new ConfigError('STRIPE_SECRET_KEY', 'is a live key; use a test key outside NODE_ENV=production');
  }
  const webhookSecret = setting(env, 'STRIPE_WEBHOOK_SECRET');
  if (webhookSecret !== undefined && !/^whsec_[A-Za-z0-9]+$/.test(webhookSecret)) {
    throw new ConfigError('STRIPE_WEBHOOK_SECRET', 'must be a webhook signing secret (whsec_…)');
  }
  let api: StripeApiAddress | undefined;
  if (env.STRIPE_API_BASE) {
    const url = readUrl(env, 'STRIPE_API_BASE', '');
    if (config.production && url.protocol !== 'https:')
      throw new ConfigError('STRIPE_API_BASE', 'must be https in production');
    const protocol = url.protocol === 'https:' ? 'https' : 'http';
    api = { host: url.hostname, port: Number(url.port || (protocol === 'https' ? 443 : 80)), protocol };
  }
  return {
    secretKey,
    webhookSecret,
    api,
    successUrl: readUrl(env, 'STRIPE_SUCCESS_URL', 'http://localhost:8080/payments/done?session={CHECKOUT_SESSION_ID}')
      .toString()
      .replace(/%7B/g, '{')
      .replace(/%7D/g, '}'),
    cancelUrl: readUrl(env, 'STRIPE_CANCEL_URL', 'http://localhost:8080/payments/cancelled').toString(),
    devBypass: config.paymentWebhookDevBypass,
  };
}
