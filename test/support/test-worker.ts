import { createJobService, createLogger, withSystem, type JobDefinition, type JobService } from '@repogen/core';
import type { TestHost } from './test-host.js';

/**
 * A worker for `jobs` on the test host's services, as `repogen worker` runs them. Every test
 * file of a run shares one database and so one job queue: jobs that earlier files queued and
 * never worked (a generate refused nothing to, a reservation test's ten) would otherwise run
 * first, on this test's renderer and clock, so they are cancelled before the worker starts.
 */
export async function startTestWorker(
  host: TestHost,
  jobs: readonly JobDefinition[],
  options: { shutdownGraceMs?: number } = {},
): Promise<JobService> {
  await withSystem(host.database.knex, (trx) =>
    trx.raw(
      `UPDATE pgboss.job SET state = 'cancelled', completed_on = now() WHERE name = ANY(?) AND state IN ('created', 'retry')`,
      [jobs.map((job) => job.name)],
    ),
  );
  const worker = await createJobService({
    database: host.database,
    databaseUrl: process.env.DATABASE_URL,
    logger: createLogger('silent'),
    jobs,
    shutdownGraceMs: options.shutdownGraceMs ?? 10_000,
  });
  await worker.work(jobs, host.registry);
  return worker;
}
