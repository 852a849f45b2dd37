import type { Knex } from 'knex';

/** The role every tenant-scoped transaction runs as; created by the first migration. */
export const APP_ROLE = 'repogen_app';

/**
 * Runs `work` in a transaction that sees only `tenantId`'s rows: the role drops to one that
 * row-level security applies to, and `app.tenant_id` names the tenant, both for this
 * transaction only.
 */
export async function withTenant<T>(
  knex: Knex,
  tenantId: string,
  work: (trx: Knex.Transaction) => Promise<T>,
): Promise<T> {
  return knex.transaction(async (trx) => {
    // One round trip for both: set_config('role', …, true) is SET LOCAL ROLE.
    await trx.raw(`SELECT set_config('role', '${APP_ROLE}', true), set_config('app.tenant_id', ?, true)`, [tenantId]);
    return work(trx);
  });
}

/**
 * Runs `work` in a transaction with the owner's rights, past row-level security. Only for
 * what must happen before a tenant is known (authentication) or across tenants (tenant
 * creation); every caller is listed by searching for this name.
 */
export async function withSystem<T>(knex: Knex, work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
  return knex.transaction(async (trx) => {
    // Connections run as the application role; 'none' is the login's own role, for this transaction only.
    await trx.raw(`SELECT set_config('role', 'none', true)`);
    return work(trx);
  });
}
