import type { Knex } from 'knex';

/**
 * When a delivery's job was queued. Deliveries are written in the transaction of the change
 * they announce and queued after it commits; one left unqueued (a crash in between, a queue
 * that refused) is found by this column and queued by the relay sweep. Rows already there were
 * queued when they were written.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`ALTER TABLE callback_deliveries ADD COLUMN queued_at timestamptz`);
  await knex.raw(`UPDATE callback_deliveries SET queued_at = created_at`);
  await knex.raw(
    `CREATE INDEX callback_deliveries_unqueued ON callback_deliveries (created_at) WHERE queued_at IS NULL AND state = 'pending'`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP INDEX IF EXISTS callback_deliveries_unqueued`);
  await knex.raw(`ALTER TABLE callback_deliveries DROP COLUMN queued_at`);
}
