import { ConfigError, type Config } from '@repogen/core';

export interface RazorpaySettings {
  /** Without key id and secret the routes answer 503 PAYMENT_PROVIDER_NOT_CONFIGURED. */
  readonly keyId: string | undefined;
  readonly keySecret: string | undefined;
  readonly webhookSecret: string | undefined;
  /** Razorpay's REST API, or a local server in tests. */
  readonly apiBase: string;
  readonly callbackUrl: string | undefined;
  /** From the host configuration, which refuses it in production. */
  readonly devBypass: boolean;
}

type Env = Readonly<Record<string, string | undefined>>;

/** An unset and an empty variable both mean: not set. */
function setting(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

function readUrl(env: Env, name: string): URL | undefined {
  const raw = setting(env, name);
  if (raw === undefined) return undefined;
  try {
    const url = new URL(raw);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url;
  } catch {
    // Reported below with the variable's name.
  }
  throw new ConfigError(name, `must be an http(s) URL, got "${raw}"`);
}

export function readRazorpaySettings(env: Env, config: Config): RazorpaySettings {
  const keyId = setting(env, 'RAZORPAY_KEY_ID');
  const keySecret = setting(env, 'RAZORPAY_KEY_SECRET');
  if (keyId !== undefined && !/^rzp_(test|live)_[A-Za-z0-9]+$/.test(keyId))
    throw new ConfigError('RAZORPAY_KEY_ID', 'must be a Razorpay key id (rzp_test_…, rzp_live_…)');
  if ((keyId === undefined) !== (keySecret === undefined)) {
    const [set, missing] =
      keyId === undefined ? ['RAZORPAY_KEY_SECRET', 'RAZORPAY_KEY_ID'] : ['RAZORPAY_KEY_ID', 'RAZORPAY_KEY_SECRET'];
    throw new ConfigError(set, `needs ${missing} as well`);
  }
  if (keyId?.startsWith('rzp_live_') && !config.production)
    throw new ConfigError('RAZORPAY_KEY_ID', 'is a live key; use a test key outside NODE_ENV=production');
  const webhookSecret = setting(env, 'RAZORPAY_WEBHOOK_SECRET');
  if (webhookSecret !== undefined && webhookSecret.length < 8)
    throw new ConfigError('RAZORPAY_WEBHOOK_SECRET', 'must be at least 8 characters');
  const api = readUrl(env, 'RAZORPAY_API_BASE');
  if (api && config.production && api.protocol !== 'https:')
    throw new ConfigError('RAZORPAY_API_BASE', 'must be https in production');
  return {
    keyId,
    keySecret,
    webhookSecret,
    apiBase: (api?.toString() ?? 'https://api.razorpay.com/').replace(/\/+$/, ''),
    callbackUrl: readUrl(env, 'RAZORPAY_CALLBACK_URL')?.toString(),
    devBypass: config.paymentWebhookDevBypass,
  };
}
