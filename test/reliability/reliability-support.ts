import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { coreServices, generateReportJob, withTenant, type JobService } from '@repogen/core';
import { reportPackVariant, sbiFixtureInput } from '../reports/report-test-pack.js';
import { buildPackVariant, SBI_PACK_DIR } from '../support/pack-sources.js';
import { cliEnv, spawnCli } from '../support/run-cli.js';
import { json, type TestHost, type TestTenant } from '../support/test-host.js';
import { startTestWorker } from '../support/test-worker.js';

export interface JobView {
  state: string;
  progress: { step: string; state: string; code?: string }[];
  versionId: string | null;
  error: { code: string; message: string; kind: string } | null;
  attempts: number;
}

/**
 * Publishes the small report test pack (the SBI pack with a short template); answers its key.
 * `ownScope` makes it the tenant's own pack (as a bank's custom pack is) instead of a global one;
 * `reviewer` is the firm whose admin publishes it, for a bank, which may not publish its own.
 */
export async function publishReportTestPack(
  host: TestHost,
  tenant: TestTenant,
  options: { ownScope?: boolean; reviewer?: TestTenant } = {},
): Promise<string> {
  const variant = await reportPackVariant();
  const built = await buildPackVariant(SBI_PACK_DIR, {
    ...variant,
    packageJson: (pkg) => {
      variant.packageJson?.(pkg);
      if (options.ownScope) pkg.repogen = { ...pkg.repogen, scope: { kind: 'tenant', tenant: tenant.slug } };
    },
  });
  const pack = { ...built, key: variant.key };
  const upload = await host.server.inject({
    method: 'POST',
    url: '/v1/packs',
    headers: { ...(await tenant.headers('author')), 'content-type': 'application/octet-stream' },
    payload: pack.bytes,
  });
  assert.equal(upload.statusCode, 201, upload.payload);
  const published = await host.server.inject({
    method: 'POST',
    url: `/v1/packs/${pack.key}/versions/${pack.manifest.version}/publish`,
    headers: await (options.reviewer ?? tenant).headers('admin'),
  });
  assert.equal(published.statusCode, 200, published.payload);
  return pack.key;
}

/** A complete report on the SBI fixture; answers its id. */
export async function createFixtureReport(host: TestHost, tenant: TestTenant, packKey: string): Promise<string> {
  const created = await host.server.inject({
    method: 'POST',
    url: '/v1/reports',
    headers: await tenant.headers('operator'),
    payload: {
      packKey,
      title: 'Valuation of Plot 17, Nashik',
      externalKey: `v1:assignment:${Date.now()}-${Math.random()}`,
      data: await sbiFixtureInput(),
    },
  });
  assert.equal(created.statusCode, 201, created.payload);
  return json(created).id as string;
}

export async function requestGeneration(
  host: TestHost,
  tenant: TestTenant,
  reportId: string,
  key: string,
): Promise<string> {
  const response = await host.server.inject({
    method: 'POST',
    url: `/v1/reports/${reportId}/generate`,
    headers: { ...(await tenant.headers('operator')), 'idempotency-key': key },
  });
  assert.equal(response.statusCode, 202, response.payload);
  return json(response).jobId as string;
}

export async function jobView(host: TestHost, tenant: TestTenant, jobId: string): Promise<JobView> {
  const response = await host.server.inject({
    method: 'GET',
    url: `/v1/jobs/${jobId}`,
    headers: await tenant.headers('operator'),
  });
  assert.equal(response.statusCode, 200, response.payload);
  return json(response) as JobView;
}

/** Polls the job until `done` holds for its view, or fails after `timeoutMs`. */
export async function awaitJob(
  host: TestHost,
  tenant: TestTenant,
  jobId: string,
  done: (view: JobView) => boolean,
  timeoutMs: number,
): Promise<JobView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const view = await jobView(host, tenant, jobId);
    if (done(view)) return view;
    if (Date.now() > deadline)
      assert.fail(`job ${jobId} did not get there in ${timeoutMs} ms: ${JSON.stringify(view)}`);
    await sleep(250);
  }
}

export const settled = (view: JobView): boolean => view.state === 'completed' || view.state === 'failed';

export const stepStarted =
  (step: string) =>
  (view: JobView): boolean =>
    view.progress.some((event) => event.step === step && event.state === 'started');

export interface ReportVersionView {
  id: string;
  n: number;
  artifacts: { id: string; kind: string; sha256: string; size: number }[];
}

export async function versionsOf(host: TestHost, tenant: TestTenant, reportId: string): Promise<ReportVersionView[]> {
  const response = await host.server.inject({
    method: 'GET',
    url: `/v1/reports/${reportId}/versions`,
    headers: await tenant.headers('operator'),
  });
  assert.equal(response.statusCode, 200, response.payload);
  return json(response).items as ReportVersionView[];
}

const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');

