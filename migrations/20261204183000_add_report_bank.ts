import type { Knex } from 'knex';

/**
 * The bank a report is written for and the property's expected value, as the operator gave
 * them when the pack was chosen: the reports list filters by bank, and the report says both.
 * Reports made before this have neither.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`ALTER TABLE reports
    ADD COLUMN bank text CHECK (bank IS NULL OR length(bank) BETWEEN 1 AND 200),
    ADD COLUMN expected_value_rupees bigint CHECK (expected_value_rupees IS NULL OR expected_value_rupees >= 0)`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`ALTER TABLE reports DROP COLUMN bank, DROP COLUMN expected_value_rupees`);
}
