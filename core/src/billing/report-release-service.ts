import type { Knex } from 'knex';
import type { AuditActor, AuditService } from '../audit/audit-service.js';
import type { Principal } from '../auth/principal.js';
import type { BlobStore } from '../blobs/blob-store.js';
import { NotFoundError } from '../errors/domain-error.js';
import { artifactFilename, ARTIFACT_CONTENT_TYPES } from '../generation/generated-artifacts.js';
import type { Logger } from '../logging/logger.js';
import type { PackRegistryService } from '../packs/pack-registry-service.js';
import { releaseReportPdf } from '../render/index.js';
import {
  toArtifactRecord,
  type ArtifactRecord,
  type ArtifactRow,
  type ReportRow,
  type ReportStatus,
} from '../reports/report-records.js';
import { withTenant } from '../store/tenant-scope.js';
import { billingErrors } from './billing-errors.js';
import type { ReleaseGateOutcome } from './billing-gate.js';
import type { BillingService } from './billing-service.js';
import { recordReportReleased } from './report-released-event.js';
import type { CallbackPublisher } from '../callbacks/callback-publisher.js';

export interface ReleaseView {
  readonly reportId: string;
  readonly status: 'released';
  readonly versionId: string;
  readonly version: number;
  /** The released PDF, a new artifact of that version. */
  readonly artifact: ArtifactRecord;
  /** False when the report was released before: nothing was charged or written again. */
  readonly released: boolean;
  /** What the billing gate did; absent on a repeat. */
  readonly gate: ReleaseGateOutcome | null;
}

export interface CancelView {
  readonly reportId: string;
  readonly status: ReportStatus;
  readonly creditsReleased: number;
}

/** Release (the billing gate, then the PDF without its DRAFT watermark) and cancellation of reports. */
export interface ReportReleaseService {
  release(
    principal: Principal,
    reportId: string,
    request: { override?: { reason: string } | undefined },
    requestId?: string,
  ): Promise<ReleaseView>;
  cancel(
    principal: Principal,
    reportId: string,
    request: { reason?: string | undefined },
    requestId?: string,
  ): Promise<CancelView>;
}

interface LatestVersion {
  id: string;
  n: number;
  pack_key: string;
  pack_version: string;
  input_sha256: string;
}

