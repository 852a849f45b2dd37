import path from 'node:path';
import { createAuditService, type AuditService } from './audit/audit-service.js';
import { createAuthService, type AuthService } from './auth/auth-service.js';
import type { Config } from './config/config.js';
import type { Logger } from './logging/logger.js';
import { createServiceFactory, createServiceRef, ServiceRegistry, type ServiceFactory } from './registry/service-registry.js';
import { openDatabase, type Database } from './store/database.js';
import { migrateToLatest } from './store/migrator.js';
import { createTenantService, type TenantService } from './tenancy/tenant-service.js';

/** The refs every host process (HTTP, worker, CLI) resolves its services through. */
export const coreServices = {
  config: createServiceRef<Config>('core.config'),
  logger: createServiceRef<Logger>('core.logger'),
  database: createServiceRef<Database>('core.database'),
  audit: createServiceRef<AuditService>('core.audit'),
  auth: createServiceRef<AuthService>('core.auth'),
  tenants: createServiceRef<TenantService>('core.tenants'),
};

export const databaseServiceFactory = createServiceFactory({
  service: coreServices.database,
  deps: { config: coreServices.config, logger: coreServices.logger },
  async create({ config, logger }) {
    const database = await openDatabase({
      databaseUrl: config.databaseUrl,
      pgliteDir: path.join(config.dataDir, 'pglite'),
    });
    const { applied } = await migrateToLatest(database.knex);
    logger.info({ store: database.kind, applied }, 'database ready');
    return database;
  },
  dispose: (database) => database.close(),
});

export const auditServiceFactory = createServiceFactory({
  service: coreServices.audit,
  deps: { database: coreServices.database },
  create: ({ database }) => createAuditService(database.knex),
});

export const authServiceFactory = createServiceFactory({
  service: coreServices.auth,
  deps: { database: coreServices.database, audit: coreServices.audit, config: coreServices.config },
  create: ({ database, audit, config }) => createAuthService(database.knex, audit, { sessionTtlHours: config.sessionTtlHours }),
});

export const tenantServiceFactory = createServiceFactory({
  service: coreServices.tenants,
  deps: { database: coreServices.database, audit: coreServices.audit },
  create: ({ database, audit }) => createTenantService(database.knex, audit),
});

/** The factories of the foundation, with the configuration and logger given as values. */
export function coreServiceFactories(config: Config, logger: Logger): ServiceFactory<any, any>[] {
  return [
    ServiceRegistry.value(coreServices.config, config),
    ServiceRegistry.value(coreServices.logger, logger),
    databaseServiceFactory,
    auditServiceFactory,
    authServiceFactory,
    tenantServiceFactory,
  ];
}
