import type { Knex } from 'knex';

/**
 * Published pack versions. A global pack has no tenant and every tenant sees it; a tenant's
 * custom pack is visible to that tenant only. Rows are immutable but for their status.
 */
const STATEMENTS = [
  // Platform events (a bundled pack installed at first run) belong to no tenant; no tenant sees them.
  `ALTER TABLE audit_log ALTER COLUMN tenant_id DROP NOT NULL`,
  `CREATE TABLE pack_versions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid REFERENCES tenants(id),
    key text NOT NULL,
    version text NOT NULL,
    family text NOT NULL,
    title text NOT NULL,
    status text NOT NULL CHECK (status IN ('draft', 'published', 'deprecated', 'yanked')),
    digest text NOT NULL,
    archive_sha256 text NOT NULL,
    archive_size integer NOT NULL,
    manifest jsonb NOT NULL,
    schema jsonb NOT NULL,
    description jsonb NOT NULL,
    uploaded_by text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    status_changed_at timestamptz NOT NULL DEFAULT now(),
    status_reason text
  )`,
  `CREATE UNIQUE INDEX pack_versions_identity
    ON pack_versions (coalesce(tenant_id, '00000000-0000-0000-0000-000000000000'::uuid), key, version)`,
  `CREATE INDEX pack_versions_key ON pack_versions (key)`,
  `CREATE FUNCTION pack_versions_refuse_content_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
  BEGIN
    IF TG_OP = 'DELETE' THEN
      RAISE EXCEPTION 'a pack version is never deleted (yank it)' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.digest <> OLD.digest OR NEW.archive_sha256 <> OLD.archive_sha256 OR NEW.manifest <> OLD.manifest
       OR NEW.schema <> OLD.schema OR NEW.key <> OLD.key OR NEW.version <> OLD.version
       OR NEW.tenant_id IS DISTINCT FROM OLD.tenant_id THEN
      RAISE EXCEPTION 'a published pack version is immutable' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
  END $fn$`,
  `CREATE TRIGGER pack_versions_immutable BEFORE UPDATE OR DELETE ON pack_versions
    FOR EACH ROW EXECUTE FUNCTION pack_versions_refuse_content_change()`,
  `ALTER TABLE pack_versions ENABLE ROW LEVEL SECURITY`,
  `ALTER TABLE pack_versions FORCE ROW LEVEL SECURITY`,
  `CREATE POLICY pack_versions_read ON pack_versions FOR SELECT
    USING (tenant_id IS NULL OR tenant_id = app_tenant_id())`,
  `CREATE POLICY pack_versions_write ON pack_versions FOR INSERT WITH CHECK (tenant_id = app_tenant_id())`,
  `CREATE POLICY pack_versions_status ON pack_versions FOR UPDATE
    USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())`,
];

export async function up(knex: Knex): Promise<void> {
  for (const statement of STATEMENTS) await knex.raw(statement);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE IF EXISTS pack_versions');
  await knex.raw('ALTER TABLE audit_log ALTER COLUMN tenant_id SET NOT NULL');
  await knex.raw('DROP FUNCTION IF EXISTS pack_versions_refuse_content_change()');
}
