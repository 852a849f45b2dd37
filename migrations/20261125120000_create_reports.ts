import type { Knex } from 'knex';

/**
 * Reports, their generated versions and artifacts, and generation requests (idempotency keys).
 * A report's data changes (every change audited); a version and its artifacts never change
 * once written, so a pack sent to a bank can always be produced again byte for byte.
 */
const STATEMENTS = [
  `CREATE TABLE reports (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL REFERENCES tenants(id),
    pack_key text NOT NULL,
    pack_version text NOT NULL,
    title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    external_key text CHECK (external_key IS NULL OR length(external_key) BETWEEN 1 AND 200),
    data jsonb NOT NULL DEFAULT '{}'::jsonb,
    status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'generated', 'released', 'cancelled')),
    created_by text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE UNIQUE INDEX reports_external_key ON reports (tenant_id, external_key) WHERE external_key IS NOT NULL`,
  `CREATE INDEX reports_recent ON reports (tenant_id, created_at DESC, id DESC)`,
  `CREATE INDEX reports_pack ON reports (tenant_id, pack_key)`,
  `CREATE TABLE report_versions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL REFERENCES tenants(id),
    report_id uuid NOT NULL REFERENCES reports(id),
    n integer NOT NULL CHECK (n >= 1),
    pack_key text NOT NULL,
    pack_version text NOT NULL,
    input jsonb NOT NULL,
    input_sha256 text NOT NULL CHECK (input_sha256 ~ '^[0-9a-f]{64}$'),
    "values" jsonb NOT NULL,
    trace jsonb NOT NULL,
    warnings jsonb NOT NULL,
    generation_request_id uuid,
    created_by text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (report_id, n)
  )`,
  `CREATE TABLE artifacts (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL REFERENCES tenants(id),
    version_id uuid NOT NULL REFERENCES report_versions(id),
    kind text NOT NULL CHECK (kind IN ('docx', 'pdf', 'trace')),
    blob_sha256 text NOT NULL CHECK (blob_sha256 ~ '^[0-9a-f]{64}$'),
    size integer NOT NULL CHECK (size >= 0),
    content_type text NOT NULL,
    filename text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (version_id, kind)
  )`,
  `CREATE TABLE generation_requests (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL REFERENCES tenants(id),
    idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 200),
    report_id uuid NOT NULL REFERENCES reports(id),
    job_id uuid,
    version_id uuid REFERENCES report_versions(id),
    progress jsonb NOT NULL DEFAULT '[]'::jsonb,
    requested_by text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, idempotency_key)
  )`,
  `CREATE INDEX generation_requests_job ON generation_requests (job_id)`,
  `CREATE FUNCTION reports_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
  BEGIN
    RAISE EXCEPTION '% rows are immutable: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
  END $fn$`,
];

const IMMUTABLE = ['report_versions', 'artifacts'];
const TENANT_TABLES = ['reports', 'report_versions', 'artifacts', 'generation_requests'];

export async function up(knex: Knex): Promise<void> {
  for (const statement of STATEMENTS) await knex.raw(statement);
  for (const table of IMMUTABLE) {
    await knex.raw(`CREATE TRIGGER ${table}_immutable BEFORE UPDATE OR DELETE ON ${table}
      FOR EACH ROW EXECUTE FUNCTION reports_refuse_change()`);
    await knex.raw(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
      FOR EACH STATEMENT EXECUTE FUNCTION reports_refuse_change()`);
    await knex.raw(`REVOKE UPDATE, DELETE, TRUNCATE ON ${table} FROM repogen_app`);
  }
  for (const table of TENANT_TABLES) {
    await knex.raw(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
    await knex.raw(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    await knex.raw(
      `CREATE POLICY tenant_isolation ON ${table} USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())`,
    );
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE IF EXISTS generation_requests, artifacts, report_versions, reports');
  await knex.raw('DROP FUNCTION IF EXISTS reports_refuse_change()');
}
