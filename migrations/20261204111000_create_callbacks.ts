import type { Knex } from 'knex';

/**
 * Callback endpoints a tenant registers (URL, signing secret, the events it wants) and the
 * log of deliveries to them. A delivery row is written when an event is published and is
 * updated by each attempt of its job; an endpoint is removed softly so its log stays readable.
 */
const STATEMENTS = [
  `CREATE TABLE callback_endpoints (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL REFERENCES tenants(id),
    url text NOT NULL CHECK (length(url) BETWEEN 1 AND 2000),
    secret text NOT NULL CHECK (length(secret) BETWEEN 16 AND 200),
    events jsonb NOT NULL CHECK (jsonb_typeof(events) = 'array'),
    description text,
    created_by text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz
  )`,
  `CREATE INDEX callback_endpoints_tenant ON callback_endpoints (tenant_id) WHERE deleted_at IS NULL`,
  `CREATE TABLE callback_deliveries (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL REFERENCES tenants(id),
    endpoint_id uuid NOT NULL REFERENCES callback_endpoints(id),
    event_id uuid NOT NULL,
    event text NOT NULL,
    body text NOT NULL,
    state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed')),
    attempts integer NOT NULL DEFAULT 0,
    last_status integer,
    last_error text,
    redelivery_of uuid REFERENCES callback_deliveries(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    last_attempt_at timestamptz,
    delivered_at timestamptz
  )`,
  `CREATE INDEX callback_deliveries_recent ON callback_deliveries (tenant_id, created_at DESC, id DESC)`,
];

const TENANT_TABLES = ['callback_endpoints', 'callback_deliveries'];

export async function up(knex: Knex): Promise<void> {
  for (const statement of STATEMENTS) await knex.raw(statement);
  for (const table of TENANT_TABLES) {
    await knex.raw(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
    await knex.raw(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    await knex.raw(
      `CREATE POLICY tenant_isolation ON ${table} USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())`,
    );
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE IF EXISTS callback_deliveries, callback_endpoints');
}
