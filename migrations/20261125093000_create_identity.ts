import type { Knex } from 'knex';

const STATEMENTS = [
  `DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'repogen_app') THEN
      CREATE ROLE repogen_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
    END IF;
  END $$`,
  `GRANT USAGE ON SCHEMA public TO repogen_app`,
  `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO repogen_app`,
  `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO repogen_app`,
  `REVOKE ALL ON knex_migrations, knex_migrations_lock FROM repogen_app`,
  `CREATE FUNCTION app_tenant_id() RETURNS uuid LANGUAGE sql STABLE AS
    $fn$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $fn$`,
  `CREATE TABLE tenants (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind text NOT NULL CHECK (kind IN ('firm', 'bank')),
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE TABLE users (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL REFERENCES tenants(id),
    email text NOT NULL,
    display_name text NOT NULL,
    password_hash text NOT NULL,
    role text NOT NULL CHECK (role IN ('admin', 'author', 'operator', 'bank', 'service')),
    disabled_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE UNIQUE INDEX users_email_unique ON users (lower(email))`,
  `CREATE INDEX users_tenant ON users (tenant_id)`,
  `CREATE TABLE sessions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL REFERENCES tenants(id),
    user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_hash text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz
  )`,
  `CREATE TABLE api_tokens (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL REFERENCES tenants(id),
    kind text NOT NULL CHECK (kind IN ('api', 'service')),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    role text NOT NULL CHECK (role IN ('admin', 'author', 'operator', 'bank', 'service')),
    token_prefix text NOT NULL,
    token_hash text NOT NULL UNIQUE,
    created_by uuid REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz,
    revoked_at timestamptz,
    last_used_at timestamptz
  )`,
  `CREATE INDEX api_tokens_tenant ON api_tokens (tenant_id)`,
  `CREATE TABLE audit_log (
    id bigserial PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES tenants(id),
    actor_kind text NOT NULL CHECK (actor_kind IN ('user', 'token', 'service', 'system')),
    actor_id uuid,
    actor_label text NOT NULL,
    action text NOT NULL,
    target_type text NOT NULL,
    target_id text NOT NULL,
    before jsonb,
    after jsonb,
    reason text,
    request_id text,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE INDEX audit_log_target ON audit_log (tenant_id, target_type, target_id, id DESC)`,
  `CREATE INDEX audit_log_recent ON audit_log (tenant_id, id DESC)`,
  `CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
  BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
  END $fn$`,
  `CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`,
  `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`,
  `REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM repogen_app`,
  `ALTER TABLE tenants ENABLE ROW LEVEL SECURITY`,
  `ALTER TABLE tenants FORCE ROW LEVEL SECURITY`,
  `CREATE POLICY tenant_self ON tenants USING (id = app_tenant_id()) WITH CHECK (id = app_tenant_id())`,
  `REVOKE INSERT, DELETE ON tenants FROM repogen_app`,
];

/**
 * Tenants, users, sessions, API tokens and the append-only audit log, with the
 * application role that every tenant-scoped transaction runs as. Superusers bypass
 * row-level security, so the host switches to `repogen_app` (no BYPASSRLS) per transaction.
 */
export async function up(knex: Knex): Promise<void> {
  for (const statement of STATEMENTS) await knex.raw(statement);
  for (const table of ['users', 'sessions', 'api_tokens', 'audit_log']) {
    await knex.raw(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
    await knex.raw(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    await knex.raw(
      `CREATE POLICY tenant_isolation ON ${table} USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())`,
    );
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE IF EXISTS audit_log, api_tokens, sessions, users, tenants');
  await knex.raw('DROP FUNCTION IF EXISTS audit_log_refuse_change()');
  await knex.raw('DROP FUNCTION IF EXISTS app_tenant_id()');
}
