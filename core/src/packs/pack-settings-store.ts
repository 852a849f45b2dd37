import type { JsonValue } from '@repogen/sdk';
import type { Knex } from 'knex';

export type PackSettings = { readonly [key: string]: JsonValue };

/** The tenant's stored choices for a pack key, inside a transaction scoped to that tenant; none → `{}`. */
export async function readPackSettings(trx: Knex.Transaction, packKey: string): Promise<PackSettings> {
  const row = (await trx('pack_settings').where({ pack_key: packKey }).first()) as { settings: PackSettings } | undefined;
  return row?.settings ?? {};
}

export async function writePackSettings(trx: Knex.Transaction, tenantId: string, packKey: string, settings: PackSettings, by: string): Promise<void> {
  await trx('pack_settings')
    .insert({ tenant_id: tenantId, pack_key: packKey, settings: JSON.stringify(settings), updated_by: by, updated_at: trx.fn.now() })
    .onConflict(['tenant_id', 'pack_key'])
    .merge(['settings', 'updated_by', 'updated_at']);
}
