import { ConfigError, loadConfig, type Config } from '../config/config.js';
import { coreServiceFactories } from '../core-services.js';
import { createLogger, type Logger } from '../logging/logger.js';
import { loadHostPlugins } from '../plugins/load-host-plugins.js';
import { ServiceRegistry } from '../registry/service-registry.js';

/** What every CLI command runs on: validated configuration, a logger and the service registry with the bundled plugins. */
export interface HostRuntime {
  readonly config: Config;
  readonly logger: Logger;
  readonly registry: ServiceRegistry;
}

export async function createHostRuntime(env: NodeJS.ProcessEnv = process.env): Promise<HostRuntime> {
  const config = loadConfig(env);
  const logger = createLogger(config.logLevel);
  const plugins = await loadHostPlugins({ env, config });
  if (plugins.length > 0) logger.debug({ plugins: plugins.map((plugin) => plugin.name) }, 'host plugins loaded');
  return { config, logger, registry: new ServiceRegistry(coreServiceFactories(config, logger, plugins)) };
}

export { ConfigError };
