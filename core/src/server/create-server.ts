import Hapi, { type Server } from '@hapi/hapi';
import Inert from '@hapi/inert';
import Vision from '@hapi/vision';
import HapiSwagger from 'hapi-swagger';
import Joi from 'joi';
import { adminUiRoutesPlugin } from '../api/admin-ui-routes.js';
import { auditRoutesPlugin } from '../api/audit-routes.js';
import { billingRoutesPlugin } from '../api/billing-routes.js';
import { authRoutesPlugin } from '../api/auth-routes.js';
import { artifactRoutesPlugin } from '../api/artifact-routes.js';
import { evidenceRoutesPlugin } from '../api/evidence-routes.js';
import { jobRoutesPlugin } from '../api/job-routes.js';
import { packRequestRoutesPlugin } from '../api/pack-request-routes.js';
import { packRoutesPlugin } from '../api/pack-routes.js';
import { packSettingsRoutesPlugin } from '../api/pack-settings-routes.js';
import { reportRoutesPlugin } from '../api/report-routes.js';
import { failValidation, registerRoutePlugins, type RoutePlugin } from '../api/route-plugin.js';
import { systemRoutesPlugin } from '../api/system-routes.js';
import { tokenRoutesPlugin } from '../api/token-routes.js';
import { userRoutesPlugin } from '../api/user-routes.js';
import { authPlugin } from '../auth/auth-plugin.js';
import { coreServices } from '../core-services.js';
import { pluginAuthStrategies, pluginRoutes } from '../plugins/host-plugin.js';
import type { ServiceRegistry } from '../registry/service-registry.js';
import { HOST_VERSION } from '../version.js';
import { errorPlugin } from './error-plugin.js';
import { nulCharacterGuardPlugin } from './nul-character-guard.js';
import { idempotencyPlugin } from './idempotency-plugin.js';
import { requestLogPlugin } from './request-log-plugin.js';

/** The host's own route plugins; host plugins add theirs. */
export const foundationRoutePlugins: readonly RoutePlugin[] = [
  systemRoutesPlugin,
  authRoutesPlugin,
  tokenRoutesPlugin,
  userRoutesPlugin,
  auditRoutesPlugin,
  packRoutesPlugin,
  packSettingsRoutesPlugin,
  reportRoutesPlugin,
  jobRoutesPlugin,
  artifactRoutesPlugin,
  evidenceRoutesPlugin,
  packRequestRoutesPlugin,
  adminUiRoutesPlugin,
  billingRoutesPlugin,
];

export interface CreateServerOptions {
  readonly registry: ServiceRegistry;
  /** Replaces the host's routes and the loaded plugins' (tests that need a bare server). */
  readonly routePlugins?: readonly RoutePlugin[];
  /** Overrides the configured port (tests use 0 or inject). */
  readonly port?: number;
}

/** Builds the hapi server with every route plugin; `inject()` works without `start()`. */
export async function createServer(options: CreateServerOptions): Promise<Server> {
  const { registry } = options;
  const config = await registry.get(coreServices.config);
  const logger = await registry.get(coreServices.logger);
  const auth = await registry.get(coreServices.auth);
  const idempotency = await registry.get(coreServices.idempotency);
  const plugins = await registry.get(coreServices.plugins);
  const strategies = pluginAuthStrategies(plugins);
  const authenticators = await Promise.all(
    strategies.map(async (strategy) => ({
      name: strategy.name,
      authenticate: strategy.authenticator(await registry.resolve(strategy.deps, `auth strategy ${strategy.name}`)),
    })),
  );
  const securityDefinitions = {
    bearer: { type: 'apiKey', name: 'Authorization', in: 'header', description: 'Bearer <API token>' },
    ...Object.fromEntries(strategies.map((strategy) => [strategy.securityName, strategy.security])),
  };

  const server = Hapi.server({
    port: options.port ?? config.port,
    host: config.host,
    router: { stripTrailingSlash: true },
    routes: {
      validate: { failAction: failValidation },
      payload: { maxBytes: 1024 * 1024 },
      // hapi answers a malformed Range header with a bare 416 after the error shape is applied;
      // the documents served are small enough to send whole, which RFC 9110 allows.
      response: { failAction: 'log', ranges: false },
      security: { hsts: config.production, xframe: 'deny', noSniff: true, referrer: 'same-origin' },
    },
  });

  server.validator(Joi);
  await server.register([
    { plugin: errorPlugin },
    { plugin: nulCharacterGuardPlugin },
    // Keeps only successful answers; its answer step runs before the error plugin's.
    { plugin: idempotencyPlugin, options: { idempotency } },
    { plugin: requestLogPlugin, options: { logger } },
    {
      plugin: authPlugin,
      options: {
        auth,
        cookieSecure: config.cookieSecure,
        sessionTtlHours: config.sessionTtlHours,
        strategies: authenticators,
      },
    },
    Inert,
    Vision,
    {
      plugin: HapiSwagger,
      options: {
        info: { title: 'Repogen host API', version: HOST_VERSION },
        jsonPath: '/openapi.json',
        documentationPath: '/documentation',
        grouping: 'tags',
        securityDefinitions,
        security: Object.keys(securityDefinitions).map((name) => ({ [name]: [] })) as unknown as undefined,
      } satisfies HapiSwagger.RegisterOptions,
    },
  ]);

  const routePlugins = options.routePlugins ?? [...foundationRoutePlugins, ...pluginRoutes(plugins)];
  await registerRoutePlugins(server, registry, routePlugins);
  return server;
}
