import type { JsonValue, PackWarning } from '../contract/pack-contract.js';

/**
 * The pack's defaults with the tenant's choices laid over them. A choice the pack does not
 * declare, or of the wrong JSON type, is ignored with a warning rather than trusted.
 */
export function resolveSettings(
  defaults: { readonly [key: string]: JsonValue },
  requested: { readonly [key: string]: JsonValue } | undefined,
): { settings: { [key: string]: JsonValue }; warnings: PackWarning[] } {
  const settings: { [key: string]: JsonValue } = { ...defaults };
  const warnings: PackWarning[] = [];
  for (const [key, value] of Object.entries(requested ?? {})) {
    if (!Object.prototype.hasOwnProperty.call(defaults, key)) {
      warnings.push({
        code: 'SETTING_UNKNOWN',
        level: 'info',
        message: `setting ${key} is not one this pack reads; ignored`,
        fields: [`settings/${key}`],
      });
    } else if (jsonType(value) !== jsonType(defaults[key] ?? null)) {
      warnings.push({
        code: 'SETTING_INVALID',
        level: 'warn',
        message: `setting ${key} must be a ${jsonType(defaults[key] ?? null)}; the default is used`,
        fields: [`settings/${key}`],
      });
    } else {
      settings[key] = value;
    }
  }
  return { settings, warnings };
}

function jsonType(value: JsonValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
