import { FIELD_POINTERS, type JsonValue } from '@repogen/sdk';
import type { Knex } from 'knex';
import sharp from 'sharp';
import type { AuditService } from '../audit/audit-service.js';
import type { Principal } from '../auth/principal.js';
import type { BlobStore } from '../blobs/blob-store.js';
import { InvalidError, NotFoundError } from '../errors/domain-error.js';
import type { CoreJobPayloads } from '../jobs/core-jobs.js';
import { requesterOf } from '../jobs/job-requester.js';
import type { JobService } from '../jobs/job-service.js';
import type { Logger } from '../logging/logger.js';
import type { PackRegistryService } from '../packs/pack-registry-service.js';
import type { ReportService } from '../reports/report-service.js';
import { withTenant } from '../store/tenant-scope.js';
import { buildChecklist, type EvidenceChecklist } from './evidence-checklist.js';
import { EVIDENCE_ERROR_CODES, evidenceNotFound, proposalDecided, proposalNotFound } from './evidence-errors.js';
import { DEFAULT_OCR_KINDS, defaultKindFor, kindMatches, type EvidenceKind } from './evidence-kinds.js';
import {
  proposalWarnings,
  toEvidenceView,
  toProposalView,
  type EvidenceRow,
  type EvidenceView,
  type ProposalRow,
  type ProposalStatus,
  type ProposalView,
  type ProposalWarning,
} from './evidence-records.js';
import { classifyDocument } from '../ocr/document-type-classifier.js';
import { readExif, type EvidenceExif } from './exif-reader.js';
import { schemaHasPointer } from './schema-has-pointer.js';
import { OCR_EVIDENCE_JOB } from './ocr-job-payload.js';
import {
  DEFAULT_UPLOAD_LIMITS,
  inspectUpload,
  type InspectedFile,
  type UploadedFile,
  type UploadLimits,
} from './upload-inspection.js';

export interface UploadedEvidence extends EvidenceView {
  /** True when these bytes were already evidence of the report: the existing item is answered. */
  readonly duplicate: boolean;
}

export interface EvidenceChange {
  readonly kind?: EvidenceKind | undefined;
  readonly order?: number | undefined;
  readonly excluded?: boolean | undefined;
}

export interface AcceptRequest {
  /** The operator's own value, kept instead of the reading (an override). */
  readonly value?: JsonValue | undefined;
  readonly reason?: string | undefined;
}

export interface EvidenceContent {
  readonly bytes: Buffer;
  readonly mime: string;
  readonly filename: string;
}

/** A report's uploads, the values proposed from them, and its evidence checklist. */
export interface EvidenceService {
  /** Checks every file first: one refused file refuses the request and stores nothing. */
  upload(
    principal: Principal,
    reportId: string,
    files: readonly UploadedFile[],
    kind: EvidenceKind | undefined,
    requestId?: string,
  ): Promise<UploadedEvidence[]>;
  list(principal: Principal, reportId: string): Promise<EvidenceView[]>;
  update(principal: Principal, id: string, change: EvidenceChange, requestId?: string): Promise<EvidenceView>;
  /** Soft: the row stays (the audit log names it), the item leaves lists, layouts and checklists. */
  remove(principal: Principal, id: string, requestId?: string): Promise<void>;
  content(principal: Principal, id: string): Promise<EvidenceContent>;
  thumbnail(principal: Principal, id: string): Promise<EvidenceContent>;
  proposals(principal: Principal, reportId: string, status?: ProposalStatus): Promise<ProposalView[]>;
  /** Writes the value through the report's patch, so the pack schema and the audit apply. */
  accept(
    principal: Principal,
    id: string,
    request: AcceptRequest,
    requestId?: string,
  ): Promise<{ proposal: ProposalView; warnings: ProposalWarning[] }>;
  reject(principal: Principal, id: string, requestId?: string): Promise<ProposalView>;
  checklist(principal: Principal, reportId: string): Promise<EvidenceChecklist>;
}

export interface EvidenceServiceDeps {
  readonly knex: Knex;
  readonly audit: AuditService;
  readonly blobs: BlobStore;
  readonly packs: PackRegistryService;
  readonly reports: ReportService;
  readonly jobs: JobService<CoreJobPayloads>;
  readonly logger: Logger;
  readonly limits?: Partial<UploadLimits> & { readonly maxFilesPerRequest?: number };
}

