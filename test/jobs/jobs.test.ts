import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Joi from 'joi';
import {
  coreJobs,
  coreServices,
  createJobService,
  createLogger,
  defineJob,
  InvalidError,
  UnavailableError,
  withSystem,
  type JobRecord,
  type JobService,
} from '@repogen/core';
import { createTestHost, randomEmail, type TestHost } from '../support/test-host.js';

const attempts = { refuse: 0, flaky: 0 };

const echoJob = defineJob({
  name: 'test.echo',
  deps: {},
  payloadSchema: Joi.object<{ text: string }>({ text: Joi.string().required() }),
  retry: { limit: 2, backoff: { delaySeconds: 0, exponential: false } },
  handler: (payload) => Promise.resolve({ echoed: payload.text }),
});

const refuseJob = defineJob({
  name: 'test.refuse',
  deps: {},
  payloadSchema: Joi.object({}),
  retry: { limit: 3, backoff: { delaySeconds: 0, exponential: false } },
  handler: () => {
    attempts.refuse += 1;
    return Promise.reject(new InvalidError('REPORT_INCOMPLETE', 'The report misses required fields'));
  },
});

const flakyJob = defineJob({
  name: 'test.flaky',
  deps: {},
  payloadSchema: Joi.object({}),
  retry: { limit: 1, backoff: { delaySeconds: 0, exponential: false } },
  handler: () => {
    attempts.flaky += 1;
    return Promise.reject(new UnavailableError('OCR_UNAVAILABLE', 'The OCR engine is not answering'));
  },
});

const slowJob = defineJob({
  name: 'test.slow',
  deps: {},
  payloadSchema: Joi.object<{ ms: number }>({ ms: Joi.number().integer().min(0).max(5_000).required() }),
  retry: { limit: 0, backoff: { delaySeconds: 0, exponential: false } },
  handler: async (payload) => {
    await sleep(payload.ms);
    return { slept: payload.ms };
  },
});

const testJobs = [...coreJobs, echoJob, refuseJob, flakyJob, slowJob];
const FINAL = new Set(['completed', 'failed', 'cancelled']);

