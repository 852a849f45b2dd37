import { setTimeout as sleep } from 'node:timers/promises';
import type { Knex } from 'knex';
import type { AuditActor, AuditService } from '../audit/audit-service.js';
import type { Principal } from '../auth/principal.js';
import { billingErrors } from '../billing/billing-errors.js';
import type { BillingService } from '../billing/billing-service.js';
import { ConflictError, NotFoundError, UnavailableError, UnprocessableError } from '../errors/domain-error.js';
import type { CoreJobPayloads } from '../jobs/core-jobs.js';
import { requesterOf } from '../jobs/job-requester.js';
import type { JobFailure, JobService, JobState } from '../jobs/job-service.js';
import type { PackRegistryService, RunnablePack } from '../packs/pack-registry-service.js';
import { splitProblems } from '../reports/report-readiness.js';
import type { ReportRow } from '../reports/report-records.js';
import { withTenant } from '../store/tenant-scope.js';
import { GENERATE_REPORT_JOB } from './generate-report-payload.js';
import type { GenerationRequestRow } from './generation-store.js';
import type { ProgressEvent } from './generation-steps.js';

export interface GenerationJobView {
  readonly id: string;
  readonly reportId: string;
  readonly state: JobState;
  /** Steps as the worker reported them, across attempts. */
  readonly progress: readonly ProgressEvent[];
  readonly attempts: number;
  /** Once completed: the version it stored. */
  readonly versionId: string | null;
  readonly error: JobFailure | null;
  readonly createdAt: string;
  readonly completedAt: string | null;
}

/** Generation through the API: idempotent requests that queue the job, and the job's state. */
export interface GenerationService {
  /** `created: false` when the key was seen before for this report (the same job is answered). */
  request(
    principal: Principal,
    reportId: string,
    idempotencyKey: string,
    requestId?: string,
  ): Promise<{ jobId: string; created: boolean }>;
  job(principal: Principal, jobId: string): Promise<GenerationJobView>;
}

const UNIQUE_VIOLATION = '23505';
/** How long a request waits for a concurrent one with the same key to queue its job before taking over. */
const CLAIM_WAIT_MS = 3000;