const THUMBNAIL_EDGE_PX = 320;
const UNIQUE_VIOLATION = '23505';
/** EXIF is written by the camera itself: trusted above any OCR reading. */
const EXIF_CONFIDENCE = 0.95;

interface ReportRef {
  id: string;
  pack_key: string;
  pack_version: string;
}

export function createEvidenceService(deps: EvidenceServiceDeps): EvidenceService {
  const { knex, audit, blobs, packs, reports, jobs, logger } = deps;
  const limits: UploadLimits = { ...DEFAULT_UPLOAD_LIMITS, ...deps.limits };
  const maxFiles = deps.limits?.maxFilesPerRequest ?? 20;

  async function findReport(trx: Knex.Transaction, id: string): Promise<ReportRef> {
    const row = (await trx('reports').where({ id }).select('id', 'pack_key', 'pack_version').first()) as
      ReportRef | undefined;
    if (!row) throw new NotFoundError(`Report ${id}`, 'REPORT_NOT_FOUND');
    return row;
  }

  async function findEvidence(trx: Knex.Transaction, id: string, forUpdate = false): Promise<EvidenceRow> {
    const query = trx<EvidenceRow>('evidence').where({ id }).whereNull('deleted_at').first();
    const row = await (forUpdate ? query.forUpdate() : query);
    if (!row) throw evidenceNotFound(id);
    return row;
  }

  /** The kinds the pack's manifest has read by OCR (`evidence.ocr`), and its input schema. */
  async function packOf(
    principal: Principal,
    report: ReportRef,
  ): Promise<{ ocrKinds: readonly string[]; schema: JsonValue }> {
    const pack = await packs.resolve(principal, report.pack_key, report.pack_version);
    const listed = pack.detail.manifest.evidence.ocr?.map((entry) => entry.kind);
    return { ocrKinds: listed && listed.length > 0 ? listed : DEFAULT_OCR_KINDS, schema: pack.detail.schema };
  }

  function actor(principal: Principal, requestId: string | undefined) {
    return { kind: 'principal', principal, requestId } as const;
  }

  return {
    async upload(principal, reportId, files, kind, requestId) {
      if (files.length === 0) throw new InvalidError(EVIDENCE_ERROR_CODES.filesInvalid, 'The request has no file part');
      if (files.length > maxFiles)
        throw new InvalidError(EVIDENCE_ERROR_CODES.filesInvalid, `At most ${maxFiles} files per request`);
      const report = await withTenant(knex, principal.tenantId, (trx) => findReport(trx, reportId));

      // Every file is checked before any is stored: one refused file refuses the request.
      const inspected: { file: UploadedFile; inspected: InspectedFile }[] = [];
      for (const file of files) inspected.push({ file, inspected: await inspectUpload(file, limits) });
      // Then into the content-addressed store, before the rows: a blob that no row names yet is
      // harmless, and the report's lock is not held while files are copied.
      const checked: { file: UploadedFile; inspected: InspectedFile; sha256: string; exif: EvidenceExif }[] = [];
      for (const entry of inspected) {
        const exif = await readExif(entry.file.path, entry.inspected.mime);
        checked.push({ ...entry, sha256: await blobs.putFile(entry.file.path), exif });
      }
      const { ocrKinds, schema } = await packOf(principal, report);
      // An image uploaded without a kind is read to tell what it is, as the upload hub must.
      const readable = (candidate: string, mime: string) =>
        mime !== 'application/pdf' &&
        (kind === undefined || ocrKinds.some((pattern) => kindMatches(pattern, candidate)));

      const stored = await withTenant(knex, principal.tenantId, async (trx) => {
        await trx('reports').where({ id: reportId }).forUpdate().first();
        const answered: UploadedEvidence[] = [];
        for (const { file, inspected, sha256, exif } of checked) {
          const existing = (await trx('evidence')
            .where({ report_id: reportId, sha256 })
            .whereNull('deleted_at')
            .first()) as EvidenceRow | undefined;
          if (existing) {
            answered.push({ ...toEvidenceView(existing), duplicate: true });
            continue;
          }
          const itemKind = kind ?? defaultKindFor(inspected.mime);
          const last = (await trx('evidence')
            .where({ report_id: reportId, kind: itemKind })
            .whereNull('deleted_at')
            .max('order as max')
            .first()) as { max: number | null } | undefined;
          const [row] = (await trx('evidence')
            .insert({
              tenant_id: principal.tenantId,
              report_id: reportId,
              kind: itemKind,
              kind_confirmed: kind !== undefined,
              sha256,
              mime: inspected.mime,
              size: file.size,
              width: inspected.width ?? null,
              height: inspected.height ?? null,
              pages: inspected.pages ?? null,
              filename: safeFilename(file.filename),
              exif: JSON.stringify(exif),
              order: last?.max === null || last?.max === undefined ? 0 : Number(last.max) + 1,
              ocr_status: readable(itemKind, inspected.mime) ? 'queued' : 'none',
              detected_kind: inspected.mime === 'application/pdf' ? documentKindFromName(file.filename) : null,
              created_by: principal.label,
            })
            .returning('*')) as [EvidenceRow];
          await insertExifProposals(trx, row, exif, schema);
          await audit.record(trx, actor(principal, requestId), {
            action: 'evidence.uploaded',
            targetType: 'evidence',
            targetId: row.id,
            after: { reportId, kind: row.kind, sha256, mime: row.mime, size: row.size, filename: row.filename },
          });
          answered.push({ ...toEvidenceView(row), duplicate: false });
        }
        return answered;
      }).catch((error: unknown) => {
        // Two uploads of the same bytes at once: the loser answers the winner's item on retry.
        if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
          throw new InvalidError('EVIDENCE_UPLOAD_RACED', 'The same file was uploaded concurrently; send it again');
        }
        throw error;
      });

      for (const item of stored) {
        if (item.duplicate || item.ocr.status !== 'queued') continue;
        await queueOcr(principal, item.id).catch(async (error: unknown) => {
          logger.warn({ evidenceId: item.id, err: error }, 'OCR job could not be queued');
          await withTenant(knex, principal.tenantId, (trx) =>
            trx('evidence').where({ id: item.id }).update({ ocr_status: 'failed' }),
          );
        });
      }
      return stored;
    },

    list(principal, reportId) {
      return withTenant(knex, principal.tenantId, async (trx) => {
        await findReport(trx, reportId);
        const rows = (await trx('evidence')
          .where({ report_id: reportId })
          .whereNull('deleted_at')
          .orderBy([{ column: 'kind' }, { column: 'order' }, { column: 'created_at' }])) as EvidenceRow[];
        return rows.map(toEvidenceView);
      });
    },

    async update(principal, id, change, requestId) {
      const row = await withTenant(knex, principal.tenantId, async (trx) => {
        const current = await findEvidence(trx, id, true);
        const next: Record<string, unknown> = {};
        if (change.kind !== undefined && change.kind !== current.kind) next.kind = change.kind;
        if (change.kind !== undefined && !current.kind_confirmed) next.kind_confirmed = true;
        if (change.order !== undefined && change.order !== current.order) next.order = change.order;
        if (change.excluded !== undefined && change.excluded !== current.excluded) next.excluded = change.excluded;
        if (Object.keys(next).length === 0) return current;
        const [updated] = (await trx('evidence')
          .where({ id })
          .update({ ...next, updated_at: trx.fn.now() })
          .returning('*')) as [EvidenceRow];
        const before = Object.fromEntries(Object.keys(next).map((key) => [key, current[key as keyof EvidenceRow]]));
        await audit.record(trx, actor(principal, requestId), {
          action: 'evidence.changed',
          targetType: 'evidence',
          targetId: id,
          before,
          after: next,
        });
        return updated;
      });
      // A kind the pack reads (a photo re-filed as the GPS photo) is read now.
      if (change.kind !== undefined && row.ocr_status === 'none' && row.mime !== 'application/pdf') {
        const report = await withTenant(knex, principal.tenantId, (trx) => findReport(trx, row.report_id));
        const { ocrKinds } = await packOf(principal, report);
        if (ocrKinds.some((pattern) => kindMatches(pattern, row.kind))) {
          await withTenant(knex, principal.tenantId, (trx) =>
            trx('evidence').where({ id }).update({ ocr_status: 'queued' }),
          );
          await queueOcr(principal, id);
          return { ...toEvidenceView(row), ocr: { ...toEvidenceView(row).ocr, status: 'queued' } };
        }
      }
      return toEvidenceView(row);
    },

    async remove(principal, id, requestId) {
      await withTenant(knex, principal.tenantId, async (trx) => {
        const current = await findEvidence(trx, id, true);
        await trx('evidence').where({ id }).update({ deleted_at: trx.fn.now(), updated_at: trx.fn.now() });
        await trx('evidence_proposals')
          .where({ evidence_id: id, status: 'proposed' })
          .update({ status: 'rejected', decided_by: principal.label, decided_at: trx.fn.now() });
        await audit.record(trx, actor(principal, requestId), {
          action: 'evidence.deleted',
          targetType: 'evidence',
          targetId: id,
          before: {
            reportId: current.report_id,
            kind: current.kind,
            sha256: current.sha256,
            filename: current.filename,
          },
        });
      });
    },

    async content(principal, id) {
      const row = await withTenant(knex, principal.tenantId, (trx) => findEvidence(trx, id));
      const bytes = await blobs.get(row.sha256);
      if (!bytes) throw new NotFoundError(`The content of evidence ${id}`, 'EVIDENCE_CONTENT_MISSING');
      return { bytes, mime: row.mime, filename: row.filename };
    },

    async thumbnail(principal, id) {
      const row = await withTenant(knex, principal.tenantId, (trx) => findEvidence(trx, id));
      if (row.mime === 'application/pdf')
        throw new NotFoundError(`A thumbnail of PDF evidence ${id}`, 'EVIDENCE_THUMBNAIL_UNAVAILABLE');
      const bytes = await blobs.get(row.sha256);
      if (!bytes) throw new NotFoundError(`The content of evidence ${id}`, 'EVIDENCE_CONTENT_MISSING');
      const data = await sharp(bytes, { limitInputPixels: limits.maxPixels })
        .rotate()
        .resize({ width: THUMBNAIL_EDGE_PX, height: THUMBNAIL_EDGE_PX, fit: 'inside', withoutEnlargement: true })
        .jpeg({ quality: 72 })
        .toBuffer();
      return { bytes: data, mime: 'image/jpeg', filename: `${row.filename.replace(/\.[^.]+$/, '')}-thumbnail.jpg` };
    },

    proposals(principal, reportId, status) {
      return withTenant(knex, principal.tenantId, async (trx) => {
        await findReport(trx, reportId);
        // Every status is read: a pack's reading is checked against the host's even once that is decided.
        const rows = (await trx('evidence_proposals')
          .where({ report_id: reportId })
          .orderBy([
            { column: 'field' },
            { column: 'confidence', order: 'desc' },
            { column: 'created_at' },
          ])) as ProposalRow[];
        return rows
          .filter((row) => status === undefined || row.status === status)
          .map((row) => toProposalView(row, rows));
      });
    },

    async accept(principal, id, request, requestId) {
      const proposal = await withTenant(knex, principal.tenantId, (trx) => findProposal(trx, id));
      const value = request.value !== undefined ? request.value : proposal.value;
      const overridden = request.value !== undefined;
      const reason =
        request.reason ??
        (overridden
          ? `Operator value instead of the ${proposal.source} reading of evidence ${proposal.evidence_id}`
          : `Accepted ${proposal.source} reading of evidence ${proposal.evidence_id} (confidence ${proposal.confidence})`);
      await reports.patchData(principal, proposal.report_id, { set: { [proposal.field]: value }, reason }, requestId);
      const decided = await withTenant(knex, principal.tenantId, async (trx) => {
        const [row] = (await trx('evidence_proposals')
          .where({ id, status: 'proposed' })
          .update({ status: 'accepted', decided_by: principal.label, decided_at: trx.fn.now() })
          .returning('*')) as ProposalRow[];
        if (!row) throw proposalDecided(id, 'decided');
        await audit.record(trx, actor(principal, requestId), {
          action: 'proposal.accepted',
          targetType: 'report',
          targetId: proposal.report_id,
          before: { proposalId: id, field: proposal.field, value: proposal.value, confidence: proposal.confidence },
          after: { field: proposal.field, value, overridden },
          reason,
        });
        return row;
      });
      const warnings = overridden
        ? proposalWarnings(proposal.field, value, 1)
        : proposalWarnings(proposal.field, value, proposal.confidence);
      return { proposal: toProposalView(decided), warnings };
    },

    reject(principal, id, requestId) {
      return withTenant(knex, principal.tenantId, async (trx) => {
        const proposal = await findProposal(trx, id);
        const [row] = (await trx('evidence_proposals')
          .where({ id })
          .update({ status: 'rejected', decided_by: principal.label, decided_at: trx.fn.now() })
          .returning('*')) as [ProposalRow];
        await audit.record(trx, actor(principal, requestId), {
          action: 'proposal.rejected',
          targetType: 'report',
          targetId: proposal.report_id,
          before: { proposalId: id, field: proposal.field, value: proposal.value, confidence: proposal.confidence },
        });
        return toProposalView(row);
      });
    },

    async checklist(principal, reportId) {
      const { report, rows } = await withTenant(knex, principal.tenantId, async (trx) => {
        const found = await findReport(trx, reportId);
        const items = (await trx('evidence')
          .where({ report_id: reportId })
          .whereNull('deleted_at')
          .orderBy([{ column: 'kind' }, { column: 'order' }])) as EvidenceRow[];
        return { report: found, rows: items };
      });
      const pack = await packs.resolve(principal, report.pack_key, report.pack_version);
      return buildChecklist(pack.detail.manifest.evidence.required, rows.map(toEvidenceView));
    },
  };

  async function findProposal(trx: Knex.Transaction, id: string): Promise<ProposalRow> {
    const row = (await trx('evidence_proposals').where({ id }).first()) as ProposalRow | undefined;
    if (!row) throw proposalNotFound(id);
    if (row.status !== 'proposed') throw proposalDecided(id, row.status);
    return row;
  }

  async function insertExifProposals(trx: Knex.Transaction, row: EvidenceRow, exif: EvidenceExif, schema: JsonValue) {
    if (!row.kind.startsWith('photo.')) return;
    const values: [string, JsonValue | null, string][] = [
      [FIELD_POINTERS.lat, exif.lat, `EXIF GPSLatitude ${exif.lat}`],
      [FIELD_POINTERS.long, exif.long, `EXIF GPSLongitude ${exif.long}`],
      [FIELD_POINTERS.date, exif.takenAt?.slice(0, 10) ?? null, `EXIF DateTimeOriginal ${exif.takenAt}`],
      [FIELD_POINTERS.time, exif.takenAt?.slice(11, 16) ?? null, `EXIF DateTimeOriginal ${exif.takenAt}`],
    ];
    for (const [field, value, sourceText] of values) {
      if (value === null || !schemaHasPointer(schema, field)) continue;
      await trx('evidence_proposals').insert({
        tenant_id: row.tenant_id,
        evidence_id: row.id,
        report_id: row.report_id,
        field,
        value: JSON.stringify(value),
        confidence: EXIF_CONFIDENCE,
        source: 'exif',
        source_text: sourceText,
      });
    }
  }

  async function queueOcr(principal: Principal, evidenceId: string) {
    await jobs.send(OCR_EVIDENCE_JOB, {
      tenantId: principal.tenantId,
      evidenceId,
      requestedBy: requesterOf(principal),
    });
  }
}

/** A document's kind as its file name suggests (`sale_deed.pdf`), until its words are read. */
function documentKindFromName(filename: string): string | null {
  const words = filename.replace(/\.[^.]+$/, '').replace(/[_\-.]+/g, ' ');
  const detected = classifyDocument(words);
  return typeof detected?.value === 'string' ? detected.value : null;
}

/** A name fit for a Content-Disposition header and a PDF bookmark: no path, no control characters. */
function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = [...base]
    .filter((char) => char.charCodeAt(0) >= 0x20 && char !== '\u007f' && char !== '"')
    .join('')
    .trim()
    .slice(0, 200);
  return cleaned || 'evidence';
}
