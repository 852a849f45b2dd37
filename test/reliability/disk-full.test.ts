import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  BLOB_STORE_FULL,
  coreServices,
  createFsBlobStore,
  createServiceFactory,
  withTenant,
  type JobService,
} from '@repogen/core';
import { libreOfficeOrSkip } from '../render/render-fixtures.js';
import { prerequisiteOrSkip } from '../support/ci-prerequisite.js';
import { createTestHost, type TestHost, type TestTenant } from '../support/test-host.js';
import {
  assertArtifactsWhole,
  awaitJob,
  createFixtureReport,
  publishReportTestPack,
  requestGeneration,
  settled,
  startInProcessWorker,
  versionsOf,
} from './reliability-support.js';

const run = promisify(execFile);

/** Files under `dir`, recursively, by path relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

/** Writes zeros into `file` until the file system refuses (ENOSPC). */
async function fillDisk(file: string): Promise<void> {
  const handle = await fs.open(file, 'w');
  const chunk = Buffer.alloc(64 * 1024);
  try {
    for (;;) await handle.write(chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * The blob store on a small tmpfs of the test's own (mounting needs root: skipped otherwise, failed in CI),
 * swapped in through the service registry. With the disk full, a generation fails its attempt
 * cleanly (BLOB_STORE_FULL, no version, no stray file, earlier versions whole) and, once there
 * is room again, its retry stores exactly one new version.
 */
describe('reliability: the disk full while storing an artifact', function () {
  this.timeout(180_000);

  let mountPoint: string | undefined;
  let mounted = false;
  let host: TestHost;
  let firm: TestTenant;
  let reportId: string;
  let worker: JobService | undefined;

  before(async function () {
    libreOfficeOrSkip(this);
    mountPoint = await fs.mkdtemp(path.join(os.tmpdir(), 'repogen-disk-full-'));
    try {
      await run('mount', ['-t', 'tmpfs', '-o', 'size=16m,mode=0700', 'tmpfs', mountPoint]);
      mounted = true;
    } catch (error) {
      // execFile's message holds the command and what it printed on stderr.
      const reason = error instanceof Error ? error.message.trim() : String(error);
      prerequisiteOrSkip(this, `a tmpfs of the test's own cannot be mounted (mounting needs root): ${reason}`);
    }
    const root = path.join(mountPoint, 'blobs');
    const blobFactory = createServiceFactory({
      service: coreServices.blobs,
      deps: {},
      create: () => createFsBlobStore(root),
    });
    host = await createTestHost({ services: [blobFactory] });
    firm = await host.createTenant('firm');
    reportId = await createFixtureReport(host, firm, await publishReportTestPack(host, firm));
    worker = await startInProcessWorker(host);
  });

  after(async () => {
    await worker?.stop();
    await host?.close();
    if (mounted) await run('umount', [mountPoint!]);
    if (mountPoint) await fs.rm(mountPoint, { recursive: true, force: true });
  });

  it('fails the attempt with BLOB_STORE_FULL, keeps v1 whole, leaves no partial file, and stores v2 once there is room', async () => {
    const first = await awaitJob(
      host,
      firm,
      await requestGeneration(host, firm, reportId, crypto.randomUUID()),
      settled,
      120_000,
    );
    assert.equal(first.state, 'completed', JSON.stringify(first));
    const before = await versionsOf(host, firm, reportId);
    assert.equal(before.length, 1);

    const filler = path.join(mountPoint!, 'filler');
    await fillDisk(filler);
    const blobsBefore = await filesUnder(path.join(mountPoint!, 'blobs'));

    const jobId = await requestGeneration(host, firm, reportId, crypto.randomUUID());
    const refused = await awaitJob(host, firm, jobId, (view) => view.error !== null || settled(view), 120_000);
    assert.equal(refused.error?.code, BLOB_STORE_FULL, JSON.stringify(refused));
    assert.equal(refused.error?.kind, 'operational');
    assert.deepEqual(await versionsOf(host, firm, reportId), before, 'no new version, v1 unchanged');
    await assertArtifactsWhole(host, firm, before);
    assert.deepEqual(
      await filesUnder(path.join(mountPoint!, 'blobs')),
      blobsBefore,
      'no partial or temporary file was left',
    );
    const artifacts = await withTenant(host.database.knex, firm.id, (trx) =>
      trx('artifacts')
        .join('report_versions', 'report_versions.id', 'artifacts.version_id')
        .where('report_versions.report_id', reportId)
        // The unwatermarked source a release stamps from is stored beside each version, never listed.
        .whereNot('artifacts.kind', 'pdf-source')
        .count<{ count: number }[]>('* as count'),
    );
    assert.equal(Number(artifacts[0]!.count), before[0]!.artifacts.length, 'no artifact row without its version');

    await fs.rm(filler);
    const done = await awaitJob(host, firm, jobId, settled, 120_000);
    assert.equal(done.state, 'completed', JSON.stringify(done));
    const after = await versionsOf(host, firm, reportId);
    assert.deepEqual(
      after.map((version) => version.n),
      [1, 2],
    );
    await assertArtifactsWhole(host, firm, after);
  });
});
