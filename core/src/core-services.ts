import path from 'node:path';
import { createAuditService, type AuditService } from './audit/audit-service.js';
import { createAuthService, type AuthService } from './auth/auth-service.js';
import type { BlobStore } from './blobs/blob-store.js';
import { createFsBlobStore } from './blobs/fs-blob-store.js';
import type { Config } from './config/config.js';
import type { CoreJobPayloads } from './jobs/core-jobs.js';
import { createJobService, type JobService } from './jobs/job-service.js';
import type { Logger } from './logging/logger.js';
import { createPackRegistryService, type PackRegistryService } from './packs/pack-registry-service.js';
import { createPackSettingsService, type PackSettingsService } from './packs/pack-settings-service.js';
import { createServiceFactory, createServiceRef, ServiceRegistry, type ServiceFactory } from './registry/service-registry.js';
import { createGenerationService, type GenerationService } from './generation/generation-service.js';
import type { ReportEvidenceProvider } from './generation/evidence-source.js';
import { CarboneDocumentRenderer, type DocumentRenderer } from './render/index.js';
import { createReportService, type ReportService } from './reports/report-service.js';
import { createPackSandbox, type PackSandbox } from './sandbox/index.js';
import { openDatabase, type Database } from './store/database.js';
import { migrateToLatest } from './store/migrator.js';
import { createTenantService, type TenantService } from './tenancy/tenant-service.js';
import { createEvidenceService, type EvidenceService } from './evidence/evidence-service.js';
import { createUploadedEvidenceProvider } from './evidence/uploaded-evidence-provider.js';
import { createPackRequestService, type PackRequestService } from './pack-requests/pack-request-service.js';
import { createTesseractEngine, type OcrEngine } from './ocr/ocr-engine.js';
import { createBillingService, type BillingService } from './billing/billing-service.js';
import { createReportReleaseService, type ReportReleaseService } from './billing/report-release-service.js';
import { silentCallbackPublisher, type CallbackPublisher } from './callbacks/callback-publisher.js';
import { createIdempotencyService, type IdempotencyService } from './idempotency/idempotency-service.js';
import { pluginJobs, pluginServices, type HostPlugin } from './plugins/host-plugin.js';

/** The refs every host process (HTTP, worker, CLI) resolves its services through. */
export const coreServices = {
  config: createServiceRef<Config>('core.config'),
  logger: createServiceRef<Logger>('core.logger'),
  /** The host plugins this process loaded at boot (none in a bare test host). */
  plugins: createServiceRef<readonly HostPlugin[]>('core.plugins'),
  database: createServiceRef<Database>('core.database'),
  audit: createServiceRef<AuditService>('core.audit'),
  auth: createServiceRef<AuthService>('core.auth'),
  tenants: createServiceRef<TenantService>('core.tenants'),
  jobs: createServiceRef<JobService<CoreJobPayloads>>('core.jobs'),
  blobs: createServiceRef<BlobStore>('core.blobs'),
  sandbox: createServiceRef<PackSandbox>('core.sandbox'),
  packs: createServiceRef<PackRegistryService>('core.packs'),
  packSettings: createServiceRef<PackSettingsService>('core.packSettings'),
  renderer: createServiceRef<DocumentRenderer>('core.renderer'),
  reportEvidence: createServiceRef<ReportEvidenceProvider>('core.reportEvidence'),
  reports: createServiceRef<ReportService>('core.reports'),
  generation: createServiceRef<GenerationService>('core.generation'),
  ocr: createServiceRef<OcrEngine>('core.ocr'),
  evidence: createServiceRef<EvidenceService>('core.evidence'),
  idempotency: createServiceRef<IdempotencyService>('core.idempotency'),
  /** Provided by the V1 bridge plugin; a host without it announces nothing. */
  callbacks: createServiceRef<CallbackPublisher>('core.callbacks'),
  packRequests: createServiceRef<PackRequestService>('core.packRequests'),
  billing: createServiceRef<BillingService>('core.billing'),
  releases: createServiceRef<ReportReleaseService>('core.releases'),
};

