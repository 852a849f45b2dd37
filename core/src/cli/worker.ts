import { coreServices } from '../core-services.js';
import { coreJobs } from '../jobs/core-jobs.js';
import type { ServiceRegistry } from '../registry/service-registry.js';
import { EXIT } from './cli-error.js';
import type { HostRuntime } from './host-runtime.js';
import { shutdownSignal } from './shutdown-signal.js';

/** Starts consuming every core job in this process; `serve --with-worker` shares it. */
export async function startWorker(registry: ServiceRegistry): Promise<void> {
  const jobs = await registry.get(coreServices.jobs);
  await jobs.work(coreJobs, registry);
}

/**
 * Works jobs until SIGTERM or SIGINT, then stops taking jobs, lets running ones finish within
 * the grace period and closes the services (the database pool last).
 */
export async function worker(runtime: HostRuntime): Promise<number> {
  const { logger, registry } = runtime;
  try {
    const database = await registry.get(coreServices.database);
    await startWorker(registry);
    logger.info({ store: database.kind, jobs: coreJobs.map((job) => job.name) }, 'repogen worker running');
    process.stdout.write(`\nRepogen worker is running (store: ${database.kind}). Stop with Ctrl-C.\n\n`);

    const signal = await shutdownSignal();
    logger.info({ signal }, 'shutting down');
    const jobs = await registry.get(coreServices.jobs);
    await jobs.stop();
  } finally {
    await registry.dispose();
  }
  logger.info('stopped');
  return EXIT.ok;
}
