import type { JsonValue, PackWarning, TraceEntry } from '@repogen/sdk';
import type { Knex } from 'knex';
import type { AuditService } from '../audit/audit-service.js';
import type { Principal } from '../auth/principal.js';
import type { BlobStore } from '../blobs/blob-store.js';
import { InvalidError, NotFoundError } from '../errors/domain-error.js';
import type { PackRegistryService, RunnablePack } from '../packs/pack-registry-service.js';
import { billingErrors } from '../billing/billing-errors.js';
import { accountByExternalKey } from '../billing/billing-ledger.js';
import { withTenant } from '../store/tenant-scope.js';
import { applyPointerSet } from './json-pointer-patch.js';
import { changesNeedingReason } from './reason-policy.js';
import { readinessOf, splitProblems } from './report-readiness.js';
import {
  INTERNAL_ARTIFACT_KINDS,
  REPORT_SUMMARY_COLUMNS,
  toArtifactRecord,
  toReportSummary,
  toVersionRecord,
  type ArtifactRow,
  type ReportDetail,
  type ReportRow,
  type ReportStatus,
  type ReportSummary,
  type ReportSummaryRow,
  type ReportVersionRecord,
  type VersionRow,
} from './report-records.js';

export interface CreateReportRequest {
  readonly packKey: string;
  readonly packVersion?: string | undefined;
  readonly title: string;
  readonly externalKey?: string | undefined;
  /** The external key of the tenant's billing account to bill; the default account when absent. */
  readonly billingKey?: string | undefined;
  /** The bank the report is written for, as typed when the pack was chosen. */
  readonly bank?: string | undefined;
  /** The property's expected value in rupees. */
  readonly expectedValue?: number | undefined;
  readonly data?: JsonValue | undefined;
}

/**
 * A bound of the creation date: a day (`2026-12-04`, the whole UTC day) or an instant with its
 * offset (`2026-12-03T18:30:00.000Z`), which a client uses to bound a day of its own time zone.
 */
export type CreatedBound = string;

export interface ReportListQuery {
  readonly packKey?: string | undefined;
  readonly status?: ReportStatus | undefined;
  /** Part of the title or the external key, any case. */
  readonly q?: string | undefined;
  /** Part of the bank's name, any case. */
  readonly bank?: string | undefined;
  /** Created on or after this day or instant. */
  readonly createdFrom?: CreatedBound | undefined;
  /** Created on or before this day (all of it) or instant. */
  readonly createdTo?: CreatedBound | undefined;
  readonly limit: number;
  readonly offset: number;
}

export interface PatchDataRequest {
  readonly set: Readonly<Record<string, JsonValue>>;
  readonly reason?: string | undefined;
}

export interface ArtifactDownload {
  readonly bytes: Buffer;
  readonly filename: string;
  readonly contentType: string;
}

/** Reports: an assignment's data bound to a pinned pack version, with its generated versions. */
export interface ReportService {
  /** `created: false` when the external key already names a report of this tenant (that one is answered). */
  create(
    principal: Principal,
    request: CreateReportRequest,
    requestId?: string,
  ): Promise<{ report: ReportSummary; created: boolean }>;
  list(principal: Principal, query: ReportListQuery): Promise<{ items: ReportSummary[]; total: number }>;
  /** The report with its values, traces and warnings computed now in the sandbox, and its readiness. */
  get(principal: Principal, id: string): Promise<ReportDetail>;
  /** The same as `get`, for the report an external system knows by its key (`v1:assignment:123`). */
  getByExternalKey(principal: Principal, externalKey: string): Promise<ReportDetail>;
  patchData(principal: Principal, id: string, request: PatchDataRequest, requestId?: string): Promise<ReportDetail>;
  versions(principal: Principal, id: string): Promise<ReportVersionRecord[]>;
  artifact(principal: Principal, id: string): Promise<ArtifactDownload>;
}