export function createReportReleaseService(deps: {
  knex: Knex;
  audit: AuditService;
  blobs: BlobStore;
  packs: PackRegistryService;
  billing: BillingService;
  callbacks: CallbackPublisher;
  logger: Logger;
}): ReportReleaseService {
  const { knex, audit, blobs, packs, billing, callbacks, logger } = deps;

  async function reportIn(trx: Knex.Transaction, id: string, forUpdate = false): Promise<ReportRow> {
    const query = trx('reports').where({ id }).first();
    const row = (await (forUpdate ? query.forUpdate() : query)) as ReportRow | undefined;
    if (!row) throw new NotFoundError(`Report ${id}`, 'REPORT_NOT_FOUND');
    return row;
  }

  const latestVersionOf = async (trx: Knex.Transaction, reportId: string) =>
    (await trx('report_versions')
      .where({ report_id: reportId })
      .orderBy('n', 'desc')
      .select('id', 'n', 'pack_key', 'pack_version', 'input_sha256')
      .first()) as LatestVersion | undefined;

  /** The released PDF of a released report: the newest version that has one. */
  async function releasedView(trx: Knex.Transaction, reportId: string): Promise<ReleaseView> {
    const row = (await trx('artifacts as a')
      .join('report_versions as v', 'v.id', 'a.version_id')
      .where({ 'v.report_id': reportId })
      .whereIn('a.kind', ['pdf-released', 'pdf'])
      .orderBy([
        { column: 'v.n', order: 'desc' },
        { column: 'a.kind', order: 'desc' },
      ])
      .select('a.*', 'v.n')
      .first()) as (ArtifactRow & { n: number }) | undefined;
    if (!row) throw billingErrors.reportNotGenerated(reportId);
    return {
      reportId,
      status: 'released',
      versionId: row.version_id,
      version: row.n,
      artifact: toArtifactRecord(row),
      released: false,
      gate: null,
    };
  }

  return {
    async release(principal, reportId, request, requestId) {
      const before = await withTenant(knex, principal.tenantId, async (trx) => {
        const report = await reportIn(trx, reportId);
        if (report.status === 'cancelled') throw billingErrors.reportCancelled(reportId);
        if (report.status === 'released') return { report, done: await releasedView(trx, reportId) };
        const version = await latestVersionOf(trx, reportId);
        if (!version) throw billingErrors.reportNotGenerated(reportId);
        const artifacts = (await trx('artifacts').where({ version_id: version.id })) as ArtifactRow[];
        return { report, version, artifacts, done: undefined };
      });
      if (before.done) return before.done;
      const { report } = before;
      const { version } = before;
      const source = before.artifacts?.find((artifact) => artifact.kind === 'pdf-source');
      if (!source) {
        throw before.artifacts?.some((artifact) => artifact.kind === 'pdf')
          ? billingErrors.reportNeedsRegeneration(reportId)
          : billingErrors.reportNotGenerated(reportId);
      }
      const pack = await packs.resolve(principal, report.pack_key, report.pack_version);
      const sourceBytes = await blobs.get(source.blob_sha256);
      if (!sourceBytes) throw new NotFoundError(`The PDF source of report ${reportId}`, 'ARTIFACT_CONTENT_MISSING');
      const releasedPdf = await releaseReportPdf(sourceBytes, {
        packKey: version.pack_key,
        packVersion: version.pack_version,
        inputHash: version.input_sha256,
      });
      const sha256 = await blobs.put(releasedPdf);

      const outcome = await withTenant(knex, principal.tenantId, async (trx) => {
        const locked = await reportIn(trx, reportId, true);
        if (locked.status === 'released') return { view: await releasedView(trx, reportId), announced: undefined };
        if (locked.status === 'cancelled') throw billingErrors.reportCancelled(reportId);
        const gate = await billing.gate.passRelease(
          trx,
          principal,
          requestId,
          {
            reportId,
            reportTitle: locked.title,
            credits: pack.detail.manifest.credits,
            billingAccountId: locked.billing_account_id,
          },
          request.override,
        );
        const [artifact] = (await trx('artifacts')
          .insert({
            tenant_id: principal.tenantId,
            version_id: version.id,
            kind: 'pdf-released',
            blob_sha256: sha256,
            size: releasedPdf.length,
            content_type: ARTIFACT_CONTENT_TYPES['pdf-released'],
            filename: artifactFilename(locked.external_key ?? locked.id, version.n, 'pdf-released'),
          })
          .returning('*')) as [ArtifactRow];
        await trx('reports').where({ id: reportId }).update({ status: 'released', updated_at: trx.fn.now() });
        await audit.record(
          trx,
          { kind: 'principal', principal, requestId },
          {
            action: 'report.released',
            targetType: 'report',
            targetId: reportId,
            before: { status: locked.status },
            after: { status: 'released', version: version.n, versionId: version.id, artifactId: artifact.id, gate },
            reason: request.override?.reason,
          },
        );
        const view: ReleaseView = {
          reportId,
          status: 'released',
          versionId: version.id,
          version: version.n,
          artifact: toArtifactRecord(artifact),
          released: true,
          gate,
        };
        const event = {
          tenantId: principal.tenantId,
          reportId,
          externalKey: locked.external_key,
          versionId: version.id,
          version: version.n,
          artifactId: artifact.id,
          releasedAt: new Date().toISOString(),
        };
        return { view, announced: { event, recorded: await recordReportReleased(trx, callbacks, event) } };
      });
      if (outcome.announced) {
        logger.info({ event: 'report.released', ...outcome.announced.event }, 'report released');
        await outcome.announced.recorded.send();
      }
      return outcome.view;
    },

    cancel(principal, reportId, request, requestId) {
      return withTenant(knex, principal.tenantId, async (trx) => {
        const report = await reportIn(trx, reportId, true);
        if (report.status === 'released') throw billingErrors.reportReleased(reportId);
        const actor: AuditActor = { kind: 'principal', principal, requestId };
        if (report.status !== 'cancelled') {
          await trx('reports').where({ id: reportId }).update({ status: 'cancelled', updated_at: trx.fn.now() });
          await audit.record(trx, actor, {
            action: 'report.cancelled',
            targetType: 'report',
            targetId: reportId,
            before: { status: report.status },
            after: { status: 'cancelled' },
            reason: request.reason,
          });
        }
        const creditsReleased = await billing.gate.releaseHold(trx, actor, reportId, 'report.cancelled', 'unpaid');
        return { reportId, status: 'cancelled', creditsReleased };
      });
    },
  };
}
