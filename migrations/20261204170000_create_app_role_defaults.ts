import type { Knex } from 'knex';

const STATEMENTS = [
  // Every connection of the host drops to repogen_app (SET ROLE), which needs the login to be a
  // member of it; a superuser already is, a non-superuser owner is granted it here.
  `DO $$ BEGIN
    IF NOT pg_has_role(session_user, 'repogen_app', 'MEMBER') THEN
      EXECUTE format('GRANT repogen_app TO %I', session_user);
    END IF;
  END $$`,
  // Authentication happens before a tenant is known. These two functions run with the owner's
  // rights, past row-level security, so the application role can check a credential without
  // being able to list anyone's credentials.
  `CREATE FUNCTION app_authenticate_token(p_token_hash text, p_kind text, p_touch_after interval)
  RETURNS TABLE (id uuid, tenant_id uuid, name text, role text)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  BEGIN
    RETURN QUERY
    WITH found AS (
      SELECT t.id, t.tenant_id, t.name, t.role, t.last_used_at FROM api_tokens t
      WHERE t.token_hash = p_token_hash AND t.kind = p_kind AND t.revoked_at IS NULL
        AND (t.expires_at IS NULL OR t.expires_at > now())
    ), touched AS (
      -- Recorded to the interval: writing it on every request would queue all requests of one
      -- token (V1's service token) on that row's lock.
      UPDATE api_tokens t SET last_used_at = now() FROM found
      WHERE t.id = found.id AND (found.last_used_at IS NULL OR found.last_used_at < now() - p_touch_after)
    )
    SELECT found.id, found.tenant_id, found.name, found.role FROM found;
  END $fn$`,
  `CREATE FUNCTION app_authenticate_session(p_token_hash text)
  RETURNS TABLE (session_id uuid, user_id uuid, tenant_id uuid, role text, email text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
    SELECT s.id, u.id, u.tenant_id, u.role, u.email
    FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.token_hash = p_token_hash AND s.revoked_at IS NULL AND u.disabled_at IS NULL AND s.expires_at > now()
  $fn$`,
  `REVOKE ALL ON FUNCTION app_authenticate_token(text, text, interval), app_authenticate_session(text) FROM PUBLIC`,
  `GRANT EXECUTE ON FUNCTION app_authenticate_token(text, text, interval), app_authenticate_session(text) TO repogen_app`,
];

/**
 * The host's connections default to the application role, so that a query outside a tenant
 * transaction sees no tenant's rows; only `withSystem` raises a transaction to the owner.
 */
export async function up(knex: Knex): Promise<void> {
  for (const statement of STATEMENTS) await knex.raw(statement);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP FUNCTION IF EXISTS app_authenticate_session(text)');
  await knex.raw('DROP FUNCTION IF EXISTS app_authenticate_token(text, text, interval)');
}
