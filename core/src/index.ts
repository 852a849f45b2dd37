export { createAuditService, type AuditEntry, type AuditService } from './audit/audit-service.js';
export { BLOB_STORE_FULL, type BlobStore } from './blobs/blob-store.js';
export { createFsBlobStore } from './blobs/fs-blob-store.js';
export { AUTH_STRATEGY, SESSION_COOKIE, principalOf } from './auth/auth-plugin.js';
export {
  defineAuthStrategy,
  type AuthStrategy,
  type Authenticator,
  type SecurityScheme,
} from './auth/auth-strategy.js';
export { createAuthService, type ApiToken, type AuthService } from './auth/auth-service.js';
export { ROLES, type Principal, type Role } from './auth/principal.js';
export { ConfigError, loadConfig, type Config } from './config/config.js';
export { coreServiceFactories, coreServices } from './core-services.js';
export * from './errors/domain-error.js';
export { coreJobs, type CoreJobPayloads } from './jobs/core-jobs.js';
export { expireSessionsJob, type ExpireSessionsPayload } from './jobs/expire-sessions-job.js';
export { sweepStaleFilesJob, type SweepStaleFilesPayload } from './jobs/sweep-stale-files-job.js';
export { sweepStaleFiles, type StaleFileSweep } from './blobs/stale-files.js';
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
export { hostJobs } from './jobs/host-jobs.js';
export { ensureDemoLogin, type DemoLogin } from './cli/demo-seed.js';
export { createLogger, type Logger } from './logging/logger.js';
export * from './plugins/index.js';
export * from './registry/service-registry.js';
export * from './sandbox/index.js';
export { createAdminUiRoutesPlugin, DEFAULT_ADMIN_UI_DIR } from './api/admin-ui-routes.js';
export { createServer, foundationRoutePlugins } from './server/create-server.js';
export { defineRoutePlugin, failValidation, type RoutePlugin } from './api/route-plugin.js';
export { errorResponses, errorSchema, uuidSchema } from './api/schemas.js';
export { jobRequesterSchema, principalOfRequester, requesterOf, type JobRequester } from './jobs/job-requester.js';
export { openDatabase, pingDatabase, type Database, type StoreKind } from './store/database.js';
export { migrateToLatest } from './store/migrator.js';
export { APP_ROLE, withSystem, withTenant } from './store/tenant-scope.js';
export { createTenantService, type Tenant, type TenantService, type User } from './tenancy/tenant-service.js';
export * from './render/index.js';
export { generateReportJob } from './generation/generate-report-job.js';
export { GENERATE_REPORT_JOB, type GenerateReportPayload } from './generation/generate-report-payload.js';
export {
  NO_EVIDENCE,
  noReportEvidence,
  type EvidenceItem,
  type EvidenceSource,
  type ReportEvidenceProvider,
} from './generation/evidence-source.js';
export { readEvidenceFolder, FOLDER_KINDS } from './generation/folder-evidence-source.js';
export {
  runReportPipeline,
  REPORT_TEMPLATE_ID,
  type PipelineRequest,
  type PipelineResult,
} from './generation/report-pipeline.js';
export {
  buildReportTemplateData,
  formatIndianDate,
  type ReportTemplateData,
  type ReportTemplateHeader,
} from './generation/report-template-data.js';
export {
  createGenerationService,
  type GenerationJobView,
  type GenerationService,
} from './generation/generation-service.js';
export { createReportService, type ReportService } from './reports/report-service.js';
export type { PackSettingsService, PackSettingsView } from './packs/pack-settings-service.js';
export type { ReportDetail, ReportSummary, ReportVersionRecord, ArtifactRecord } from './reports/report-records.js';
export * from './ocr/index.js';
export { ocrEvidenceJob } from './evidence/ocr-evidence-job.js';
export { OCR_EVIDENCE_JOB, type OcrEvidencePayload } from './evidence/ocr-job-payload.js';
export { EVIDENCE_ERROR_CODES } from './evidence/evidence-errors.js';
export { EVIDENCE_KINDS, type EvidenceKind } from './evidence/evidence-kinds.js';
export {
  inspectUpload,
  DEFAULT_UPLOAD_LIMITS,
  type UploadedFile,
  type UploadLimits,
} from './evidence/upload-inspection.js';
export { readExif, type EvidenceExif } from './evidence/exif-reader.js';
export type { EvidenceService } from './evidence/evidence-service.js';
export * from './billing/billing-records.js';
export { BILLING_ERROR_CODES, billingErrors } from './billing/billing-errors.js';
export type { BillingGate, GenerationCharge, ReleaseGateOutcome } from './billing/billing-gate.js';
export {
  createBillingService,
  type BillingService,
  type NewAccount,
  type PaymentRequest,
  type ProviderEvent,
  type SettlementResult,
} from './billing/billing-service.js';
export { refillCreditsJob, REFILL_CREDITS_JOB, type RefillCreditsPayload } from './billing/refill-credits-job.js';
export {
  reconcileReservationsJob,
  RECONCILE_RESERVATIONS_JOB,
  type ReconcileReservationsPayload,
} from './billing/reconcile-reservations-job.js';
export {
  createReportReleaseService,
  type CancelView,
  type ReleaseView,
  type ReportReleaseService,
} from './billing/report-release-service.js';
export { recordReportReleased, type ReportReleasedEvent } from './billing/report-released-event.js';
export { CALLBACK_EVENTS, CALLBACK_SIGNATURE_HEADER, type CallbackEvent } from './callbacks/callback-events.js';
export {
  silentCallbackPublisher,
  type CallbackPublisher,
  type RecordedCallbacks,
} from './callbacks/callback-publisher.js';
export { publishJobOutcome, type JobOutcomeEvents, type OutcomeEvent } from './callbacks/publish-job-outcome.js';
export {
  createIdempotencyService,
  IDEMPOTENCY_ERROR_CODES,
  type IdempotencyService,
} from './idempotency/idempotency-service.js';
export { idempotent, idempotencyKeySchema } from './api/idempotent-route.js';
export { formatOpenApiDocument, openApiDocument } from './server/openapi-document.js';
export { API_ERROR_CODES } from './errors/error-catalogue.js';
export { expireIdempotentRequestsJob } from './idempotency/expire-idempotent-requests-job.js';
