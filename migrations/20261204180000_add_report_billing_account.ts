import type { Knex } from 'knex';

/**
 * A report may name the billing account it is billed to (one opened for an external key such
 * as `v1:partner:42`); a report that names none is billed to its tenant's default account.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`ALTER TABLE reports ADD COLUMN billing_account_id uuid REFERENCES billing_accounts(id)`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`ALTER TABLE reports DROP COLUMN billing_account_id`);
}
