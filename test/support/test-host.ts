import crypto from 'node:crypto';
import type { Server } from '@hapi/hapi';
import {
  coreServiceFactories,
  coreServices,
  createLogger,
  createServer,
  loadConfig,
  loadHostPlugins,
  migrateToLatest,
  openDatabase,
  ServiceRegistry,
  type Database,
  type ServiceFactory,
  type Role,
} from '@repogen/core';

let shared: Promise<Database> | undefined;

/** One migrated database per test process: DATABASE_URL's PostgreSQL, or an in-memory PGlite. */
export function testDatabase(): Promise<Database> {
  shared ??= (async () => {
    const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, pgliteDir: undefined, poolMax: 4 });
    await migrateToLatest(database);
    return database;
  })();
  return shared;
}

export interface TestTenant {
  readonly id: string;
  readonly slug: string;
  /** Authorization headers of an API token with the given role in this tenant. */
  headers(role?: Role): Promise<Record<string, string>>;
}

export interface TestHost {
  readonly server: Server;
  readonly registry: ServiceRegistry;
  readonly database: Database;
  createTenant(kind?: 'firm' | 'bank'): Promise<TestTenant>;
  /** Stops the host's services (the sandbox process, the job queue); the shared database stays open. */
  close(): Promise<void>;
}

export interface TestHostOptions {
  /** The environment the bundled host plugins read their settings from (none by default). */
  readonly pluginEnv?: NodeJS.ProcessEnv;
  /** Host settings beyond the test defaults (PAYMENT_WEBHOOK_DEV_BYPASS). */
  readonly hostEnv?: Readonly<Record<string, string>>;
  /** Bundled host plugins to leave out, by package name. */
  readonly withoutPlugins?: readonly string[];
  /** Factories that take the place of the core ones with the same service id (a renderer with a short timeout, a failing blob store). */
  readonly services?: readonly ServiceFactory[];
}

/**
 * A host built on the shared test database with the services a test needs and the bundled
 * host plugins, driven by `server.inject()`.
 */
export async function createTestHost(options: TestHostOptions = {}): Promise<TestHost> {
  const database = await testDatabase();
  // The job queue opens its own pool on PostgreSQL, so it needs the URL the database was opened with.
  const config = loadConfig({
    REPOGEN_LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    DATABASE_URL: process.env.DATABASE_URL,
    ...options.hostEnv,
  });
  const logger = createLogger('silent');
  const plugins = (await loadHostPlugins({ env: options.pluginEnv ?? {}, config })).filter(
    (plugin) => !options.withoutPlugins?.includes(plugin.name),
  );
  const replaced = new Set([
    coreServices.database.id,
    ...(options.services ?? []).map((factory) => factory.service.id),
  ]);
  const factories = coreServiceFactories(config, logger, plugins).filter(
    (factory) => !replaced.has(factory.service.id),
  );
  const registry = new ServiceRegistry([
    ...factories,
    ...(options.services ?? []),
    ServiceRegistry.value(coreServices.database, database),
  ]);
  const server = await createServer({ registry, port: 0 });
  await server.initialize();
  const tenants = await registry.get(coreServices.tenants);
  const auth = await registry.get(coreServices.auth);

  return {
    server,
    registry,
    database,
    async close() {
      await server.stop();
      await registry.dispose();
    },
    async createTenant(kind = 'firm') {
      const slug = `t-${crypto.randomBytes(5).toString('hex')}`;
      const tenant = await tenants.createTenant({ system: 'test' }, { slug, name: `Tenant ${slug}`, kind });
      const tokens = new Map<Role, string>();
      return {
        id: tenant.id,
        slug,
        async headers(role: Role = 'admin') {
          let secret = tokens.get(role);
          if (!secret) {
            const issued = await auth.createToken(
              tenant.id,
              { system: 'test' },
              {
                kind: role === 'service' ? 'service' : 'api',
                name: `test-${role}`,
                role,
                expiresAt: undefined,
              },
            );
            secret = issued.secret;
            tokens.set(role, secret);
          }
          const headers: Record<string, string> =
            role === 'service' ? { 'x-service-token': secret } : { authorization: `Bearer ${secret}` };
          return headers;
        },
      };
    },
  };
}

export function randomEmail(): string {
  return `user-${crypto.randomBytes(6).toString('hex')}@example.in`;
}

/** The parsed JSON body of an injected response. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test assertions walk arbitrary bodies
export function json(response: { payload: string }): any {
  return JSON.parse(response.payload);
}
