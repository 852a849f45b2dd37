import type { Knex } from 'knex';

/**
 * The first answer to a POST sent with an Idempotency-Key, per tenant and key. A row is
 * claimed (`response_status` null) before the handler runs, so a concurrent repeat waits for
 * the first answer instead of creating a second thing; the hash of method, path and body
 * tells a true repeat from a reused key.
 */
const STATEMENTS = [
  `CREATE TABLE idempotent_requests (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL REFERENCES tenants(id),
    idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 200),
    request_hash text NOT NULL CHECK (request_hash ~ '^[0-9a-f]{64}$'),
    method text NOT NULL,
    path text NOT NULL,
    response_status integer,
    response_body jsonb,
    created_at timestamptz NOT NULL DEFAULT now(),
    completed_at timestamptz,
    expires_at timestamptz NOT NULL,
    UNIQUE (tenant_id, idempotency_key)
  )`,
  `CREATE INDEX idempotent_requests_expiry ON idempotent_requests (expires_at)`,
  `ALTER TABLE idempotent_requests ENABLE ROW LEVEL SECURITY`,
  `ALTER TABLE idempotent_requests FORCE ROW LEVEL SECURITY`,
  `CREATE POLICY tenant_isolation ON idempotent_requests USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())`,
];

export async function up(knex: Knex): Promise<void> {
  for (const statement of STATEMENTS) await knex.raw(statement);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE IF EXISTS idempotent_requests');
}
