import type { Knex } from 'knex';

/**
 * A tenant's choices for a pack's settings (realisable factor, rounding steps, DSCR comfort…),
 * laid over the defaults the pack declares, so that a bank's practice can differ without a
 * new pack. One row per tenant and pack key: the choices hold across the key's versions.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`CREATE TABLE pack_settings (
    tenant_id uuid NOT NULL REFERENCES tenants(id),
    pack_key text NOT NULL CHECK (pack_key ~ '^[A-Z][A-Z0-9_]{1,63}$'),
    settings jsonb NOT NULL CHECK (jsonb_typeof(settings) = 'object'),
    updated_by text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, pack_key)
  )`);
  await knex.raw('ALTER TABLE pack_settings ENABLE ROW LEVEL SECURITY');
  await knex.raw('ALTER TABLE pack_settings FORCE ROW LEVEL SECURITY');
  await knex.raw('CREATE POLICY tenant_isolation ON pack_settings USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE IF EXISTS pack_settings');
}
