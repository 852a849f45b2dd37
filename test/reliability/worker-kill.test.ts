import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { coreServices, withTenant } from '@repogen/core';
import { BillingDriver } from '../billing/billing-test-support.js';
import { libreOfficeOrSkip } from '../render/render-fixtures.js';
import { createTestHost, type TestHost, type TestTenant } from '../support/test-host.js';
import {
  assertArtifactsWhole,
  assertBlobStoreWhole,
  awaitJob,
  blobFiles,
  childEnv,
  commandOf,
  createFixtureReport,
  descendantPids,
  isAlive,
  killPid,
  publishReportTestPack,
  requestGeneration,
  settled,
  startCli,
  stepStarted,
  stopCli,
  versionsOf,
  waitFor,
  type CliProcess,
} from './reliability-support.js';

const WORKER_READY = /Repogen worker is running/;

/** Where in the pipeline the worker is killed. */
type KillPoint = 'convert-pdf' | 'store';

/**
 * Holds the worker at the kill point once it gets there; answers what lets it go again.
 *
 * convert-pdf: the worker warms LibreOffice at boot; stopping the office makes the conversion
 * hang, so the kill lands in the middle of the pipeline, before any artifact is written.
 *
 * store: the step writes every artifact's blob, then records the version and its artifacts in
 * one transaction. A SHARE lock the test holds on report_versions stops that transaction at its
 * insert (plain reads go on), so the kill lands after the blobs are written and before anything
 * of them is recorded.
 */
async function holdAt(point: KillPoint, worker: CliProcess): Promise<() => Promise<void>> {
  if (point === 'convert-pdf') {
    const office = await waitFor(
      'the worker to start LibreOffice',
      () => descendantPids(worker.pid).find((pid) => commandOf(pid).includes('soffice')),
      60_000,
    );
    killPid(office, 'SIGSTOP');
    return () => Promise.resolve();
  }
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query('BEGIN');
  await client.query('LOCK TABLE report_versions IN SHARE MODE');
  return async () => {
    await client.query('ROLLBACK');
    await client.end();
  };
}

/** Some backend waits for the lock on report_versions: the worker's store transaction got to its insert. */
async function waitingOnVersions(): Promise<true | undefined> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_locks WHERE relation = 'report_versions'::regclass AND NOT granted`,
    );
    return rows[0]!.n > 0 ? true : undefined;
  } finally {
    await client.end();
  }
}

/**
 * A `repogen worker` process killed with SIGKILL in the middle of a generation, at each kill
 * point: the job's heartbeat stops, the queue's supervisor fails the attempt, and a worker
 * started afterwards completes it once; the blob store holds only whole blobs.
 */
describe('reliability: a worker killed in the middle of a generation (PostgreSQL only: needs worker processes)', function () {
  this.timeout(300_000);

  let host: TestHost;
  let firm: TestTenant;
  let packKey: string;
  let dataDir: string;
  let blobRoot: string;
  let billing: BillingDriver;
  let accountId: string;
  let reports = 0;
  const workers: CliProcess[] = [];

  before(async function () {
    if (!process.env.DATABASE_URL) this.skip();
    libreOfficeOrSkip(this);
    // A data directory of the test's own, shared with its worker processes: its blob store holds only what they write.
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'repogen-worker-kill-'));
    host = await createTestHost({ hostEnv: { REPOGEN_DATA_DIR: dataDir } });
    firm = await host.createTenant('firm');
    blobRoot = path.join((await host.registry.get(coreServices.config)).dataDir, 'blobs');
    packKey = await publishReportTestPack(host, firm);
    billing = new BillingDriver(host, firm);
    accountId = (await billing.openAccount({ mode: 'CREDIT' })).id;
    assert.equal((await billing.grant(accountId, 3)).statusCode, 201);
  });

  afterEach(async () => {
    // The next kill point's job goes to a worker of its own.
    for (const worker of workers.splice(0)) await stopCli(worker);
  });

  after(async () => {
    for (const worker of workers) await stopCli(worker);
    await host?.close();
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  });

  const startWorker = async () => {
    const worker = await startCli(['worker'], childEnv(dataDir, process.env.DATABASE_URL!), WORKER_READY);
    workers.push(worker);
    return worker;
  };

  for (const point of ['convert-pdf', 'store'] as const) {
    it(`killed during ${point}: the job completes once after a new worker starts, one new version, whole artifacts and blobs, one audit entry`, async () => {
      const reportId = await createFixtureReport(host, firm, packKey);
      reports += 1;
      const first = await startWorker();
      const release = await holdAt(point, first);
      let jobId: string;
      let orphans: number[];
      const blobsBefore = await blobFiles(blobRoot);
      try {
        jobId = await requestGeneration(host, firm, reportId, crypto.randomUUID());
        await awaitJob(host, firm, jobId, stepStarted(point), 60_000);
        if (point === 'store') await waitFor('the store transaction to wait on the lock', waitingOnVersions, 60_000);
        orphans = descendantPids(first.pid);
        killPid(first.pid, 'SIGKILL');
        await first.exited;
        for (const pid of orphans) killPid(pid);
      } finally {
        await release();
      }
      const killed = await awaitJob(host, firm, jobId, () => true, 1000);
      assert.equal(killed.state, 'active', 'the killed attempt is still recorded as running');
      assert.equal(killed.versionId, null, 'the killed attempt recorded no version');
      const written = Object.keys(await blobFiles(blobRoot)).filter((file) => !(file in blobsBefore));
      if (point === 'store') assert.ok(written.length > 0, 'the killed attempt had written its blobs');
      else assert.deepEqual(written, [], 'the killed attempt had written nothing');

      await startWorker();
      const done = await awaitJob(host, firm, jobId, settled, 120_000);
      assert.equal(done.state, 'completed', JSON.stringify(done));
      assert.ok(done.attempts >= 2, `the job was tried again (attempts: ${done.attempts})`);

      const after = await versionsOf(host, firm, reportId);
      assert.equal(after.length, 1, 'exactly one new version');
      assert.equal(after[0]!.id, done.versionId);
      assert.deepEqual(after[0]!.artifacts.map((artifact) => artifact.kind).sort(), ['docx', 'pdf', 'trace']);
      await assertArtifactsWhole(host, firm, after);
      await assertBlobStoreWhole(host, firm, blobRoot);

      const generated = await withTenant(host.database.knex, firm.id, (trx) =>
        trx('audit_log')
          .where({ action: 'report.generated', target_id: reportId })
          .count<{ count: number }[]>('* as count'),
      );
      assert.equal(Number(generated[0]!.count), 1, 'one report.generated entry for the one version');
      // The credit reserved when the generation was requested is held once: neither lost with the
      // killed attempt nor taken again by the retry (it is consumed at release).
      const reserves = (await billing.ledger(accountId)).filter(
        (entry) => entry.kind === 'reserve' && entry.reportId === reportId,
      );
      assert.equal(reserves.length, 1, 'one reservation for the report');
      await billing.assertSums(accountId, { balance: 3, reserved: reports });
      for (const pid of orphans) assert.equal(isAlive(pid), false, `process ${pid} of the killed worker is gone`);
    });
  }
});
