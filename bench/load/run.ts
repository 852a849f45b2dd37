/**
 * Repogen under load, on loopback, with real processes (`repogen serve` and `repogen worker`):
 *
 * 1. polling: 200 concurrent clients alternate `GET /v1/jobs/{id}` and `GET /v1/reports` for
 *    60 s, each on its own connection, polling once per `--poll-interval-ms` (1 s, as the admin UI
 *    and V1 poll a job) on an open schedule (polling-clients.ts); p50, p99, errors. Target p99 <
 *    50 ms and zero errors with the clients' phases spread, as independent clients' are, after a
 *    10 s warm-up of the same traffic (printed, not counted). Then the same clients in step (a
 *    burst of 200 every second, the worst case) and with no pause at all (autocannon: the host's
 *    capacity in requests per second), both printed without a target.
 * 2. throughput: reports generated per minute (DOCX + PDF, SBI Format A fixture) with 1 and with
 *    2 worker processes, side by side. Needs PostgreSQL (the embedded store belongs to one
 *    process): skipped with a message when DATABASE_URL is unset.
 * 3. idempotency: 100 concurrent generate calls with one Idempotency-Key → one job.
 *
 *   DATABASE_URL=postgres://… npm run bench:load -- [--seconds 60] [--connections 200] [--poll-interval-ms 1000] [--reports 8]
 *
 * Without DATABASE_URL, 1 and 3 run on a fresh embedded store with `serve --with-worker`.
 * The database's tenants grow by one per run (a `bench-…` tenant); on PostgreSQL the blob store
 * is `var/bench-load/blobs`, kept between runs.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { runPollingClients, type PollingResult } from './polling-clients.js';
import { freePort, readJson, repogenEnv, runRepogen, startRepogen, type RepogenProcess } from './repogen-processes.js';

const SBI_FIXTURE = fileURLToPath(
  new URL('../../template-packs/sbi-under-5cr-v1/fixtures/domain-sample.input.json', import.meta.url),
);
const SBI_KEY = 'SBI_UNDER_5CR_V1';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    connections: { type: 'string', default: '200' },
    'poll-interval-ms': { type: 'string', default: '1000' },
    reports: { type: 'string', default: '8' },
    idempotent: { type: 'string', default: '100' },
  },
});
const seconds = Number(args.seconds);
const connections = Number(args.connections);
const pollIntervalMs = Number(args['poll-interval-ms']);
const reportsPerRun = Number(args.reports);
const WARM_UP_SECONDS = 10;
const idempotentCalls = Number(args.idempotent);

const databaseUrl = process.env.DATABASE_URL;
const running: RepogenProcess[] = [];

interface Client {
  readonly base: string;
  readonly headers: Record<string, string>;
}

async function call<T>(
  client: Client,
  method: string,
  url: string,
  body?: object,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${client.base}${url}`, {
    method,
    headers: { ...client.headers, ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
}

async function createReport(client: Client, data: object, n: number): Promise<string> {
  const created = await call<{ id: string }>(client, 'POST', '/v1/reports', {
    packKey: SBI_KEY,
    title: `Bench report ${n}`,
    externalKey: `bench:${crypto.randomUUID()}`,
    data,
  });
  if (created.status !== 201)
    throw new Error(`POST /v1/reports answered ${created.status}: ${JSON.stringify(created.body)}`);
  return created.body.id;
}

async function generate(
  client: Client,
  reportId: string,
  key = crypto.randomUUID(),
): Promise<{ status: number; body: { jobId: string; created: boolean } }> {
  return call(client, 'POST', `/v1/reports/${reportId}/generate`, undefined, { 'idempotency-key': key });
}

async function awaitJobs(
  client: Client,
  jobIds: readonly string[],
  timeoutMs: number,
): Promise<{ completed: number; failed: number }> {
  const pending = new Set(jobIds);
  let completed = 0;
  let failed = 0;
  const deadline = Date.now() + timeoutMs;
  while (pending.size > 0 && Date.now() < deadline) {
    for (const id of [...pending]) {
      const job = await call<{ state: string }>(client, 'GET', `/v1/jobs/${id}`);
      if (job.body.state === 'completed') completed += 1;
      else if (job.body.state === 'failed') failed += 1;
      else continue;
      pending.delete(id);
    }
    if (pending.size > 0) await sleep(250);
  }
  return { completed, failed };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

/** The same clients with no pause between requests (autocannon): the host's capacity, not a latency target. */
async function saturate(client: Client, jobId: string): Promise<void> {
  const result = await autocannon({
    url: client.base,
    connections,
    duration: seconds,
    headers: client.headers,
    requests: [
      { method: 'GET', path: `/v1/jobs/${jobId}` },
      { method: 'GET', path: '/v1/reports?limit=20' },
    ],
  });
  const errors = result.errors + result.timeouts + result.non2xx;
  console.log(
    `   requests ${result.requests.total} (${result.requests.average.toFixed(0)}/s)  p50 ${ms(result.latency.p50)}  p99 ${ms(result.latency.p99)}  max ${ms(result.latency.max)}  errors ${errors} (non-2xx ${result.non2xx}, timeouts ${result.timeouts})`,
  );
}