/** Every artifact of every version downloads in full, and its bytes are the digest it was recorded with. */
export async function assertArtifactsWhole(
  host: TestHost,
  tenant: TestTenant,
  versions: readonly ReportVersionView[],
): Promise<void> {
  const blobs = await host.registry.get(coreServices.blobs);
  for (const version of versions) {
    for (const artifact of version.artifacts) {
      const bytes = await blobs.get(artifact.sha256);
      assert.ok(bytes, `the blob of artifact ${artifact.id} (${artifact.kind}) exists`);
      assert.equal(bytes.length, artifact.size, `artifact ${artifact.id} is whole`);
      assert.equal(sha256(bytes), artifact.sha256, `artifact ${artifact.id} holds the bytes it was recorded with`);
      const download = await host.server.inject({
        method: 'GET',
        url: `/v1/artifacts/${artifact.id}`,
        headers: await tenant.headers('operator'),
      });
      assert.equal(download.statusCode, 200);
      assert.equal(download.rawPayload.length, artifact.size);
    }
  }
}

/** The files under `root`, by relative path, with their sizes. */
export async function blobFiles(root: string): Promise<Record<string, number>> {
  const entries = await fs.promises.readdir(root, { recursive: true, withFileTypes: true }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  });
  const files: Record<string, number> = {};
  for (const entry of entries.filter((candidate) => candidate.isFile())) {
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(root, file)] = (await fs.promises.stat(file)).size;
  }
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * The file blob store under `root` holds only whole blobs: no temporary file of an interrupted
 * write, every file at `ab/cd/<sha256>` with bytes of that digest; and every artifact row of the
 * tenant (the unlisted `pdf-source` included) has its blob there, of the recorded size.
 */
export async function assertBlobStoreWhole(host: TestHost, tenant: TestTenant, root: string): Promise<void> {
  const files = Object.keys(await blobFiles(root));
  const strays = files.filter((file) => !/^([0-9a-f]{2})\/([0-9a-f]{2})\/\1\2[0-9a-f]{60}$/.test(file));
  assert.deepEqual(strays, [], 'no temporary or partial file in the blob store');
  for (const file of files) {
    const bytes = await fs.promises.readFile(path.join(root, file));
    assert.equal(sha256(bytes), path.basename(file), `blob ${file} is whole`);
  }
  const rows = await withTenant(host.database.knex, tenant.id, (trx) =>
    trx('artifacts').select('id', 'kind', 'blob_sha256', 'size'),
  );
  assert.ok(rows.length > 0, 'the tenant has artifacts');
  for (const row of rows as { id: string; kind: string; blob_sha256: string; size: number }[]) {
    const file = path.join(root, row.blob_sha256.slice(0, 2), row.blob_sha256.slice(2, 4), row.blob_sha256);
    const size = await fs.promises.stat(file).then(
      (stat) => stat.size,
      () => undefined,
    );
    assert.equal(size, row.size, `the blob of artifact ${row.id} (${row.kind}) is stored whole`);
  }
}

/** The live descendants of a process (children first), read from /proc. */
export function descendantPids(root: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name is in parentheses and may hold spaces; the parent pid is the second field after it.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // Gone while reading.
    }
  }
  const found: number[] = [];
  const walk = (pid: number) => {
    for (const child of parents.get(pid) ?? []) {
      found.push(child);
      walk(child);
    }
  };
  walk(root);
  return found;
}

export function commandOf(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

export function killPid(pid: number, signal: NodeJS.Signals = 'SIGKILL'): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs: number,
  everyMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

export interface CliProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  output(): string;
  /** Resolves when the process has exited. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts a `repogen` command and waits until its output contains `ready`. */
export async function startCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
  timeoutMs = 60_000,
): Promise<CliProcess> {
  const child = spawnCli(args, env);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const pid = child.pid;
  assert.ok(pid, `repogen ${args.join(' ')} started`);
  const started: CliProcess = { child, pid, output: () => output, exited };
  let gone = false;
  void exited.then(() => (gone = true));
  await waitFor(
    `repogen ${args.join(' ')} to be ready`,
    () => {
      if (gone) assert.fail(`repogen ${args.join(' ')} exited before it was ready:\n${output}`);
      return ready.test(output) ? true : undefined;
    },
    timeoutMs,
  );
  return started;
}

/** Stops a CLI process and whatever it started (LibreOffice, the sandbox), by pid. */
export async function stopCli(cli: CliProcess | undefined): Promise<void> {
  if (!cli) return;
  const descendants = descendantPids(cli.pid);
  if (isAlive(cli.pid)) {
    killPid(cli.pid, 'SIGTERM');
    const stopped = await Promise.race([cli.exited.then(() => true), sleep(15_000).then(() => false)]);
    if (!stopped) killPid(cli.pid, 'SIGKILL');
  }
  for (const pid of descendants) killPid(pid);
}

/** The environment of a worker or host child on the given PostgreSQL, with the test host's data directory (its blob store). */
export function childEnv(dataDir: string, databaseUrl: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return cliEnv(dataDir, { DATABASE_URL: databaseUrl, REPOGEN_LOG_LEVEL: 'warn', ...extra });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A worker for `reports.generate` in the test process, on the host's services, as `repogen worker` runs it. */
export function startInProcessWorker(host: TestHost): Promise<JobService> {
  return startTestWorker(host, [generateReportJob]);
}
