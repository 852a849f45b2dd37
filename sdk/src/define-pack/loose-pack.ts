import type { JsonValue } from '../contract/pack-contract.js';
import type { DefinedPack } from './pack-definition.js';

/** A pack with its type parameters erased, as the runtime handles it after JSON parsing. */
export type LoosePack = DefinedPack<JsonValue, Record<string, JsonValue>, string>;

/** Erases a pack's author-facing types; the runtime reads plain JSON either way. */
export function loosen<Input, Settings extends { readonly [K in keyof Settings]: JsonValue }, Names extends string>(
  pack: DefinedPack<Input, Settings, Names>,
): LoosePack {
  return pack as unknown as LoosePack;
}

/** Checks that a formula's result is JSON (finite numbers, no functions) and drops `undefined`. */
export function toJsonValue(value: unknown, where: string): JsonValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`${where} is ${value}, not a finite number`);
    return value + 0;
  }
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((item, index) => toJsonValue(item, `${where}[${index}]`));
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const result: { [key: string]: JsonValue } = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) result[key] = toJsonValue(item, `${where}.${key}`);
    }
    return result;
  }
  throw new TypeError(`${where} is not JSON (${typeof value})`);
}