async function polling(client: Client, jobId: string): Promise<void> {
  console.log(
    `\n1. polling: ${connections} clients, ${seconds} s, each GET /v1/jobs/{id} or GET /v1/reports once per ${pollIntervalMs} ms`,
  );
  const poll = (phases: 'spread' | 'in-step', duration = seconds) =>
    runPollingClients({
      base: client.base,
      headers: client.headers,
      paths: [`/v1/jobs/${jobId}`, '/v1/reports?limit=20'],
      clients: connections,
      periodMs: pollIntervalMs,
      seconds: duration,
      phases,
    });
  const line = (result: PollingResult, duration = seconds) =>
    `requests ${result.requests} (${(result.requests / duration).toFixed(0)}/s)  p50 ${ms(result.p50)}  p99 ${ms(result.p99)}  max ${ms(result.max)}  errors ${result.errors}`;

  // The host's first seconds under this traffic grow its connection pools (min 0, as knex
  // advises) and compile its hot paths; printed, but the target is on the steady state after.
  const warmUp = await poll('spread', WARM_UP_SECONDS);
  console.log(`   warm-up, ${WARM_UP_SECONDS} s of the same traffic (not counted): ${line(warmUp, WARM_UP_SECONDS)}`);
  const spread = await poll('spread');
  console.log(`   clients polling independently (each starts at a random point of the first period):`);
  console.log(`   ${line(spread)}`);
  console.log(`   target p99 < 50 ms and zero errors: ${spread.p99 < 50 && spread.errors === 0 ? 'met' : 'NOT met'}`);
  console.log(
    `   in step: every client polls at the same instant (a burst of ${connections} each period; the worst case, no target):`,
  );
  console.log(`   ${line(await poll('in-step'))}`);
  console.log(`   saturation: the same ${connections} clients with no pause (the host's capacity, no target):`);
  await saturate(client, jobId);
}

async function throughput(client: Client, data: object, workerEnv: NodeJS.ProcessEnv): Promise<void> {
  console.log(`\n2. throughput: ${reportsPerRun} reports (DOCX + PDF, SBI fixture) per run`);
  const figures: string[] = [];
  for (const workers of [1, 2]) {
    while (running.filter((process) => process.child.spawnargs.includes('worker')).length < workers) {
      running.push(await startRepogen(['worker'], workerEnv, /Repogen worker is running/));
    }
    // The converter warms at boot; let it, so both runs measure generation, not LibreOffice's start.
    await sleep(3000);
    const reports = await Promise.all(Array.from({ length: reportsPerRun }, (_, n) => createReport(client, data, n)));
    const started = performance.now();
    const jobs = await Promise.all(reports.map(async (id) => (await generate(client, id)).body.jobId));
    const { completed, failed } = await awaitJobs(client, jobs, 15 * 60_000);
    const minutes = (performance.now() - started) / 60_000;
    figures.push(
      `${workers} worker${workers > 1 ? 's' : ' '}: ${(completed / minutes).toFixed(1)} reports/min (${completed} in ${(minutes * 60).toFixed(1)} s${failed ? `, ${failed} failed` : ''})`,
    );
  }
  for (const line of figures) console.log(`   ${line}`);
}

