import type { Knex } from 'knex';
import type { AuditService } from '../audit/audit-service.js';
import type { Principal } from '../auth/principal.js';
import { withTenant } from '../store/tenant-scope.js';
import { checkPackSettings } from './check-pack-settings.js';
import type { PackRegistryService } from './pack-registry-service.js';
import { readPackSettings, writePackSettings, type PackSettings } from './pack-settings-store.js';

export interface PackSettingsView {
  readonly packKey: string;
  /** The version whose declared defaults these are: the newest published one. */
  readonly packVersion: string;
  readonly defaults: PackSettings;
  /** The tenant's own choices, laid over the defaults in every compute and generation. */
  readonly overrides: PackSettings;
  readonly effective: PackSettings;
}

/** A tenant's choices for a pack's settings (a bank's realisable factor, rounding steps, DSCR comfort). */
export interface PackSettingsService {
  get(principal: Principal, packKey: string): Promise<PackSettingsView>;
  /** Replaces the tenant's choices; each must be a setting the pack declares, of its default's JSON type. */
  change(principal: Principal, packKey: string, overrides: PackSettings, reason: string, requestId?: string): Promise<PackSettingsView>;
}

export function createPackSettingsService(deps: { knex: Knex; audit: AuditService; packs: PackRegistryService }): PackSettingsService {
  const { knex, audit, packs } = deps;

  async function view(principal: Principal, packKey: string, overrides?: PackSettings): Promise<PackSettingsView> {
    const pack = await packs.resolve(principal, packKey);
    const defaults = pack.detail.description.settings ?? {};
    const own = overrides ?? pack.settings;
    return { packKey, packVersion: pack.detail.version, defaults, overrides: own, effective: { ...defaults, ...own } };
  }

  return {
    get: (principal, packKey) => view(principal, packKey),

    async change(principal, packKey, overrides, reason, requestId) {
      const current = await view(principal, packKey);
      checkPackSettings(packKey, current.defaults, overrides);
      await withTenant(knex, principal.tenantId, async (trx) => {
        const before = await readPackSettings(trx, packKey);
        await writePackSettings(trx, principal.tenantId, packKey, overrides, principal.label);
        await audit.record(trx, { kind: 'principal', principal, requestId }, {
          action: 'pack.settings.changed',
          targetType: 'pack',
          targetId: packKey,
          before,
          after: overrides,
          reason,
        });
      });
      return view(principal, packKey, overrides);
    },
  };
}
