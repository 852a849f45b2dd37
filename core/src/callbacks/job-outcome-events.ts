import type { Knex } from 'knex';
import type { OcrEvidencePayload } from '../evidence/ocr-job-payload.js';
import type { GenerateReportPayload } from '../generation/generate-report-payload.js';
import { withTenant } from '../store/tenant-scope.js';
import type { JobOutcomeEvents } from './publish-job-outcome.js';

async function reportOfRequest(knex: Knex, tenantId: string, generationRequestId: string) {
  return withTenant(knex, tenantId, async (trx) => {
    const row = (await trx('generation_requests as g')
      .join('reports as r', 'r.id', 'g.report_id')
      .where('g.id', generationRequestId)
      .select('r.id', 'r.external_key', 'g.job_id')
      .first()) as { id: string; external_key: string | null; job_id: string | null } | undefined;
    return row;
  });
}

/** `report.generated` with the stored version, and `report.failed` with the code it failed with. */
export const reportGenerationEvents: JobOutcomeEvents<GenerateReportPayload> = {
  async completed(payload, output, knex) {
    const report = await reportOfRequest(knex, payload.tenantId, payload.generationRequestId);
    if (!report) return undefined;
    return {
      tenantId: payload.tenantId,
      event: 'report.generated',
      data: { reportId: report.id, externalKey: report.external_key, jobId: report.job_id, versionId: output?.versionId ?? null, version: output?.version ?? null },
    };
  },
  async failed(payload, failure, knex) {
    const report = await reportOfRequest(knex, payload.tenantId, payload.generationRequestId);
    if (!report) return undefined;
    return {
      tenantId: payload.tenantId,
      event: 'report.failed',
      data: { reportId: report.id, externalKey: report.external_key, jobId: report.job_id, error: { code: failure.code, message: failure.message } },
    };
  },
};

async function reportOfEvidence(knex: Knex, tenantId: string, evidenceId: string) {
  return withTenant(knex, tenantId, async (trx) => {
    const row = (await trx('evidence as e')
      .join('reports as r', 'r.id', 'e.report_id')
      .where('e.id', evidenceId)
      .select('r.id', 'r.external_key', 'e.kind')
      .first()) as { id: string; external_key: string | null; kind: string } | undefined;
    return row;
  });
}

/** `ocr.completed` once an item is read (or could not be), with how many proposals it made. */
export const evidenceOcrEvents: JobOutcomeEvents<OcrEvidencePayload> = {
  async completed(payload, output, knex) {
    if (output?.status === 'skipped') return undefined;
    const report = await reportOfEvidence(knex, payload.tenantId, payload.evidenceId);
    if (!report) return undefined;
    return {
      tenantId: payload.tenantId,
      event: 'ocr.completed',
      data: { reportId: report.id, externalKey: report.external_key, evidenceId: payload.evidenceId, kind: report.kind, status: 'done', proposals: output?.proposals ?? 0, confidence: output?.confidence ?? null },
    };
  },
  async failed(payload, failure, knex) {
    const report = await reportOfEvidence(knex, payload.tenantId, payload.evidenceId);
    if (!report) return undefined;
    return {
      tenantId: payload.tenantId,
      event: 'ocr.completed',
      data: { reportId: report.id, externalKey: report.external_key, evidenceId: payload.evidenceId, kind: report.kind, status: 'failed', proposals: 0, error: { code: failure.code, message: failure.message } },
    };
  },
};
