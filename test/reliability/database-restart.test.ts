import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../support/run-cli.js';
import { prerequisiteOrSkip } from '../support/ci-prerequisite.js';
import {
  createPrivatePostgres,
  POSTGRES_BIN,
  privatePostgresAvailable,
  type PrivatePostgres,
} from './private-postgres.js';
import { childEnv, freePort, startCli, stopCli, waitFor, type CliProcess } from './reliability-support.js';

interface Answer {
  status: number;
  body: Record<string, unknown>;
  ms: number;
}

/**
 * `repogen serve` on a private PostgreSQL cluster that the test stops and starts again: the host
 * reports the outage on `/v1/health`, answers 503 quickly meanwhile, and recovers by itself.
 */
describe('reliability: PostgreSQL restarted while the host runs (PostgreSQL only: a private cluster of the test)', function () {
  this.timeout(180_000);

  let cluster: PrivatePostgres | undefined;
  let host: CliProcess | undefined;
  let dataDir: string;
  let base: string;
  let token: string;

  const get = async (url: string, auth = false): Promise<Answer> => {
    const started = Date.now();
    const response = await fetch(`${base}${url}`, {
      headers: auth ? { authorization: `Bearer ${token}` } : {},
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      ms: Date.now() - started,
    };
  };

  before(async function () {
    if (!process.env.DATABASE_URL) this.skip();
    prerequisiteOrSkip(
      this,
      privatePostgresAvailable()
        ? undefined
        : `initdb and pg_ctl are not in ${POSTGRES_BIN} (Debian's postgresql-15 package)`,
    );
    cluster = await createPrivatePostgres();
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'repogen-db-restart-'));
    const env = childEnv(dataDir, cluster.url);
    const tenant = await runCli(['tenant', 'create', '--slug', 'restart-firm', '--name', 'Restart Firm'], env);
    assert.equal(tenant.code, 0, tenant.stderr);
    const issued = await runCli(
      ['token', 'create', '--tenant', 'restart-firm', '--name', 'probe', '--role', 'operator'],
      env,
    );
    assert.equal(issued.code, 0, issued.stderr);
    token = (JSON.parse(issued.stdout) as { secret: string }).secret;
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    host = await startCli(
      ['serve'],
      { ...env, PORT: String(port), HOST: '127.0.0.1' },
      /Repogen is serving on/,
      120_000,
    );
  });

  after(async () => {
    await stopCli(host);
    await cluster?.destroy();
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('says so on /v1/health, answers 503 rather than hang, and recovers without a restart of its own', async () => {
    assert.deepEqual((await get('/v1/health')).body, { status: 'ok', database: 'up' });
    assert.equal((await get('/v1/reports', true)).status, 200);

    await cluster!.stop();
    const health = await get('/v1/health');
    assert.equal(health.status, 503);
    assert.deepEqual(health.body, { status: 'degraded', database: 'down' });
    assert.ok(health.ms < 5_000, `health answered in ${health.ms} ms`);
    for (const url of ['/v1/reports', '/v1/auth/me', '/v1/packs']) {
      const answer = await get(url, true);
      assert.equal(answer.status, 503, `${url}: ${JSON.stringify(answer.body)}`);
      assert.equal(answer.body.code, 'DATABASE_UNAVAILABLE', url);
      assert.ok(answer.ms < 10_000, `${url} answered in ${answer.ms} ms`);
    }
    // Needs no database, so it goes on answering.
    assert.equal((await get('/v1/meta')).status, 200);

    await cluster!.start();
    await waitFor(
      'the host to see the database again',
      async () => ((await get('/v1/health')).status === 200 ? true : undefined),
      60_000,
      500,
    );
    const reports = await get('/v1/reports', true);
    assert.equal(reports.status, 200, JSON.stringify(reports.body));
    assert.equal((await get('/v1/auth/me', true)).status, 200);
    const alive = await Promise.race([host!.exited.then(() => false), Promise.resolve(true)]);
    assert.ok(alive, `the host process kept running:\n${host!.output()}`);
  });
});