export const databaseServiceFactory = createServiceFactory({
  service: coreServices.database,
  deps: { config: coreServices.config, logger: coreServices.logger },
  async create({ config, logger }) {
    const database = await openDatabase({
      databaseUrl: config.databaseUrl,
      pgliteDir: path.join(config.dataDir, 'pglite'),
    });
    const { applied } = await migrateToLatest(database);
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

export const jobServiceFactory = createServiceFactory({
  service: coreServices.jobs,
  deps: { config: coreServices.config, logger: coreServices.logger, database: coreServices.database, plugins: coreServices.plugins },
  async create({ config, logger, database, plugins }) {
    // Loaded on use: the core jobs name their services through `coreServices`, defined above.
    const { coreJobs } = await import('./jobs/core-jobs.js');
    return createJobService({
      database,
      databaseUrl: config.databaseUrl,
      logger,
      jobs: [...coreJobs, ...pluginJobs(plugins)],
      shutdownGraceMs: config.shutdownGraceMs,
    });
  },
  dispose: (jobs) => jobs.stop(),
});

export const packRequestServiceFactory = createServiceFactory({
  service: coreServices.packRequests,
  deps: { database: coreServices.database, audit: coreServices.audit, tenants: coreServices.tenants },
  create: ({ database, audit, tenants }) => createPackRequestService({ knex: database.knex, audit, tenants }),
});

export const blobStoreServiceFactory = createServiceFactory({
  service: coreServices.blobs,
  deps: { config: coreServices.config },
  create: ({ config }) => createFsBlobStore(path.join(config.dataDir, 'blobs')),
});

export const sandboxServiceFactory = createServiceFactory({
  service: coreServices.sandbox,
  deps: { logger: coreServices.logger },
  create: ({ logger }) => createPackSandbox({ logger }),
  dispose: (sandbox) => sandbox.close(),
});

export const packRegistryServiceFactory = createServiceFactory({
  service: coreServices.packs,
  deps: {
    database: coreServices.database,
    audit: coreServices.audit,
    blobs: coreServices.blobs,
    sandbox: coreServices.sandbox,
    tenants: coreServices.tenants,
  },
  create: ({ database, audit, blobs, sandbox, tenants }) => createPackRegistryService({ knex: database.knex, audit, blobs, sandbox, tenants }),
});

export const packSettingsServiceFactory = createServiceFactory({
  service: coreServices.packSettings,
  deps: { database: coreServices.database, audit: coreServices.audit, packs: coreServices.packs },
  create: ({ database, audit, packs }) => createPackSettingsService({ knex: database.knex, audit, packs }),
});

/**
 * carbone with a kept-alive LibreOffice. LibreOffice starts on the first conversion (a worker
 * may warm it earlier), so processes that never convert never start it; disposing stops it.
 */
export const rendererServiceFactory = createServiceFactory({
  service: coreServices.renderer,
  deps: {},
  create: (): DocumentRenderer => new CarboneDocumentRenderer(),
  dispose: (renderer) => renderer.close(),
});

/** A report's uploads (live, not excluded, in the operator's order) as the evidence a generation lays out. */
export const reportEvidenceServiceFactory = createServiceFactory({
  service: coreServices.reportEvidence,
  deps: { database: coreServices.database, blobs: coreServices.blobs },
  create: ({ database, blobs }) => createUploadedEvidenceProvider(database.knex, blobs),
});

/** tesseract.js, offline, one warm worker (a second gives nothing on two cores); started on first use. */
export const ocrServiceFactory = createServiceFactory({
  service: coreServices.ocr,
  deps: {},
  create: () => createTesseractEngine({ workers: 1 }),
  dispose: (engine) => engine.close(),
});

export const evidenceServiceFactory = createServiceFactory({
  service: coreServices.evidence,
  deps: {
    database: coreServices.database,
    audit: coreServices.audit,
    blobs: coreServices.blobs,
    packs: coreServices.packs,
    reports: coreServices.reports,
    jobs: coreServices.jobs,
    logger: coreServices.logger,
  },
  create: ({ database, audit, blobs, packs, reports, jobs, logger }) => createEvidenceService({ knex: database.knex, audit, blobs, packs, reports, jobs, logger }),
});

export const reportServiceFactory = createServiceFactory({
  service: coreServices.reports,
  deps: { database: coreServices.database, audit: coreServices.audit, blobs: coreServices.blobs, packs: coreServices.packs },
  create: ({ database, audit, blobs, packs }) => createReportService({ knex: database.knex, audit, blobs, packs }),
});

export const generationServiceFactory = createServiceFactory({
  service: coreServices.generation,
  deps: { database: coreServices.database, audit: coreServices.audit, packs: coreServices.packs, jobs: coreServices.jobs, billing: coreServices.billing },
  create: ({ database, audit, packs, jobs, billing }) => createGenerationService({ knex: database.knex, audit, packs, jobs, billing }),
});

export const billingServiceFactory = createServiceFactory({
  service: coreServices.billing,
  deps: { database: coreServices.database, audit: coreServices.audit },
  create: ({ database, audit }) => createBillingService({ knex: database.knex, audit }),
});

export const reportReleaseServiceFactory = createServiceFactory({
  service: coreServices.releases,
  deps: {
    database: coreServices.database,
    audit: coreServices.audit,
    blobs: coreServices.blobs,
    packs: coreServices.packs,
    billing: coreServices.billing,
    callbacks: coreServices.callbacks,
    logger: coreServices.logger,
  },
  create: ({ database, audit, blobs, packs, billing, callbacks, logger }) =>
    createReportReleaseService({ knex: database.knex, audit, blobs, packs, billing, callbacks, logger }),
});

export const idempotencyServiceFactory = createServiceFactory({
  service: coreServices.idempotency,
  deps: { database: coreServices.database },
  create: ({ database }) => createIdempotencyService(database.knex),
});

/** The factories of the host, with the configuration, logger and loaded plugins given as values, and the plugins' own. */
export function coreServiceFactories(config: Config, logger: Logger, plugins: readonly HostPlugin[] = []): ServiceFactory[] {
  return [
    ServiceRegistry.value(coreServices.config, config),
    ServiceRegistry.value(coreServices.logger, logger),
    ServiceRegistry.value(coreServices.plugins, plugins),
    databaseServiceFactory,
    auditServiceFactory,
    authServiceFactory,
    tenantServiceFactory,
    jobServiceFactory,
    blobStoreServiceFactory,
    sandboxServiceFactory,
    packRegistryServiceFactory,
    packSettingsServiceFactory,
    rendererServiceFactory,
    reportEvidenceServiceFactory,
    reportServiceFactory,
    generationServiceFactory,
    ocrServiceFactory,
    evidenceServiceFactory,
    idempotencyServiceFactory,
    packRequestServiceFactory,
    billingServiceFactory,
    reportReleaseServiceFactory,
    ...pluginServices(plugins),
    // A plugin may provide the callbacks; the host's own jobs announce through them either way.
    ...(pluginServices(plugins).some((factory) => factory.service.id === coreServices.callbacks.id)
      ? []
      : [ServiceRegistry.value(coreServices.callbacks, silentCallbackPublisher)]),
  ];
}