export function createGenerationService(deps: {
  knex: Knex;
  audit: AuditService;
  packs: PackRegistryService;
  jobs: JobService<CoreJobPayloads>;
  billing: BillingService;
}): GenerationService {
  const { knex, audit, packs, jobs, billing } = deps;

  const findByKey = (principal: Principal, key: string) =>
    withTenant(knex, principal.tenantId, (trx) =>
      trx('generation_requests').where({ idempotency_key: key }).first(),
    ) as Promise<GenerationRequestRow | undefined>;

  function sameReport(row: GenerationRequestRow, reportId: string): void {
    if (row.report_id !== reportId) {
      throw new ConflictError(
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was used for another report; use a new key',
        { reportId: row.report_id },
      );
    }
  }

  /** Queues the job of a claimed request; when two get here for one request, the first to record its job wins. */
  async function queue(principal: Principal, row: GenerationRequestRow): Promise<string> {
    const jobId = await jobs.send(GENERATE_REPORT_JOB, {
      tenantId: principal.tenantId,
      generationRequestId: row.id,
      requestedBy: requesterOf(principal),
    });
    if (jobId === undefined)
      throw new UnavailableError(
        'JOB_NOT_QUEUED',
        'The generation job could not be queued; try again with the same key',
      );
    const recorded = await withTenant(knex, principal.tenantId, async (trx) => {
      await trx('generation_requests')
        .where({ id: row.id })
        .whereNull('job_id')
        .update({ job_id: jobId, updated_at: trx.fn.now() });
      return ((await trx('generation_requests').where({ id: row.id }).first()) as GenerationRequestRow).job_id;
    });
    // A losing duplicate job finds the request's version stored (or stores it once): no second version.
    return recorded ?? jobId;
  }

  /** A request row whose job is not recorded yet: another call is queueing it, or died trying. */
  async function awaitJob(principal: Principal, row: GenerationRequestRow): Promise<string> {
    const deadline = Date.now() + CLAIM_WAIT_MS;
    let current = row;
    while (current.job_id === null && Date.now() < deadline) {
      await sleep(100);
      current = (await findByKey(principal, row.idempotency_key)) ?? current;
    }
    return current.job_id ?? queue(principal, current);
  }

  async function checkComplete(principal: Principal, report: ReportRow): Promise<RunnablePack> {
    const pack = await packs.resolve(principal, report.pack_key, report.pack_version);
    const { missing, faults } = splitProblems(pack.validateInput(report.data));
    const fields = [...missing, ...faults.map((fault) => fault.path)];
    if (fields.length > 0) {
      throw new UnprocessableError(
        'REPORT_INCOMPLETE',
        `The report cannot be generated yet: ${fields.slice(0, 10).join(', ')}${fields.length > 10 ? ', …' : ''}`,
        { fields },
      );
    }
    return pack;
  }

  return {
    async request(principal, reportId, idempotencyKey, requestId) {
      const seen = await findByKey(principal, idempotencyKey);
      if (seen) {
        sameReport(seen, reportId);
        return { jobId: seen.job_id ?? (await awaitJob(principal, seen)), created: false };
      }
      const report = (await withTenant(knex, principal.tenantId, (trx) =>
        trx('reports').where({ id: reportId }).first(),
      )) as ReportRow | undefined;
      if (!report) throw new NotFoundError(`Report ${reportId}`, 'REPORT_NOT_FOUND');
      if (report.status === 'cancelled') throw billingErrors.reportCancelled(reportId);
      const pack = await checkComplete(principal, report);

      let claimed: GenerationRequestRow;
      try {
        claimed = await withTenant(knex, principal.tenantId, async (trx) => {
          const actor: AuditActor = { kind: 'principal', principal, requestId };
          // Checked again under the report's lock, which cancel takes too: a cancel that commits
          // after the read above must not leave this reservation on a cancelled report.
          const locked = (await trx('reports').where({ id: reportId }).forUpdate().first()) as ReportRow | undefined;
          if (!locked) throw new NotFoundError(`Report ${reportId}`, 'REPORT_NOT_FOUND');
          if (locked.status === 'cancelled') throw billingErrors.reportCancelled(reportId);
          // Before the request row: a refused reservation leaves no request and queues no job.
          await billing.gate.reserveForGeneration(trx, actor, {
            reportId,
            reportTitle: locked.title,
            credits: pack.detail.manifest.credits,
            billingAccountId: locked.billing_account_id,
          });
          const [row] = (await trx('generation_requests')
            .insert({
              tenant_id: principal.tenantId,
              idempotency_key: idempotencyKey,
              report_id: reportId,
              requested_by: principal.label,
            })
            .returning('*')) as [GenerationRequestRow];
          await audit.record(trx, actor, {
            action: 'report.generation.requested',
            targetType: 'report',
            targetId: reportId,
            after: { generationRequestId: row.id, idempotencyKey },
          });
          return row;
        });
      } catch (error) {
        if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
        const winner = await findByKey(principal, idempotencyKey);
        if (!winner) throw error;
        sameReport(winner, reportId);
        return { jobId: winner.job_id ?? (await awaitJob(principal, winner)), created: false };
      }
      return { jobId: await queue(principal, claimed), created: true };
    },

    async job(principal, jobId) {
      const row = (await withTenant(knex, principal.tenantId, (trx) =>
        trx('generation_requests').where({ job_id: jobId }).first(),
      )) as GenerationRequestRow | undefined;
      if (!row) throw new NotFoundError(`Job ${jobId}`, 'JOB_NOT_FOUND');
      const record = await jobs.getJob(GENERATE_REPORT_JOB, jobId);
      if (!record) throw new NotFoundError(`Job ${jobId}`, 'JOB_NOT_FOUND');
      return {
        id: jobId,
        reportId: row.report_id,
        state: record.state,
        progress: row.progress,
        attempts: record.retryCount + 1,
        versionId: row.version_id,
        error: record.error ?? null,
        createdAt: record.createdAt,
        completedAt: record.completedAt,
      };
    },
  };
}
