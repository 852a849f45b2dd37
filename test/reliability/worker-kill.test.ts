import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { coreServices, withTenant } from '@repogen/core';
import { BillingDriver } from '../billing/billing-test-support.js';
import { libreOfficeOrSkip } from '../render/render-fixtures.js';
import { createTestHost, type TestHost, type TestTenant } from '../support/test-host.js';
import {
  assertArtifactsWhole,
  awaitJob,
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

/**
 * A `repogen worker` process killed with SIGKILL while it converts a report: the job's heartbeat
 * stops, the queue's supervisor fails the attempt, and a worker started afterwards completes it.
 */
describe('reliability: a worker killed in the middle of a generation (PostgreSQL only: needs worker processes)', function () {
  this.timeout(240_000);

  let host: TestHost;
  let firm: TestTenant;
  let reportId: string;
  let dataDir: string;
  let billing: BillingDriver;
  let accountId: string;
  const workers: CliProcess[] = [];

  before(async function () {
    if (!process.env.DATABASE_URL) this.skip();
    libreOfficeOrSkip(this);
    host = await createTestHost();
    firm = await host.createTenant('firm');
    dataDir = (await host.registry.get(coreServices.config)).dataDir;
    reportId = await createFixtureReport(host, firm, await publishReportTestPack(host, firm));
    billing = new BillingDriver(host, firm);
    accountId = (await billing.openAccount({ mode: 'CREDIT' })).id;
    assert.equal((await billing.grant(accountId, 3)).statusCode, 201);
  });

  after(async () => {
    for (const worker of workers) await stopCli(worker);
    await host?.close();
  });

  const startWorker = async () => {
    const worker = await startCli(['worker'], childEnv(dataDir, process.env.DATABASE_URL!), WORKER_READY);
    workers.push(worker);
    return worker;
  };

  it('completes the job once after a new worker starts: one new version, whole artifacts, one audit entry', async () => {
    const first = await startWorker();
    // The worker warms LibreOffice at boot; stopping the office makes the conversion hang, so the
    // kill lands while the job is in the middle of its pipeline, not before or after it.
    const office = await waitFor(
      'the first worker to start LibreOffice',
      () => descendantPids(first.pid).find((pid) => commandOf(pid).includes('soffice')),
      60_000,
    );
    killPid(office, 'SIGSTOP');
    const before = await versionsOf(host, firm, reportId);

    const jobId = await requestGeneration(host, firm, reportId, crypto.randomUUID());
    await awaitJob(host, firm, jobId, stepStarted('convert-pdf'), 60_000);
    const orphans = descendantPids(first.pid);
    killPid(first.pid, 'SIGKILL');
    await first.exited;
    for (const pid of orphans) killPid(pid);
    assert.equal(
      (await awaitJob(host, firm, jobId, () => true, 1000)).state,
      'active',
      'the killed attempt is still recorded as running',
    );

    await startWorker();
    const done = await awaitJob(host, firm, jobId, settled, 120_000);
    assert.equal(done.state, 'completed', JSON.stringify(done));
    assert.ok(done.attempts >= 2, `the job was tried again (attempts: ${done.attempts})`);

    const after = await versionsOf(host, firm, reportId);
    assert.equal(after.length, before.length + 1, 'exactly one new version');
    const created = after.at(-1)!;
    assert.equal(created.id, done.versionId);
    assert.deepEqual(created.artifacts.map((artifact) => artifact.kind).sort(), ['docx', 'pdf', 'trace']);
    await assertArtifactsWhole(host, firm, after);

    const generated = await withTenant(host.database.knex, firm.id, (trx) =>
      trx('audit_log')
        .where({ action: 'report.generated', target_id: reportId })
        .count<{ count: number }[]>('* as count'),
    );
    assert.equal(Number(generated[0]!.count), after.length, 'one report.generated entry per version');
    // The credit reserved when the generation was requested is held once: neither lost with the
    // killed attempt nor taken again by the retry (it is consumed at release).
    const reserves = (await billing.ledger(accountId)).filter((entry) => entry.kind === 'reserve' && entry.reportId === reportId);
    assert.equal(reserves.length, 1, 'one reservation for the report');
    await billing.assertSums(accountId, { balance: 3, reserved: 1 });
    for (const pid of orphans) assert.equal(isAlive(pid), false, `process ${pid} of the killed worker is gone`);
  });
});
