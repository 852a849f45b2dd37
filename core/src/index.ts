export { createAuditService, type AuditEntry, type AuditService } from './audit/audit-service.js';
export { AUTH_STRATEGY, SERVICE_TOKEN_HEADER, SESSION_COOKIE } from './auth/auth-plugin.js';
export { createAuthService, type ApiToken, type AuthService } from './auth/auth-service.js';
export { ROLES, type Principal, type Role } from './auth/principal.js';
export { ConfigError, loadConfig, type Config } from './config/config.js';
export { coreServiceFactories, coreServices } from './core-services.js';
export * from './errors/domain-error.js';
export { coreJobs, type CoreJobPayloads } from './jobs/core-jobs.js';
export { expireSessionsJob, type ExpireSessionsPayload } from './jobs/expire-sessions-job.js';
export {
  defineJob,
  type JobContext,
  type JobDefinition,
  type JobOutput,
  type JobPolicy,
  type JobRetry,
} from './jobs/job-definition.js';
export {
  createJobService,
  type JobFailure,
  type JobRecord,
  type JobSendOptions,
  type JobService,
  type JobState,
} from './jobs/job-service.js';
export { createLogger, type Logger } from './logging/logger.js';
export * from './registry/service-registry.js';
export * from './sandbox/index.js';
export { createServer, foundationRoutePlugins } from './server/create-server.js';
export { openDatabase, pingDatabase, type Database, type StoreKind } from './store/database.js';
export { migrateToLatest } from './store/migrator.js';
export { APP_ROLE, withSystem, withTenant } from './store/tenant-scope.js';
export { createTenantService, type Tenant, type TenantService, type User } from './tenancy/tenant-service.js';
export * from './render/index.js';
