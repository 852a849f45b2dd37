import { FIELD_POINTERS, proposalsFromFields, roundConfidence, type FieldProposal } from '@repogen/sdk';
import type { Knex } from 'knex';
import type { AuditService } from '../audit/audit-service.js';
import type { Principal } from '../auth/principal.js';
import type { BlobStore } from '../blobs/blob-store.js';
import type { Logger } from '../logging/logger.js';
import { readEvidenceImage, type EvidenceReading } from '../ocr/evidence-reader.js';
import { regionOfSourceText, type ImageRegion } from '../ocr/image-region.js';
import type { OcrEngine } from '../ocr/ocr-engine.js';
import type { PackRegistryService, RunnablePack } from '../packs/pack-registry-service.js';
import type { PackSandbox } from '../sandbox/index.js';
import { withTenant } from '../store/tenant-scope.js';
import type { EvidenceRow, ProposalSource } from './evidence-records.js';
import { reconcilePackProposals } from './reconcile-pack-proposals.js';
import { schemaHasPointer } from './schema-has-pointer.js';

export interface EvidenceOcrDeps {
  readonly knex: Knex;
  readonly audit: AuditService;
  readonly blobs: BlobStore;
  readonly packs: PackRegistryService;
  readonly sandbox: PackSandbox;
  readonly ocr: OcrEngine;
  readonly logger: Logger;
}

export interface EvidenceOcrOutcome {
  readonly evidenceId: string;
  readonly status: 'done' | 'skipped';
  readonly proposals: number;
  readonly confidence: number;
}

/**
 * Reads one evidence item (prepare, OCR, extract), asks the pack's `extract` in the sandbox for
 * its own proposals, and stores the text and every proposal. Done items are not read twice, so
 * a retried job changes nothing. A pack's fault costs only the pack's proposals.
 */
export async function runEvidenceOcr(
  deps: EvidenceOcrDeps,
  principal: Principal,
  evidenceId: string,
): Promise<EvidenceOcrOutcome> {
  const { knex, audit, blobs, packs, sandbox, ocr, logger } = deps;
  const loaded = await withTenant(knex, principal.tenantId, async (trx) => {
    const row = (await trx('evidence').where({ id: evidenceId }).whereNull('deleted_at').first()) as
      EvidenceRow | undefined;
    const report = row
      ? ((await trx('reports').where({ id: row.report_id }).select('pack_key', 'pack_version').first()) as {
          pack_key: string;
          pack_version: string;
        })
      : undefined;
    return row && report ? { row, report } : undefined;
  });
  if (!loaded || loaded.row.ocr_status === 'done')
    return { evidenceId, status: 'skipped', proposals: 0, confidence: 0 };
  const { row, report } = loaded;
  const bytes = await blobs.get(row.sha256);
  if (!bytes) throw new Error(`Evidence ${evidenceId} has no content in the blob store`);

  // An item uploaded without a kind is read without one: its content says what it is.
  const reading = await readEvidenceImage(ocr, bytes, row.kind_confirmed ? row.kind : undefined);
  const refiled = !row.kind_confirmed && reading.kind !== row.kind ? reading.kind : undefined;
  const pack = await packs.resolve(principal, report.pack_key, report.pack_version);
  const host = proposalsFromFields(reading.fields).filter((proposal) =>
    schemaHasPointer(pack.detail.schema, proposal.field),
  );
  const fromPack = await packProposals(
    sandbox,
    pack,
    principal.tenantId,
    reading.kind,
    reading.ocr.text,
    reading.ocr.confidence,
    logger,
  );
  const packOwn = reconcilePackProposals(host, fromPack);
  const detectedKind =
    typeof reading.fields.documentType?.value === 'string' ? reading.fields.documentType.value : (refiled ?? null);

  await withTenant(knex, principal.tenantId, async (trx) => {
    const insert = (proposal: FieldProposal, source: ProposalSource, region: ImageRegion | undefined) =>
      trx('evidence_proposals').insert({
        tenant_id: principal.tenantId,
        evidence_id: row.id,
        report_id: row.report_id,
        field: proposal.field,
        value: JSON.stringify(proposal.value),
        confidence: roundConfidence(proposal.confidence),
        source,
        source_text: proposal.sourceText.slice(0, 2000),
        region: region ? JSON.stringify(region) : null,
      });
    for (const proposal of host) await insert(proposal, 'ocr', hostRegion(reading, proposal.field));
    for (const proposal of packOwn)
      await insert(proposal, 'pack', regionOfSourceText(proposal.sourceText, reading.located));
    await trx('evidence')
      .where({ id: row.id })
      .update({
        ...(refiled ? { kind: refiled } : {}),
        ocr_status: 'done',
        ocr_text: reading.ocr.text,
        ocr_confidence: roundConfidence(reading.ocr.confidence / 100),
        detected_kind: detectedKind,
        updated_at: trx.fn.now(),
      });
    await audit.record(
      trx,
      { kind: 'system', tenantId: principal.tenantId, label: 'ocr' },
      {
        action: 'evidence.read',
        targetType: 'evidence',
        targetId: row.id,
        after: {
          proposals: host.length + packOwn.length,
          confidence: reading.confidence,
          detectedKind,
          ...(refiled ? { kind: refiled } : {}),
        },
      },
    );
  });
  return { evidenceId, status: 'done', proposals: host.length + packOwn.length, confidence: reading.confidence };
}

/** Where the host read the field a proposal of its own fills. */
function hostRegion(reading: EvidenceReading, pointer: string): ImageRegion | undefined {
  const name = (Object.keys(FIELD_POINTERS) as (keyof typeof FIELD_POINTERS)[]).find(
    (candidate) => FIELD_POINTERS[candidate] === pointer,
  );
  return name === undefined ? undefined : reading.regions[name];
}

/** Marks an item whose reading failed for good, so the upload hub stops waiting for it. */
export async function markOcrFailed(knex: Knex, tenantId: string, evidenceId: string): Promise<void> {
  await withTenant(knex, tenantId, (trx) =>
    trx('evidence').where({ id: evidenceId }).update({ ocr_status: 'failed', updated_at: trx.fn.now() }),
  );
}

async function packProposals(
  sandbox: PackSandbox,
  pack: RunnablePack,
  tenantId: string,
  kind: string,
  text: string,
  meanConfidence: number,
  logger: Logger,
): Promise<FieldProposal[]> {
  if (!pack.detail.description.operations.includes('extract') || text.trim() === '') return [];
  try {
    const { result } = await sandbox.call(
      pack.sandboxRef,
      tenantId,
      'extract',
      { kind, text, meanConfidence },
      pack.detail.manifest.limits,
    );
    return result.proposals
      .filter((proposal) => schemaHasPointer(pack.detail.schema, proposal.field))
      .map((proposal) => ({
        field: proposal.field,
        value: proposal.value,
        confidence: Math.max(0, Math.min(1, proposal.confidence)),
        sourceText: proposal.sourceText,
      }));
  } catch (error) {
    logger.warn(
      { err: error, pack: `${pack.detail.key}@${pack.detail.version}` },
      'pack extract failed; host proposals kept',
    );
    return [];
  }
}
