import type { RoutePlugin } from '../api/route-plugin.js';
import type { AuthStrategy } from '../auth/auth-strategy.js';
import type { Config } from '../config/config.js';
import type { JobDefinition } from '../jobs/job-definition.js';
import type { ServiceFactory } from '../registry/service-registry.js';

/** What the host hands a plugin when it boots: the process environment and the host's validated configuration. */
export interface HostPluginContext {
  readonly env: NodeJS.ProcessEnv;
  readonly config: Config;
}

/**
 * A trusted host plugin (payments, the V1 bridge, blob stores): in-process, reaching the
 * host's services through the registry like core code does. Pack code is never one.
 */
export interface HostPlugin {
  /** The plugin's npm name, e.g. `@repogen/plugin-payments-stripe`; names it in errors and logs. */
  readonly name: string;
  /** Services the plugin adds to the registry; their ids must not clash with the host's. */
  readonly services?: readonly ServiceFactory[];
  readonly routes?: readonly RoutePlugin[];
  /** Ways in that every route accepts beside the host's session cookie and bearer token. */
  readonly authStrategies?: readonly AuthStrategy[];
  /** Jobs the worker works (and whose schedules it installs) beside the host's own. */
  readonly jobs?: readonly JobDefinition[];
}

/**
 * What a plugin package's main module exports. It reads and checks its own settings here,
 * throwing `ConfigError` for a bad one, so that a misconfigured plugin stops the boot.
 */
export interface HostPluginModule {
  createHostPlugin(context: HostPluginContext): HostPlugin | Promise<HostPlugin>;
}

export function pluginRoutes(plugins: readonly HostPlugin[]): RoutePlugin[] {
  return plugins.flatMap((plugin) => plugin.routes ?? []);
}

export function pluginAuthStrategies(plugins: readonly HostPlugin[]): AuthStrategy[] {
  return plugins.flatMap((plugin) => plugin.authStrategies ?? []);
}

export function pluginJobs(plugins: readonly HostPlugin[]): JobDefinition[] {
  return plugins.flatMap((plugin) => plugin.jobs ?? []);
}

export function pluginServices(plugins: readonly HostPlugin[]): ServiceFactory[] {
  return plugins.flatMap((plugin) => plugin.services ?? []);
}
