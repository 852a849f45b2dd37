import { LOW_CONFIDENCE, type JsonValue } from '@repogen/sdk';
import type { ImageRegion } from '../ocr/image-region.js';
import type { EvidenceExif } from './exif-reader.js';
import { sameValue } from './reconcile-pack-proposals.js';

export type OcrStatus = 'none' | 'queued' | 'done' | 'failed';
export type ProposalStatus = 'proposed' | 'accepted' | 'rejected';
export type ProposalSource = 'ocr' | 'exif' | 'pack';

export interface EvidenceRow {
  id: string;
  tenant_id: string;
  report_id: string;
  kind: string;
  kind_confirmed: boolean;
  sha256: string;
  mime: string;
  size: number;
  width: number | null;
  height: number | null;
  pages: number | null;
  filename: string;
  exif: Partial<EvidenceExif>;
  order: number;
  excluded: boolean;
  deleted_at: Date | null;
  ocr_status: OcrStatus;
  ocr_text: string | null;
  ocr_confidence: number | null;
  detected_kind: string | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export interface ProposalRow {
  id: string;
  tenant_id: string;
  evidence_id: string;
  report_id: string;
  field: string;
  value: JsonValue;
  confidence: number;
  source: ProposalSource;
  source_text: string;
  region: ImageRegion | null;
  status: ProposalStatus;
  decided_by: string | null;
  decided_at: Date | null;
  created_at: Date;
}

/** An evidence item as the API shows it. */
export interface EvidenceView {
  readonly id: string;
  readonly reportId: string;
  readonly kind: string;
  /** False while the kind is the host's guess; reading the content may re-file the item. */
  readonly kindConfirmed: boolean;
  readonly filename: string;
  readonly sha256: string;
  readonly mime: string;
  readonly size: number;
  readonly width: number | null;
  readonly height: number | null;
  readonly pages: number | null;
  readonly exif: EvidenceExif;
  readonly ocr: {
    readonly status: OcrStatus;
    readonly confidence: number | null;
    readonly detectedKind: string | null;
  };
  readonly order: number;
  readonly excluded: boolean;
  readonly createdAt: string;
}

export interface ProposalWarning {
  readonly code: string;
  readonly level: 'info' | 'warn';
  readonly message: string;
}

export interface ProposalView {
  readonly id: string;
  readonly evidenceId: string;
  readonly reportId: string;
  readonly field: string;
  readonly value: JsonValue;
  readonly confidence: number;
  readonly source: ProposalSource;
  readonly sourceText: string;
  /** Where in the evidence image the value was read; null when not known. */
  readonly region: ImageRegion | null;
  readonly status: ProposalStatus;
  readonly warnings: readonly ProposalWarning[];
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
}

export function toEvidenceView(row: EvidenceRow): EvidenceView {
  return {
    id: row.id,
    reportId: row.report_id,
    kind: row.kind,
    kindConfirmed: row.kind_confirmed,
    filename: row.filename,
    sha256: row.sha256,
    mime: row.mime,
    size: row.size,
    width: row.width,
    height: row.height,
    pages: row.pages,
    exif: { lat: row.exif.lat ?? null, long: row.exif.long ?? null, takenAt: row.exif.takenAt ?? null },
    ocr: { status: row.ocr_status, confidence: row.ocr_confidence, detectedKind: row.detected_kind },
    order: row.order,
    excluded: row.excluded,
    createdAt: row.created_at.toISOString(),
  };
}

/** `others`: the report's other proposals, against which a pack's reading is checked. */
export function toProposalView(row: ProposalRow, others: readonly ProposalRow[] = []): ProposalView {
  return {
    id: row.id,
    evidenceId: row.evidence_id,
    reportId: row.report_id,
    field: row.field,
    value: row.value,
    confidence: row.confidence,
    source: row.source,
    sourceText: row.source_text,
    region: row.region ?? null,
    status: row.status,
    warnings: [...proposalWarnings(row.field, row.value, row.confidence), ...disagreements(row, others)],
    decidedBy: row.decided_by,
    decidedAt: row.decided_at ? row.decided_at.toISOString() : null,
  };
}

/** A pack's reading of a field the host read otherwise from the same evidence: one of them is wrong. */
function disagreements(row: ProposalRow, others: readonly ProposalRow[]): ProposalWarning[] {
  if (row.source !== 'pack') return [];
  const hostValues = others
    .filter((other) => other.source !== 'pack' && other.evidence_id === row.evidence_id && other.field === row.field)
    .map((other) => other.value)
    .filter((value) => !sameValue(value, row.value));
  return hostValues.length === 0
    ? []
    : [
        {
          code: 'READINGS_DISAGREE',
          level: 'warn',
          message: `The host read ${hostValues.map((value) => JSON.stringify(value)).join(', ')} from the same evidence; check the evidence`,
        },
      ];
}

/** Warn, never block: low confidence and coordinates outside India are said, not refused. */
export function proposalWarnings(field: string, value: JsonValue, confidence: number): ProposalWarning[] {
  const warnings: ProposalWarning[] = [];
  if (confidence < LOW_CONFIDENCE) {
    warnings.push({
      code: 'LOW_CONFIDENCE',
      level: 'warn',
      message: `Read with low confidence (${Math.round(confidence * 100)} %); check it against the evidence`,
    });
  }
  const coordinate = /\/(lat|lng|long|latitude|longitude)$/i.exec(field)?.[1]?.toLowerCase();
  if (coordinate && typeof value === 'number') {
    const isLat = coordinate.startsWith('lat');
    const [bound, low, high] = isLat ? [90, 6, 38] : [180, 68, 98];
    if (Math.abs(value) > bound)
      warnings.push({
        code: 'COORDINATE_OUT_OF_RANGE',
        level: 'warn',
        message: `${isLat ? 'Latitude' : 'Longitude'} must be within ±${bound}`,
      });
    else if (value < low || value > high)
      warnings.push({
        code: 'COORDINATE_OUTSIDE_INDIA',
        level: 'warn',
        message: `${value} lies outside India; check the reading`,
      });
  }
  return warnings;
}
