import { coreServices } from '../core-services.js';
import { hostJobs } from '../jobs/host-jobs.js';
import { flushLogs, type Logger } from '../logging/logger.js';
import { CarboneDocumentRenderer } from '../render/index.js';
import type { ServiceRegistry } from '../registry/service-registry.js';
import { EXIT } from './cli-error.js';
import type { HostRuntime } from './host-runtime.js';
import { shutdownSignal } from './shutdown-signal.js';

/** Starts consuming every host job in this process; `serve --with-worker` shares it. */
export async function startWorker(registry: ServiceRegistry): Promise<void> {
  const jobs = await registry.get(coreServices.jobs);
  await jobs.work(await hostJobs(registry), registry);
}

/**
 * Starts LibreOffice now rather than in the first generation, so a machine without it says so
 * at boot (RENDERER_UNAVAILABLE) and the first job does not pay the office's start. Jobs still
 * run (and retry) if this fails: the converter also starts on first use.
 */
async function warmRenderer(registry: ServiceRegistry, logger: Logger): Promise<void> {
  try {
    const renderer = await registry.get(coreServices.renderer);
    if (renderer instanceof CarboneDocumentRenderer) await renderer.converter.start();
    logger.info('document converter ready');
  } catch (error) {
    logger.error({ err: error }, 'document converter not started; report generation will retry until it is available');
  }
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
    void warmRenderer(registry, logger);
    logger.info({ store: database.kind, jobs: (await hostJobs(registry)).map((job) => job.name) }, 'repogen worker running');
    flushLogs(logger);
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
