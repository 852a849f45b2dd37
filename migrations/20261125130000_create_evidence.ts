import type { Knex } from 'knex';

/**
 * Evidence uploaded to a report (photos, screenshots, documents; bytes in the blob store by
 * sha256) and the field values proposed from it by OCR and EXIF. A deleted item keeps its row
 * (soft delete, audited), so the same bytes may be uploaded again afterwards.
 */
const STATEMENTS = [
  `CREATE TABLE evidence (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL REFERENCES tenants(id),
    report_id uuid NOT NULL REFERENCES reports(id),
    kind text NOT NULL CHECK (kind ~ '^(photo|screenshot|document)\\.[a-z_]+$'),
    -- false while the kind is the host's guess (uploaded without one): OCR may re-file it.
    kind_confirmed boolean NOT NULL DEFAULT true,
    sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    mime text NOT NULL,
    size integer NOT NULL CHECK (size >= 0),
    width integer CHECK (width IS NULL OR width > 0),
    height integer CHECK (height IS NULL OR height > 0),
    pages integer CHECK (pages IS NULL OR pages > 0),
    filename text NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
    exif jsonb NOT NULL DEFAULT '{}'::jsonb,
    "order" integer NOT NULL DEFAULT 0,
    excluded boolean NOT NULL DEFAULT false,
    deleted_at timestamptz,
    ocr_status text NOT NULL DEFAULT 'none' CHECK (ocr_status IN ('none', 'queued', 'done', 'failed')),
    ocr_text text,
    ocr_confidence real,
    detected_kind text,
    created_by text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE UNIQUE INDEX evidence_unique_bytes ON evidence (report_id, sha256) WHERE deleted_at IS NULL`,
  `CREATE INDEX evidence_report ON evidence (tenant_id, report_id, kind, "order")`,
  `CREATE TABLE evidence_proposals (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL REFERENCES tenants(id),
    evidence_id uuid NOT NULL REFERENCES evidence(id),
    report_id uuid NOT NULL REFERENCES reports(id),
    field text NOT NULL CHECK (field ~ '^(/[^/]*)+$'),
    value jsonb NOT NULL,
    confidence real NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    source text NOT NULL CHECK (source IN ('ocr', 'exif', 'pack')),
    source_text text NOT NULL DEFAULT '',
    status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'accepted', 'rejected')),
    decided_by text,
    decided_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE INDEX evidence_proposals_report ON evidence_proposals (tenant_id, report_id, status)`,
  `CREATE INDEX evidence_proposals_evidence ON evidence_proposals (evidence_id)`,
];

const TENANT_TABLES = ['evidence', 'evidence_proposals'];

export async function up(knex: Knex): Promise<void> {
  for (const statement of STATEMENTS) await knex.raw(statement);
  for (const table of TENANT_TABLES) {
    await knex.raw(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
    await knex.raw(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    await knex.raw(
      `CREATE POLICY tenant_isolation ON ${table} USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())`,
    );
  }
  // Evidence is soft-deleted, never removed: the audit log points at these rows.
  await knex.raw('REVOKE DELETE, TRUNCATE ON evidence, evidence_proposals FROM repogen_app');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE IF EXISTS evidence_proposals, evidence');
}