const UNIQUE_VIOLATION = '23505';
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The first instant a bound admits, or (`end`) the first instant after it. */
function boundInstant(bound: CreatedBound, end: boolean): { at: Date; inclusive: boolean } {
  if (!DAY.test(bound)) return { at: new Date(bound), inclusive: true };
  const day = new Date(`${bound}T00:00:00.000Z`);
  if (end) day.setUTCDate(day.getUTCDate() + 1);
  return { at: day, inclusive: !end };
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function createReportService(deps: {
  knex: Knex;
  audit: AuditService;
  blobs: BlobStore;
  packs: PackRegistryService;
}): ReportService {
  const { knex, audit, blobs, packs } = deps;

  async function findReport(trx: Knex.Transaction, id: string, forUpdate = false): Promise<ReportRow> {
    const query = trx<ReportRow>('reports').where({ id }).first();
    const row = await (forUpdate ? query.forUpdate() : query);
    if (!row) throw new NotFoundError(`Report ${id}`, 'REPORT_NOT_FOUND');
    return row;
  }

  async function latestVersionOf(trx: Knex.Transaction, reportId: string): Promise<number> {
    const row = (await trx('report_versions').where({ report_id: reportId }).max('n as n').first()) as
      { n: number | null } | undefined;
    return Number(row?.n ?? 0);
  }

  async function versionsOf(trx: Knex.Transaction, reportId: string): Promise<ReportVersionRecord[]> {
    const rows = (await trx('report_versions')
      .where({ report_id: reportId })
      .select(
        'id',
        'tenant_id',
        'report_id',
        'n',
        'pack_key',
        'pack_version',
        'input_sha256',
        'warnings',
        'created_by',
        'created_at',
      )
      .orderBy('n', 'asc')) as VersionRow[];
    const artifacts =
      rows.length === 0
        ? []
        : ((await trx('artifacts')
            .whereIn(
              'version_id',
              rows.map((row) => row.id),
            )
            .orderBy('kind')) as ArtifactRow[]);
    return rows.map((row) => toVersionRecord(row, artifacts));
  }

  /** Schema faults refuse the data; absent required fields are allowed while the report is drafted. */
  function checkData(pack: RunnablePack, data: JsonValue): string[] {
    const { missing, faults } = splitProblems(pack.validateInput(data));
    if (faults.length > 0) {
      throw new InvalidError(
        'REPORT_DATA_INVALID',
        `The data does not match the pack schema: ${faults
          .map((p) => `${p.path} ${p.message}`)
          .slice(0, 5)
          .join('; ')}`,
        { problems: faults },
      );
    }
    return missing;
  }

  async function detail(principal: Principal, row: ReportRow, versions: ReportVersionRecord[]): Promise<ReportDetail> {
    const pack = await packs.resolve(principal, row.pack_key, row.pack_version);
    const missing = checkDataLeniently(pack, row.data);
    let values: ReportDetail['values'] = null;
    let trace: { [name: string]: TraceEntry } | null = null;
    let warnings: readonly PackWarning[] = [];
    if (missing.length === 0) {
      const computed = await packs.computeWith(principal, pack, { input: row.data });
      ({ values, trace, warnings } = computed);
    }
    return {
      ...toReportSummary({ ...row, latest_version: versions.at(-1)?.n ?? 0 }),
      data: row.data,
      values,
      trace,
      warnings,
      readiness: readinessOf(missing, warnings),
      versions,
    };
  }

  async function billingAccountOf(trx: Knex.Transaction, billingKey: string | undefined): Promise<string | null> {
    if (billingKey === undefined) return null;
    const account = await accountByExternalKey(trx, billingKey);
    if (!account) throw billingErrors.billingKeyUnknown(billingKey);
    return account.id;
  }

  /** Stored data passed `checkData` when written; a pack's later schema change shows as missing fields only. */
  function checkDataLeniently(pack: RunnablePack, data: JsonValue): string[] {
    const { missing, faults } = splitProblems(pack.validateInput(data));
    return [...missing, ...faults.map((fault) => fault.path)];
  }

  return {
    async create(principal, request, requestId) {
      const existing = async () =>
        request.externalKey === undefined
          ? undefined
          : ((await withTenant(knex, principal.tenantId, (trx) =>
              trx('reports').where({ external_key: request.externalKey }).first(),
            )) as ReportRow | undefined);
      const found = await existing();
      if (found) return { report: await summaryOf(principal, found), created: false };

      const pack = await packs.resolveForNewReport(principal, request.packKey, request.packVersion);
      const data = request.data ?? {};
      if (data === null || typeof data !== 'object' || Array.isArray(data))
        throw new InvalidError('REPORT_DATA_INVALID', 'Report data must be an object');
      checkData(pack, data);
      try {
        const row = await withTenant(knex, principal.tenantId, async (trx) => {
          const billingAccountId = await billingAccountOf(trx, request.billingKey);
          const [inserted] = (await trx('reports')
            .insert({
              tenant_id: principal.tenantId,
              pack_key: pack.detail.key,
              pack_version: pack.detail.version,
              title: request.title,
              external_key: request.externalKey ?? null,
              billing_account_id: billingAccountId,
              bank: request.bank ?? null,
              expected_value_rupees: request.expectedValue ?? null,
              data: JSON.stringify(data),
              created_by: principal.label,
            })
            .returning('*')) as [ReportRow];
          await audit.record(
            trx,
            { kind: 'principal', principal, requestId },
            {
              action: 'report.created',
              targetType: 'report',
              targetId: inserted.id,
              after: {
                packKey: inserted.pack_key,
                packVersion: inserted.pack_version,
                title: inserted.title,
                externalKey: inserted.external_key,
                billingAccountId: inserted.billing_account_id,
                bank: inserted.bank,
                expectedValue: request.expectedValue ?? null,
              },
            },
          );
          return inserted;
        });
        return { report: toReportSummary(row), created: true };
      } catch (error) {
        // Two creates with one external key at once: the loser answers the winner's report.
        if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
          const winner = await existing();
          if (winner) return { report: await summaryOf(principal, winner), created: false };
        }
        throw error;
      }
    },

    list(principal, query) {
      return withTenant(knex, principal.tenantId, async (trx) => {
        const filtered = trx('reports').modify((builder: Knex.QueryBuilder) => {
          if (query.packKey !== undefined) builder.where('pack_key', query.packKey);
          if (query.status !== undefined) builder.where('status', query.status);
          if (query.q !== undefined) {
            const like = likePattern(query.q);
            builder.where((inner) => inner.whereILike('title', like).orWhereILike('external_key', like));
          }
          if (query.bank !== undefined) builder.whereILike('bank', likePattern(query.bank));
          if (query.createdFrom !== undefined) {
            const from = boundInstant(query.createdFrom, false);
            builder.where('created_at', from.inclusive ? '>=' : '>', from.at);
          }
          if (query.createdTo !== undefined) {
            const to = boundInstant(query.createdTo, true);
            builder.where('created_at', to.inclusive ? '<=' : '<', to.at);
          }
        });
        // The total rides on each row (a window over the filtered set, before LIMIT): one query a page.
        const rows = (await filtered
          .clone()
          .select(
            ...REPORT_SUMMARY_COLUMNS.map((column) => `reports.${column}`),
            trx.raw('(SELECT max(n) FROM report_versions v WHERE v.report_id = reports.id) AS latest_version'),
            trx.raw('count(*) OVER () AS total_count'),
          )
          .orderBy([
            { column: 'created_at', order: 'desc' },
            { column: 'id', order: 'desc' },
          ])
          .limit(query.limit)
          .offset(query.offset)) as (ReportSummaryRow & { total_count: string | number })[];
        const total = rows[0]
          ? Number(rows[0].total_count)
          : query.offset > 0
            ? Number(((await filtered.clone().count('* as count').first()) as { count: string | number }).count)
            : 0;
        return { items: rows.map(toReportSummary), total };
      });
    },

    async get(principal, id) {
      const { row, versions } = await withTenant(knex, principal.tenantId, async (trx) => ({
        row: await findReport(trx, id),
        versions: await versionsOf(trx, id),
      }));
      return detail(principal, row, versions);
    },

    async getByExternalKey(principal, externalKey) {
      const { row, versions } = await withTenant(knex, principal.tenantId, async (trx) => {
        const found = await trx<ReportRow>('reports').where({ external_key: externalKey }).first();
        if (!found) throw new NotFoundError(`The report with external key ${externalKey}`, 'REPORT_NOT_FOUND');
        return { row: found, versions: await versionsOf(trx, found.id) };
      });
      return detail(principal, row, versions);
    },

    async patchData(principal, id, request, requestId) {
      const current = await withTenant(knex, principal.tenantId, (trx) => findReport(trx, id));
      const pack = await packs.resolve(principal, current.pack_key, current.pack_version);
      const { row, versions } = await withTenant(knex, principal.tenantId, async (trx) => {
        const locked = await findReport(trx, id, true);
        const { next, changes } = applyPointerSet(locked.data, request.set);
        checkData(pack, next);
        const needing = changesNeedingReason(pack.detail.reasonRequired, locked.data, next);
        if (needing.length > 0 && !request.reason) {
          throw new InvalidError('REASON_REQUIRED', `Changing ${needing.join(', ')} needs a reason`, {
            fields: needing,
          });
        }
        if (changes.length === 0) return { row: locked, versions: await versionsOf(trx, id) };
        const [updated] = (await trx('reports')
          .where({ id })
          .update({ data: JSON.stringify(next), updated_at: trx.fn.now() })
          .returning('*')) as [ReportRow];
        for (const change of changes) {
          await audit.record(
            trx,
            { kind: 'principal', principal, requestId },
            {
              action: 'report.data.changed',
              targetType: 'report',
              targetId: id,
              before: { field: change.pointer, value: change.before ?? null },
              after: { field: change.pointer, value: change.after ?? null },
              reason: request.reason,
            },
          );
        }
        return { row: updated, versions: await versionsOf(trx, id) };
      });
      return detail(principal, row, versions);
    },

    versions(principal, id) {
      return withTenant(knex, principal.tenantId, async (trx) => {
        await findReport(trx, id);
        return versionsOf(trx, id);
      });
    },

    async artifact(principal, id) {
      const row = (await withTenant(knex, principal.tenantId, (trx) => trx('artifacts').where({ id }).first())) as
        ArtifactRow | undefined;
      if (!row || INTERNAL_ARTIFACT_KINDS.includes(row.kind))
        throw new NotFoundError(`Artifact ${id}`, 'ARTIFACT_NOT_FOUND');
      const bytes = await blobs.get(row.blob_sha256);
      if (!bytes) throw new NotFoundError(`The content of artifact ${id}`, 'ARTIFACT_CONTENT_MISSING');
      const record = toArtifactRecord(row);
      return { bytes, filename: record.filename, contentType: record.contentType };
    },
  };

  async function summaryOf(principal: Principal, row: ReportRow): Promise<ReportSummary> {
    const latest = await withTenant(knex, principal.tenantId, (trx) => latestVersionOf(trx, row.id));
    return toReportSummary({ ...row, latest_version: latest });
  }
}
