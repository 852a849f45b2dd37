import Joi from 'joi';
import { coreServices } from '../core-services.js';
import { billingErrors } from '../billing/billing-errors.js';
import { reportGenerationEvents } from '../callbacks/job-outcome-events.js';
import { publishJobOutcome } from '../callbacks/publish-job-outcome.js';
import { defineJob } from '../jobs/job-definition.js';
import { withTenant } from '../store/tenant-scope.js';
import { jobRequesterSchema, principalOfRequester } from '../jobs/job-requester.js';
import { createGenerationStore } from './generation-store.js';
import { storeGeneratedVersion } from './generated-artifacts.js';
import { GENERATE_REPORT_JOB, type GenerateReportPayload } from './generate-report-payload.js';
import { runReportPipeline } from './report-pipeline.js';

/**
 * Generates the next version of a report: snapshot, compute, layout, DOCX, PDF, store, audit.
 * A pack's or the data's fault fails for good with its code; LibreOffice or the sandbox
 * being unavailable retries with backoff. A request that already stored its version answers
 * it again, so a retry after a crash never makes a second version.
 */
const generateReportJobDefinition = defineJob({
  name: GENERATE_REPORT_JOB,
  deps: {
    database: coreServices.database,
    audit: coreServices.audit,
    blobs: coreServices.blobs,
    packs: coreServices.packs,
    sandbox: coreServices.sandbox,
    renderer: coreServices.renderer,
    evidence: coreServices.reportEvidence,
    billing: coreServices.billing,
  },
  payloadSchema: Joi.object<GenerateReportPayload>({
    tenantId: Joi.string().guid().required(),
    generationRequestId: Joi.string().guid().required(),
    requestedBy: jobRequesterSchema.required(),
  }),
  retry: { limit: 3, backoff: { delaySeconds: 5, exponential: true, maxDelaySeconds: 120 } },
  timeoutSeconds: 10 * 60,
  heartbeatSeconds: 10,
  async handler(payload, { database, audit, blobs, packs, sandbox, renderer, evidence }, { logger }) {
    const store = createGenerationStore(database.knex, audit);
    const { tenantId, generationRequestId: requestId } = payload;
    const { request, report, nextVersion } = await store.load(tenantId, requestId);
    if (request.version_id) return { reportId: report.id, versionId: request.version_id, alreadyDone: true };
    if (report.status === 'cancelled') throw billingErrors.reportCancelled(report.id);

    const principal = principalOfRequester(tenantId, payload.requestedBy);
    const pack = await packs.resolve(principal, report.pack_key, report.pack_version);
    const result = await runReportPipeline(
      { sandbox, renderer },
      {
        pack,
        callerTenantId: tenantId,
        input: report.data,
        evidence: await evidence.forReport(tenantId, report.id),
        // Every new version is a draft: release stamps the bank's copy, also after an earlier release.
        report: { title: report.title, reference: report.external_key ?? report.id, version: nextVersion, draft: true },
        now: new Date(),
        pdf: true,
        onProgress: (event) => store.recordProgress(tenantId, requestId, event),
      },
    );
    const stored = await storeGeneratedVersion({ blobs, store }, {
      tenantId,
      requestId,
      actor: { kind: 'principal', principal },
      reference: report.external_key ?? report.id,
      n: nextVersion,
      result,
      onProgress: (event) => store.recordProgress(tenantId, requestId, event),
    });
    logger.info({ reportId: report.id, version: stored.n }, 'report generated');
    return { reportId: report.id, versionId: stored.versionId, version: stored.n };
  },
  /** A report with nothing generated gives back its reservation; one with an earlier version keeps it for release. */
  async onFailedForGood(payload, { database, billing }, failure, { logger }) {
    const actor = { kind: 'system' as const, tenantId: payload.tenantId, label: 'job:reports.generate' };
    const released = await withTenant(database.knex, payload.tenantId, async (trx) => {
      const request = (await trx('generation_requests').where({ id: payload.generationRequestId }).first()) as { report_id: string } | undefined;
      if (!request) return 0;
      const stored = await trx<{ id: string; report_id: string }>('report_versions').where({ report_id: request.report_id }).first();
      if (stored) return 0;
      return billing.gate.releaseHold(trx, actor, request.report_id, `generation.failed:${failure.code}`, 'draft');
    });
    logger.info({ released, code: failure.code }, 'generation failed for good');
  },
});

export const generateReportJob = publishJobOutcome(generateReportJobDefinition, reportGenerationEvents);
