import type { JsonValue, PackWarning, TraceEntry } from '@repogen/sdk';
import type { Knex } from 'knex';
import type { AuditActor, AuditService } from '../audit/audit-service.js';
import { NotFoundError, UnavailableError } from '../errors/domain-error.js';
import type { ArtifactKind, ReportRow } from '../reports/report-records.js';
import { withTenant } from '../store/tenant-scope.js';
import type { ProgressEvent } from './generation-steps.js';

export interface GenerationRequestRow {
  id: string;
  tenant_id: string;
  idempotency_key: string;
  report_id: string;
  job_id: string | null;
  version_id: string | null;
  progress: ProgressEvent[];
  requested_by: string;
  created_at: Date;
  updated_at: Date;
}

export interface NewArtifact {
  readonly kind: ArtifactKind;
  readonly sha256: string;
  readonly size: number;
  readonly contentType: string;
  readonly filename: string;
}

export interface NewVersion {
  /** The number the documents were rendered with; storing fails (and the job retries) if another version took it. */
  readonly n: number;
  readonly packKey: string;
  readonly packVersion: string;
  readonly input: JsonValue;
  readonly inputSha256: string;
  readonly values: { readonly [name: string]: JsonValue };
  readonly trace: { readonly [name: string]: TraceEntry };
  readonly warnings: readonly PackWarning[];
  readonly artifacts: readonly NewArtifact[];
}

/** The worker's side of the store: a generation request, its progress, and the version it produces. */
export interface GenerationStore {
  load(tenantId: string, requestId: string): Promise<{ request: GenerationRequestRow; report: ReportRow; nextVersion: number }>;
  recordProgress(tenantId: string, requestId: string, event: ProgressEvent): Promise<void>;
  /** Writes version N once per request: a request that already has its version answers that one. */
  storeVersion(tenantId: string, requestId: string, actor: AuditActor, version: NewVersion): Promise<{ versionId: string; n: number }>;
}

/** Another generation of the same report stored first; rendering again with the next number fixes it. */
export const VERSION_TAKEN = 'REPORT_VERSION_TAKEN';

export function createGenerationStore(knex: Knex, audit: AuditService): GenerationStore {
  async function nextVersionOf(trx: Knex.Transaction, reportId: string): Promise<number> {
    const row = (await trx('report_versions').where({ report_id: reportId }).max('n as n').first()) as { n: number | null } | undefined;
    return Number(row?.n ?? 0) + 1;
  }

  return {
    load(tenantId, requestId) {
      return withTenant(knex, tenantId, async (trx) => {
        const request = (await trx('generation_requests').where({ id: requestId }).first()) as GenerationRequestRow | undefined;
        if (!request) throw new NotFoundError(`Generation request ${requestId}`, 'GENERATION_REQUEST_NOT_FOUND');
        const report = (await trx('reports').where({ id: request.report_id }).first()) as ReportRow;
        return { request, report, nextVersion: await nextVersionOf(trx, report.id) };
      });
    },

    async recordProgress(tenantId, requestId, event) {
      await withTenant(knex, tenantId, (trx) =>
        trx('generation_requests')
          .where({ id: requestId })
          .update({ progress: trx.raw('progress || ?::jsonb', [JSON.stringify([event])]), updated_at: trx.fn.now() }),
      );
    },

    storeVersion(tenantId, requestId, actor, version) {
      return withTenant(knex, tenantId, async (trx) => {
        const request = (await trx('generation_requests').where({ id: requestId }).forUpdate().first()) as GenerationRequestRow;
        if (request.version_id) {
          const done = (await trx('report_versions').where({ id: request.version_id }).select('n').first()) as { n: number };
          return { versionId: request.version_id, n: done.n };
        }
        // The report row's lock orders concurrent generations of one report.
        const report: { status: string } = await trx('reports').where({ id: request.report_id }).forUpdate().first('status');
        const n = await nextVersionOf(trx, request.report_id);
        if (n !== version.n) throw new UnavailableError(VERSION_TAKEN, `Version ${version.n} was taken by another generation; rendering again as v${n}`);
        const [stored] = (await trx('report_versions')
          .insert({
            tenant_id: tenantId,
            report_id: request.report_id,
            n,
            pack_key: version.packKey,
            pack_version: version.packVersion,
            input: JSON.stringify(version.input),
            input_sha256: version.inputSha256,
            values: JSON.stringify(version.values),
            trace: JSON.stringify(version.trace),
            warnings: JSON.stringify(version.warnings),
            generation_request_id: requestId,
            created_by: request.requested_by,
          })
          .returning(['id'])) as [{ id: string }];
        await trx('artifacts').insert(
          version.artifacts.map((artifact) => ({
            tenant_id: tenantId,
            version_id: stored.id,
            kind: artifact.kind,
            blob_sha256: artifact.sha256,
            size: artifact.size,
            content_type: artifact.contentType,
            filename: artifact.filename,
          })),
        );
        await trx('generation_requests').where({ id: requestId }).update({ version_id: stored.id, updated_at: trx.fn.now() });
        // A new version is a draft until released, also of a report released before: it goes back to the bank only through release.
        await trx('reports').where({ id: request.report_id }).whereIn('status', ['draft', 'generated', 'released']).update({ status: 'generated', updated_at: trx.fn.now() });
        await audit.record(trx, actor, {
          action: 'report.generated',
          targetType: 'report',
          targetId: request.report_id,
          before: { status: report.status },
          after: { version: n, versionId: stored.id, inputSha256: version.inputSha256, packVersion: version.packVersion, artifacts: version.artifacts.map((a) => a.kind) },
        });
        return { versionId: stored.id, n };
      });
    },
  };
}
