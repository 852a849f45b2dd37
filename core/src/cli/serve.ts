import { coreServices } from '../core-services.js';
import { createServer } from '../server/create-server.js';
import { EXIT } from './cli-error.js';
import { ensureDemoLogin } from './demo-seed.js';
import type { HostRuntime } from './host-runtime.js';

/**
 * Serves until SIGTERM or SIGINT, then stops accepting, lets in-flight requests finish
 * within the grace period and closes the services (the database pool last).
 */
export async function serve(runtime: HostRuntime, options: { demo: boolean }): Promise<number> {
  const { config, logger, registry } = runtime;
  const database = await registry.get(coreServices.database);
  const server = await createServer({ registry });
  const demo = options.demo ? await ensureDemoLogin(registry, config.dataDir) : undefined;
  await server.start();
  logger.info({ uri: server.info.uri, store: database.kind }, 'repogen listening');

  const url = `http://localhost:${server.info.port}`;
  process.stdout.write(`\nRepogen is serving on ${url} (store: ${database.kind})\n`);
  process.stdout.write(`  API documentation: ${url}/documentation\n`);
  if (demo) {
    process.stdout.write(`  Sign in: ${demo.email} / ${demo.password} (tenant "${demo.tenant}")\n`);
    process.stdout.write(`  e.g. curl -c cookies -H 'content-type: application/json' -d '{"email":"${demo.email}","password":"…"}' ${url}/v1/auth/login\n`);
  }
  process.stdout.write('  Stop with Ctrl-C.\n\n');

  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = async (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'shutting down');
      await server.stop({ timeout: config.shutdownGraceMs });
      await registry.dispose();
      logger.info('stopped');
      resolve(EXIT.ok);
    };
    process.once('SIGTERM', (signal) => void stop(signal));
    process.once('SIGINT', (signal) => void stop(signal));
  });
}
