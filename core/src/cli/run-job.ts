import { setTimeout as sleep } from 'node:timers/promises';
import { coreServices } from '../core-services.js';
import { hostJobs } from '../jobs/host-jobs.js';
import type { JobRecord, JobService } from '../jobs/job-service.js';
import { CliError, EXIT } from './cli-error.js';
import type { HostRuntime } from './host-runtime.js';

const FINAL_STATES: ReadonlySet<JobRecord['state']> = new Set(['completed', 'failed', 'cancelled']);

/**
 * Sends a host job and works it in this process until it is done, for running maintenance
 * on demand without a worker. A worker elsewhere may take it first; the outcome is the same.
 */
export async function runJob(host: HostRuntime, name: string, payload: unknown, timeoutMs: number): Promise<JobRecord> {
  const known = await hostJobs(host.registry);
  const job = known.find((candidate) => candidate.name === name);
  if (!job) {
    throw new CliError(`No job named ${name} (jobs: ${known.map((candidate) => candidate.name).join(', ')})`, EXIT.usage);
  }
  // The name and payload come from the command line; the payload is checked when the job is taken.
  const jobs = (await host.registry.get(coreServices.jobs)) as JobService;
  await jobs.work([job], host.registry);
  const id = await jobs.send(name, payload);
  if (id === undefined) throw new CliError(`A ${name} job is already waiting to run`, EXIT.failure);

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const record = await jobs.getJob(name, id);
    if (record && FINAL_STATES.has(record.state)) return record;
    if (Date.now() > deadline)
      throw new CliError(`Job ${id} did not finish within ${timeoutMs / 1000} s`, EXIT.failure);
    await sleep(100);
  }
}
