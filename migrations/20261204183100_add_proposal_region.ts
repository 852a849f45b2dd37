import type { Knex } from 'knex';

/**
 * Where in its evidence image a proposal was read: `{ x, y, width, height }` as fractions of the
 * upright image, so the review can show the value beside the part of the photo it came from.
 * Proposals read before this, from EXIF, or quoted by a pack from no single line have none.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`ALTER TABLE evidence_proposals
    ADD COLUMN region jsonb CHECK (region IS NULL OR jsonb_typeof(region) = 'object')`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`ALTER TABLE evidence_proposals DROP COLUMN region`);
}