describe('jobs (pg-boss)', function () {
  this.timeout(60_000);
  let host: TestHost;
  let jobs: Awaited<ReturnType<typeof createJobService<(typeof testJobs)[number]>>>;

  async function settled(name: string, id: string | undefined, timeoutMs = 20_000): Promise<JobRecord> {
    assert.ok(id, 'the job was queued');
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const record = await (jobs as JobService).getJob(name, id);
      if (record && FINAL.has(record.state)) return record;
      if (Date.now() > deadline) assert.fail(`job ${name} ${id} is still ${record?.state ?? 'missing'}`);
      await sleep(100);
    }
  }

  before(async () => {
    host = await createTestHost();
    jobs = await createJobService({
      database: host.database,
      databaseUrl: process.env.DATABASE_URL,
      logger: createLogger('silent'),
      jobs: testJobs,
      shutdownGraceMs: 10_000,
    });
    await jobs.work(testJobs, host.registry);
  });

  after(async () => {
    await jobs.stop();
  });

  it('runs a sent job to completion and stores its output', async () => {
    const id = await jobs.send('test.echo', { text: 'hello' });
    const record = await settled('test.echo', id);
    assert.equal(record.state, 'completed');
    assert.deepEqual(record.output, { echoed: 'hello' });
    assert.equal(record.error, undefined);
  });

  it('expires sessions that ended more than a week ago, in every tenant, on demand', async () => {
    const { knex } = host.database;
    const tenants = await host.registry.get(coreServices.tenants);
    const sessions: Record<string, string> = {};
    for (const [label, offsetDays] of [
      ['long expired', -8],
      ['recently expired', -1],
      ['live', 1],
    ] as const) {
      const tenant = await host.createTenant();
      const user = await tenants.createUser(
        tenant.id,
        { system: 'test' },
        {
          email: randomEmail(),
          displayName: label,
          password: 'a sufficiently long one',
          role: 'operator',
        },
      );
      const [row] = await withSystem(knex, (trx) => trx('sessions')
        .insert({
          tenant_id: tenant.id,
          user_id: user.id,
          token_hash: crypto.randomBytes(32).toString('hex'),
          expires_at: new Date(Date.now() + offsetDays * 86_400_000),
        })
        .returning<{ id: string }[]>('id'));
      sessions[label] = row!.id;
    }

    const id = await jobs.send('maintenance.expire-sessions', { olderThanDays: 7 });
    const record = await settled('maintenance.expire-sessions', id);
    assert.equal(record.state, 'completed', JSON.stringify(record.error));
    assert.ok(Number(record.output?.deleted) >= 1, JSON.stringify(record.output));

    // Sessions of several tenants, read past row-level security as the job sees them.
    const left = await withSystem(knex, (trx) => trx('sessions').whereIn('id', Object.values(sessions)).pluck<string[]>('id'));
    assert.deepEqual(new Set(left), new Set([sessions['recently expired'], sessions.live]));
  });

  it('schedules session expiry and the stale-file sweep daily', async () => {
    const rows = await withSystem(host.database.knex, (trx) => trx
      .withSchema('pgboss')
      .from('schedule')
      .whereIn('name', ['maintenance.expire-sessions', 'maintenance.sweep-stale-files'])
      .orderBy('name')
      .select<{ name: string; cron: string }[]>('name', 'cron'));
    assert.deepEqual(
      rows.map((row) => [row.name, row.cron]),
      [
        ['maintenance.expire-sessions', '17 3 * * *'],
        ['maintenance.sweep-stale-files', '47 3 * * *'],
      ],
    );
  });

  it('sweeps what a killed process left in the data directory, and nothing in use', async () => {
    const { dataDir } = await host.registry.get(coreServices.config);
    const digest = crypto.randomBytes(32).toString('hex');
    const folder = path.join(dataDir, 'blobs', digest.slice(0, 2), digest.slice(2, 4));
    const aged = async (file: string, hours: number) => {
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, 'left behind');
      const at = new Date(Date.now() - hours * 3_600_000);
      await fs.utimes(file, at, at);
    };
    const files = {
      staleBlobPart: path.join(folder, `${digest}.999999.a1b2c3.tmp`),
      liveBlobPart: path.join(folder, `${digest}.999999.d4e5f6.tmp`),
      blob: path.join(folder, digest),
      staleUpload: path.join(dataDir, 'uploads', `${digest}-upload`),
      liveUpload: path.join(dataDir, 'uploads', `${digest}-live-upload`),
    };
    await aged(files.staleBlobPart, 30);
    await aged(files.liveBlobPart, 0);
    await aged(files.blob, 30);
    await aged(files.staleUpload, 30);
    await aged(files.liveUpload, 0);

    const record = await settled('maintenance.sweep-stale-files', await jobs.send('maintenance.sweep-stale-files', { olderThanHours: 24 }));
    assert.equal(record.state, 'completed', JSON.stringify(record.error));
    const exists = (file: string) => fs.access(file).then(() => true, () => false);
    assert.deepEqual(
      Object.fromEntries(await Promise.all(Object.entries(files).map(async ([name, file]) => [name, await exists(file)]))),
      { staleBlobPart: false, liveBlobPart: true, blob: true, staleUpload: false, liveUpload: true },
    );
    await Promise.all([files.liveBlobPart, files.blob, files.liveUpload].map((file) => fs.rm(file, { force: true })));
  });

  it('fails a job for good, with its code and no retry, when the handler raises a user error', async () => {
    attempts.refuse = 0;
    const record = await settled('test.refuse', await jobs.send('test.refuse', {}));
    assert.equal(record.state, 'failed');
    assert.equal(record.retryCount, 0);
    assert.deepEqual(record.error, {
      code: 'REPORT_INCOMPLETE',
      message: 'The report misses required fields',
      kind: 'user',
    });
    assert.equal(attempts.refuse, 1);
  });

  it('retries an operational error up to the limit, then fails with its code', async () => {
    attempts.flaky = 0;
    const record = await settled('test.flaky', await jobs.send('test.flaky', {}));
    assert.equal(record.state, 'failed');
    assert.equal(record.retryCount, 1);
    assert.equal(record.error?.code, 'OCR_UNAVAILABLE');
    assert.equal(record.error?.kind, 'operational');
    assert.equal(attempts.flaky, 2);
  });

  it('fails a job whose payload does not pass its schema with JOB_PAYLOAD_INVALID, without retry', async () => {
    const id = await jobs.send('test.echo', { text: 42 } as unknown as { text: string });
    const record = await settled('test.echo', id);
    assert.equal(record.state, 'failed');
    assert.equal(record.retryCount, 0);
    assert.equal(record.error?.code, 'JOB_PAYLOAD_INVALID');
    assert.match(record.error?.message ?? '', /text/);
  });

  it('refuses to send a job it does not know', async () => {
    await assert.rejects((jobs as JobService).send('test.unknown', {}), /No job definition named test\.unknown/);
  });

  it('lets a running job finish when stopped', async () => {
    const id = await jobs.send('test.slow', { ms: 800 });
    assert.ok(id);
    const deadline = Date.now() + 10_000;
    while ((await jobs.getJob('test.slow', id))?.state !== 'active') {
      assert.ok(Date.now() < deadline, 'the job started');
      await sleep(50);
    }
    await jobs.stop();
    const [row] = await withSystem(host.database.knex, (trx) => trx
      .withSchema('pgboss')
      .from('job')
      .where({ id })
      .select<{ state: string; output: unknown }[]>('state', 'output'));
    assert.equal(row?.state, 'completed');
    assert.deepEqual(row.output, { slept: 800 });
  });
});
