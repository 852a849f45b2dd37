import { coreServices } from '../core-services.js';
import { flushLogs } from '../logging/logger.js';
import { installBundledPacks } from '../packs/bundled-packs.js';
import { createServer } from '../server/create-server.js';
import { EXIT } from './cli-error.js';
import { ensureDemoLogin } from './demo-seed.js';
import type { HostRuntime } from './host-runtime.js';
import { shutdownSignal } from './shutdown-signal.js';
import { startWorker } from './worker.js';

export interface ServeOptions {
  readonly demo: boolean;
  /** Also works jobs in this process, so that one process is a whole host. */
  readonly withWorker: boolean;
}

/**
 * Serves until SIGTERM or SIGINT, then stops accepting, lets in-flight requests finish
 * within the grace period, stops the jobs (letting running ones finish) and closes the
 * services (the database pool last).
 */
export async function serve(runtime: HostRuntime, options: ServeOptions): Promise<number> {
  const { config, logger, registry } = runtime;
  try {
    const database = await registry.get(coreServices.database);
    const server = await createServer({ registry });
    const demo = options.demo ? await ensureDemoLogin(registry, config.dataDir) : undefined;
    const packs = await installBundledPacks(await registry.get(coreServices.packs), logger);
    if (options.withWorker) await startWorker(registry);
    await server.start();
    logger.info({ uri: server.info.uri, store: database.kind, worker: options.withWorker }, 'repogen listening');

    const url = `http://localhost:${server.info.port}`;
    flushLogs(logger);
    process.stdout.write(`\nRepogen is serving on ${url} (store: ${database.kind})\n`);
    process.stdout.write(`  API documentation: ${url}/documentation\n`);
    if (options.withWorker) process.stdout.write('  Background jobs run in this process.\n');
    for (const pack of packs) {
      process.stdout.write(
        `  Pack ${pack.key}@${pack.version}: ${pack.outcome}${pack.error ? ` (${pack.error})` : ''}\n`,
      );
    }
    if (demo) {
      process.stdout.write(`  Sign in: ${demo.email} / ${demo.password} (tenant "${demo.tenant}")\n`);
      process.stdout.write(
        `  e.g. curl -c cookies -H 'content-type: application/json' -d '{"email":"${demo.email}","password":"…"}' ${url}/v1/auth/login\n`,
      );
    }
    process.stdout.write('  Stop with Ctrl-C.\n\n');

    const signal = await shutdownSignal();
    logger.info({ signal }, 'shutting down');
    await server.stop({ timeout: config.shutdownGraceMs });
    if (options.withWorker) {
      const jobs = await registry.get(coreServices.jobs);
      await jobs.stop();
    }
  } finally {
    await registry.dispose();
  }
  logger.info('stopped');
  return EXIT.ok;
}
