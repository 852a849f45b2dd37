import { ConfigError, loadConfig, type Config } from '../config/config.js';
import { coreServiceFactories } from '../core-services.js';
import { createLogger, type Logger } from '../logging/logger.js';
import { ServiceRegistry } from '../registry/service-registry.js';

/** What every CLI command runs on: validated configuration, a logger and the service registry. */
export interface HostRuntime {
  readonly config: Config;
  readonly logger: Logger;
  readonly registry: ServiceRegistry;
}

export function createHostRuntime(env: NodeJS.ProcessEnv = process.env): HostRuntime {
  const config = loadConfig(env);
  const logger = createLogger(config.logLevel);
  return { config, logger, registry: new ServiceRegistry(coreServiceFactories(config, logger)) };
}

export { ConfigError };
