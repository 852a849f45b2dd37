import fs from 'node:fs';
import path from 'node:path';

/** The host's configuration, read from the environment once at boot. */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** PostgreSQL URL; when absent the host runs on embedded PGlite under `dataDir`. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly production: boolean;
  readonly sessionTtlHours: number;
  readonly cookieSecure: boolean;
  readonly shutdownGraceMs: number;
  /** Payment webhooks accepted without a signature check; development only, refused in production. */
  readonly paymentWebhookDevBypass: boolean;
  /** The reconcile sweep releases credits reserved longer than this for a report nobody released. */
  readonly reservationMaxAgeHours: number;
}

export class ConfigError extends Error {
  constructor(readonly variable: string, problem: string) {
    super(`Configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** Files the renderer takes from the environment instead of searching for them. */
const RENDERER_FILE_VARIABLES = ['REPOGEN_SOFFICE_BIN', 'REPOGEN_UNO_PYTHON', 'REPOGEN_STAMP_FONT'] as const;

/** Every REPOGEN_* variable the host knows; any other one is a typo that must stop the boot. */
const KNOWN_REPOGEN_VARIABLES = new Set([
  'REPOGEN_DATA_DIR',
  'REPOGEN_LOG_LEVEL',
  'REPOGEN_SESSION_TTL_HOURS',
  'REPOGEN_COOKIE_SECURE',
  'REPOGEN_SHUTDOWN_GRACE_MS',
  'REPOGEN_RESERVATION_MAX_AGE_HOURS',
  // Read where the renderer finds LibreOffice and the stamp font; checked here to exist.
  ...RENDERER_FILE_VARIABLES,
  // The repogen-pack CLI's token for `publish`; the host does not use it.
  'REPOGEN_TOKEN',
]);

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  for (const name of Object.keys(env)) {
    if (name.startsWith('REPOGEN_') && !KNOWN_REPOGEN_VARIABLES.has(name)) {
      throw new ConfigError(name, `is not a known setting (known: ${[...KNOWN_REPOGEN_VARIABLES].join(', ')})`);
    }
  }
  for (const name of RENDERER_FILE_VARIABLES) {
    const file = env[name];
    if (file !== undefined && file !== '' && !fs.existsSync(file)) throw new ConfigError(name, `names ${file}, which does not exist`);
  }
  const production = readEnum(env, 'NODE_ENV', ['development', 'production', 'test'], 'development') === 'production';
  return {
    port: readInteger(env, 'PORT', 8080, 0, 65535),
    host: readString(env, 'HOST', '0.0.0.0'),
    databaseUrl: readDatabaseUrl(env),
    dataDir: path.resolve(cwd, readString(env, 'REPOGEN_DATA_DIR', 'var')),
    logLevel: readEnum(env, 'REPOGEN_LOG_LEVEL', LOG_LEVELS, 'info'),
    production,
    sessionTtlHours: readInteger(env, 'REPOGEN_SESSION_TTL_HOURS', 12, 1, 24 * 30),
    cookieSecure: readBoolean(env, 'REPOGEN_COOKIE_SECURE', production),
    shutdownGraceMs: readInteger(env, 'REPOGEN_SHUTDOWN_GRACE_MS', 10_000, 0, 120_000),
    paymentWebhookDevBypass: readDevBypass(env, production),
    reservationMaxAgeHours: readInteger(env, 'REPOGEN_RESERVATION_MAX_AGE_HOURS', 7 * 24, 1, 24 * 365),
  };
}

/** Switching off webhook signature checks in production would let anyone mint credits. */
function readDevBypass(env: Env, production: boolean): boolean {
  const bypass = readBoolean(env, 'PAYMENT_WEBHOOK_DEV_BYPASS', false);
  if (bypass && production) throw new ConfigError('PAYMENT_WEBHOOK_DEV_BYPASS', 'may not be set when NODE_ENV=production');
  return bypass;
}

function readString(env: Env, name: string, fallback: string): string {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  return value;
}

function readInteger(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function readEnum<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

function readDatabaseUrl(env: Env): string | undefined {
  const raw = env.DATABASE_URL;
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL', 'is not a URL');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError('DATABASE_URL', `must be a postgres:// URL, got ${url.protocol}//…`);
  }
  return raw;
}
