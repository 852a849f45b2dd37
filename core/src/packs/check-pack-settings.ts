import type { JsonValue } from '@repogen/sdk';
import { InvalidError } from '../errors/domain-error.js';
import type { PackSettings } from './pack-settings-store.js';

function jsonType(value: JsonValue): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

/**
 * Refuses what the pack would otherwise ignore with a warning: a caller who sets a value means it
 * to count. Each setting must be one the pack declares, of its default's JSON type. The same
 * check guards a tenant's stored choices (PUT /v1/packs/{key}/settings) and the settings of one
 * local generation (`repogen generate --settings`).
 */
export function checkPackSettings(packKey: string, defaults: PackSettings, overrides: PackSettings): void {
  const problems: { setting: string; message: string }[] = [];
  for (const [setting, value] of Object.entries(overrides)) {
    if (!Object.prototype.hasOwnProperty.call(defaults, setting)) {
      problems.push({ setting, message: `${packKey} has no setting ${setting}` });
    } else if (jsonType(value) !== jsonType(defaults[setting] ?? null)) {
      problems.push({
        setting,
        message: `${setting} must be a ${jsonType(defaults[setting] ?? null)}, like its default`,
      });
    }
  }
  if (problems.length > 0) {
    const known = Object.keys(defaults);
    throw new InvalidError(
      'PACK_SETTINGS_INVALID',
      `The settings do not fit ${packKey}: ${problems.map((p) => p.message).join('; ')}`,
      {
        problems,
        known,
      },
    );
  }
}