async function idempotency(client: Client, data: object): Promise<void> {
  console.log(`\n3. idempotency: ${idempotentCalls} concurrent generate calls with one Idempotency-Key`);
  const reportId = await createReport(client, data, 0);
  const key = crypto.randomUUID();
  const answers = await Promise.all(Array.from({ length: idempotentCalls }, () => generate(client, reportId, key)));
  const statuses = new Map<number, number>();
  for (const answer of answers) statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
  const jobs = new Set(answers.filter((answer) => answer.status === 202).map((answer) => answer.body.jobId));
  const created = answers.filter((answer) => answer.body.created).length;
  const refusals = new Map<string, number>();
  for (const answer of answers.filter((candidate) => candidate.status !== 202)) {
    const code = (answer.body as unknown as { code?: string }).code ?? String(answer.status);
    refusals.set(code, (refusals.get(code) ?? 0) + 1);
  }
  if (refusals.size > 0) console.log(`   refused: ${JSON.stringify(Object.fromEntries(refusals))}`);
  console.log(
    `   statuses ${JSON.stringify(Object.fromEntries(statuses))}  distinct jobs ${jobs.size}  created ${created}: ${jobs.size === 1 && created === 1 ? 'one job' : 'NOT one job'}`,
  );
}

async function main(): Promise<void> {
  // On PostgreSQL the blob store must outlive the run, as the database does: the installed
  // packs' archives live there. The embedded store lives in the data directory, so a fresh one does.
  const dataDir = databaseUrl
    ? path.resolve(fileURLToPath(new URL('../../var/bench-load', import.meta.url)))
    : await fs.mkdtemp(path.join(os.tmpdir(), 'repogen-bench-load-'));
  await fs.mkdir(dataDir, { recursive: true });
  try {
    const env = repogenEnv(dataDir, databaseUrl);
    const slug = `bench-${crypto.randomBytes(4).toString('hex')}`;
    await runRepogen(['migrate'], env);
    await runRepogen(['tenant', 'create', '--slug', slug, '--name', 'Load bench'], env);
    const token = JSON.parse(
      await runRepogen(['token', 'create', '--tenant', slug, '--name', 'bench', '--role', 'operator'], env),
    ) as { secret: string };
    const port = await freePort();
    const serveArgs = databaseUrl ? ['serve'] : ['serve', '--with-worker'];
    running.push(
      await startRepogen(serveArgs, { ...env, PORT: String(port), HOST: '127.0.0.1' }, /Repogen is serving on/),
    );
    if (databaseUrl) running.push(await startRepogen(['worker'], env, /Repogen worker is running/));
    console.log(
      `Repogen load bench on ${databaseUrl ? 'PostgreSQL' : 'embedded PGlite'} (${os.cpus().length} cores), host + one worker${databaseUrl ? ' process' : ' in the same process'}`,
    );

    const client: Client = { base: `http://127.0.0.1:${port}`, headers: { authorization: `Bearer ${token.secret}` } };
    const data = readJson<object>(SBI_FIXTURE);
    for (let n = 0; n < 20; n += 1) await createReport(client, data, n);
    const pollReport = await createReport(client, data, 0);
    const pollJob = (await generate(client, pollReport)).body.jobId;
    await awaitJobs(client, [pollJob], 5 * 60_000);

    await polling(client, pollJob);
    if (databaseUrl) await throughput(client, data, env);
    else console.log('\n2. throughput: skipped — 1 and 2 worker processes need PostgreSQL; set DATABASE_URL');
    await idempotency(client, data);
  } catch (error) {
    for (const process of running)
      console.error(`--- ${process.child.spawnargs.slice(3).join(' ')}:\n${process.output()}`);
    throw error;
  } finally {
    for (const process of running.reverse()) await process.stop();
    if (!databaseUrl) await fs.rm(dataDir, { recursive: true, force: true });
  }
}

await main();
