import assert from 'node:assert/strict';
import path from 'node:path';
import { ConfigError, loadConfig } from './config.js';

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env, '/srv/repogen');
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    return error;
  }
  assert.fail(`expected ${JSON.stringify(env)} to be refused`);
}

describe('loadConfig', () => {
  it('has working defaults for a development machine', () => {
    assert.deepEqual(loadConfig({}, '/srv/repogen'), {
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: undefined,
      dataDir: path.resolve('/srv/repogen', 'var'),
      logLevel: 'info',
      production: false,
      sessionTtlHours: 12,
      cookieSecure: false,
      shutdownGraceMs: 10_000,
      paymentWebhookDevBypass: false,
      reservationMaxAgeHours: 168,
    });
  });

  it('reads every setting, and makes cookies secure in production', () => {
    const config = loadConfig(
      {
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: 'postgresql://app@db.internal:5432/repogen',
        REPOGEN_DATA_DIR: '/data',
        REPOGEN_LOG_LEVEL: 'debug',
        NODE_ENV: 'production',
        REPOGEN_SESSION_TTL_HOURS: '8',
        REPOGEN_SHUTDOWN_GRACE_MS: '2500',
      },
      '/srv/repogen',
    );
    assert.equal(config.port, 0);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.databaseUrl, 'postgresql://app@db.internal:5432/repogen');
    assert.equal(config.dataDir, '/data');
    assert.equal(config.logLevel, 'debug');
    assert.equal(config.production, true);
    assert.equal(config.cookieSecure, true);
    assert.equal(config.sessionTtlHours, 8);
    assert.equal(config.shutdownGraceMs, 2500);
    assert.equal(loadConfig({ NODE_ENV: 'production', REPOGEN_COOKIE_SECURE: 'false' }).cookieSecure, false);
  });

  for (const [variable, value] of [
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['DATABASE_URL', 'not a url'],
    ['DATABASE_URL', 'mysql://db/repogen'],
    ['REPOGEN_LOG_LEVEL', 'loud'],
    ['REPOGEN_COOKIE_SECURE', 'yes'],
    ['REPOGEN_SESSION_TTL_HOURS', '0'],
    ['NODE_ENV', 'staging'],
    ['REPOGEN_SOFFICE_BIN', '/nowhere/soffice.bin'],
    ['REPOGEN_STAMP_FONT', '/nowhere/font.ttf'],
  ] as const) {
    it(`refuses ${variable}=${value} with an error naming the variable`, () => {
      const error = configError({ [variable]: value });
      assert.equal(error.variable, variable);
      assert.match(error.message, new RegExp(`^Configuration: ${variable} `));
    });
  }

  it('refuses PAYMENT_WEBHOOK_DEV_BYPASS in production, naming it, and allows it in development', () => {
    const error = configError({ NODE_ENV: 'production', PAYMENT_WEBHOOK_DEV_BYPASS: 'true' });
    assert.equal(error.variable, 'PAYMENT_WEBHOOK_DEV_BYPASS');
    assert.match(error.message, /PAYMENT_WEBHOOK_DEV_BYPASS may not be set when NODE_ENV=production/);
    assert.equal(loadConfig({ PAYMENT_WEBHOOK_DEV_BYPASS: 'true' }).paymentWebhookDevBypass, true);
    assert.equal(loadConfig({ NODE_ENV: 'production', PAYMENT_WEBHOOK_DEV_BYPASS: 'false' }).paymentWebhookDevBypass, false);
  });

  it('refuses an unknown REPOGEN_ variable, since it is most likely a typo', () => {
    const error = configError({ REPOGEN_FOO: '1' });
    assert.equal(error.variable, 'REPOGEN_FOO');
    assert.match(error.message, /REPOGEN_FOO is not a known setting/);
    assert.match(error.message, /REPOGEN_LOG_LEVEL/, 'the message lists the known settings');
  });

  it('knows the renderer’s file settings when the files exist, and the pack CLI’s token', () => {
    assert.doesNotThrow(() => loadConfig({ REPOGEN_UNO_PYTHON: process.execPath, REPOGEN_TOKEN: 'rga_for_repogen_pack' }));
  });

  it('does not print the database URL it refuses, which may hold a password', () => {
    const error = configError({ DATABASE_URL: 'mysql://admin:hunter2@db/repogen' });
    assert.doesNotMatch(error.message, /hunter2/);
  });
});
