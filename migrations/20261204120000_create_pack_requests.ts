import type { Knex } from 'knex';

/**
 * A bank's request for a pack of its own format: the base pack, what differs, and its status
 * as the firm works on it. The bank sees only its own rows; the firm (the platform) sees all.
 */
const STATEMENTS = [
  `CREATE TABLE pack_requests (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL REFERENCES tenants(id),
    title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    base_pack_key text CHECK (base_pack_key IS NULL OR base_pack_key ~ '^[A-Z][A-Z0-9_]{1,63}$'),
    differences text NOT NULL CHECK (length(differences) BETWEEN 1 AND 20000),
    sample_files jsonb NOT NULL DEFAULT '[]'::jsonb,
    status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'in_progress', 'delivered', 'declined')),
    status_note text,
    delivered_pack_key text CHECK (delivered_pack_key IS NULL OR delivered_pack_key ~ '^[A-Z][A-Z0-9_]{1,63}$'),
    created_by text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE INDEX pack_requests_tenant ON pack_requests (tenant_id, created_at DESC)`,
];

export async function up(knex: Knex): Promise<void> {
  for (const statement of STATEMENTS) await knex.raw(statement);
  await knex.raw('ALTER TABLE pack_requests ENABLE ROW LEVEL SECURITY');
  await knex.raw('ALTER TABLE pack_requests FORCE ROW LEVEL SECURITY');
  await knex.raw(
    'CREATE POLICY tenant_isolation ON pack_requests USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())',
  );
  await knex.raw('REVOKE DELETE, TRUNCATE ON pack_requests FROM repogen_app');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE IF EXISTS pack_requests');
}
