import type { JsonValue, PackWarning, TraceEntry } from '@repogen/sdk';
import type { Readiness } from './report-readiness.js';

export type ReportStatus = 'draft' | 'generated' | 'released' | 'cancelled';
export const REPORT_STATUSES: readonly ReportStatus[] = ['draft', 'generated', 'released', 'cancelled'];
export type ArtifactKind = 'docx' | 'pdf' | 'trace' | 'pdf-source' | 'pdf-released';
/** Kept for release only: listed and served to nobody. */
export const INTERNAL_ARTIFACT_KINDS: readonly ArtifactKind[] = ['pdf-source'];

export interface ReportSummary {
  readonly id: string;
  readonly packKey: string;
  readonly packVersion: string;
  readonly title: string;
  readonly externalKey: string | null;
  /** The billing account the report names; null when it is billed to the tenant's default account. */
  readonly billingAccountId: string | null;
  /** The bank the report is written for, as the operator named it; null when not given. */
  readonly bank: string | null;
  /** The property's expected value in rupees, given when the pack was chosen; null when not given. */
  readonly expectedValue: number | null;
  readonly status: ReportStatus;
  /** The newest version's number, 0 before the first generation. */
  readonly latestVersion: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface ArtifactRecord {
  readonly id: string;
  readonly kind: ArtifactKind;
  readonly sha256: string;
  readonly size: number;
  readonly contentType: string;
  readonly filename: string;
}

export interface ReportVersionRecord {
  readonly id: string;
  readonly n: number;
  readonly packKey: string;
  readonly packVersion: string;
  readonly inputSha256: string;
  readonly warnings: readonly PackWarning[];
  readonly createdBy: string;
  readonly createdAt: string;
  readonly artifacts: readonly ArtifactRecord[];
}

export interface ReportDetail extends ReportSummary {
  readonly data: JsonValue;
  /** The pack's values for the current data; null while required fields are missing. */
  readonly values: { readonly [name: string]: JsonValue } | null;
  readonly trace: { readonly [name: string]: TraceEntry } | null;
  readonly warnings: readonly PackWarning[];
  readonly readiness: Readiness;
  readonly versions: readonly ReportVersionRecord[];
}

/** Row shapes as stored (see migrations/20261125120000_create_reports.ts). */
export interface ReportRow {
  id: string;
  tenant_id: string;
  pack_key: string;
  pack_version: string;
  title: string;
  external_key: string | null;
  billing_account_id: string | null;
  bank: string | null;
  /** bigint: the driver answers a string. */
  expected_value_rupees: string | number | null;
  data: JsonValue;
  status: ReportStatus;
  created_by: string;
  created_at: Date;
  updated_at: Date;
  latest_version?: number | null;
}

export interface VersionRow {
  id: string;
  tenant_id: string;
  report_id: string;
  n: number;
  pack_key: string;
  pack_version: string;
  input_sha256: string;
  warnings: PackWarning[];
  created_by: string;
  created_at: Date;
}

export interface ArtifactRow {
  id: string;
  tenant_id: string;
  version_id: string;
  kind: ArtifactKind;
  blob_sha256: string;
  size: number;
  content_type: string;
  filename: string;
}

/** The columns a summary reads: a list never loads the reports' data. */
export const REPORT_SUMMARY_COLUMNS = [
  'id',
  'pack_key',
  'pack_version',
  'title',
  'external_key',
  'billing_account_id',
  'bank',
  'expected_value_rupees',
  'status',
  'created_at',
  'updated_at',
] as const;
export type ReportSummaryRow = Pick<ReportRow, (typeof REPORT_SUMMARY_COLUMNS)[number] | 'latest_version'>;

export function toReportSummary(row: ReportSummaryRow): ReportSummary {
  return {
    id: row.id,
    packKey: row.pack_key,
    packVersion: row.pack_version,
    title: row.title,
    externalKey: row.external_key,
    billingAccountId: row.billing_account_id,
    bank: row.bank,
    expectedValue: row.expected_value_rupees === null ? null : Number(row.expected_value_rupees),
    status: row.status,
    latestVersion: Number(row.latest_version ?? 0),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function toArtifactRecord(row: ArtifactRow): ArtifactRecord {
  return {
    id: row.id,
    kind: row.kind,
    sha256: row.blob_sha256,
    size: row.size,
    contentType: row.content_type,
    filename: row.filename,
  };
}

export function toVersionRecord(row: VersionRow, artifacts: readonly ArtifactRow[]): ReportVersionRecord {
  return {
    id: row.id,
    n: row.n,
    packKey: row.pack_key,
    packVersion: row.pack_version,
    inputSha256: row.input_sha256,
    warnings: row.warnings,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    artifacts: artifacts
      .filter((artifact) => artifact.version_id === row.id && !INTERNAL_ARTIFACT_KINDS.includes(artifact.kind))
      .map(toArtifactRecord),
  };
}
