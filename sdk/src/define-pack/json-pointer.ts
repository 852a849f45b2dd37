import type { JsonValue } from '../contract/pack-contract.js';

type Leaf = string | number | boolean | null | undefined;
type Deeper = [unknown, ...unknown[]];

/**
 * Every JSON pointer into `T` (`/partA_land/adoptedRatePerSqm`, `/owners/0/name`), so that a
 * pack author gets completion on input paths. Depth is capped to keep the compiler quick; a
 * loose type (plain `JsonValue`) allows any pointer.
 */
export type JsonPointer<T, Depth extends unknown[] = []> = JsonValue extends T
  ? `/${string}`
  : Depth['length'] extends 7
    ? never
    : T extends Leaf
      ? never
      : T extends readonly (infer Item)[]
        ? `/${number}` | `/${number}${JsonPointer<NonNullable<Item>, [...Depth, ...Deeper]>}`
        : {
            [K in keyof T & string]-?: `/${K}` | `/${K}${JsonPointer<NonNullable<T[K]>, [...Depth, ...Deeper]>}`;
          }[keyof T & string];

/** The type found at a pointer (before `undefined`, which every read may give on a draft). */
export type PointerValue<T, P extends string> = JsonValue extends T
  ? JsonValue
  : P extends `/${infer Head}/${infer Rest}`
    ? PointerValue<Step<NonNullable<T>, Head>, `/${Rest}`>
    : P extends `/${infer Head}`
      ? Step<NonNullable<T>, Head>
      : never;

type Step<T, Key extends string> = T extends readonly (infer Item)[] ? Item : Key extends keyof T ? T[Key] : never;

/** Reads a JSON pointer (RFC 6901); a missing step gives `undefined`, never an exception. */
export function readPointer(document: JsonValue | undefined, pointer: string): JsonValue | undefined {
  if (pointer === '') return document;
  if (!pointer.startsWith('/')) throw new RangeError(`a JSON pointer starts with "/": ${JSON.stringify(pointer)}`);
  let current: JsonValue | undefined = document;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (current === null || typeof current !== 'object') return undefined;
    if (Array.isArray(current)) {
      if (!/^(0|[1-9]\d*)$/.test(key)) return undefined;
      current = current[Number(key)];
    } else {
      current = Object.prototype.hasOwnProperty.call(current, key) ? current[key] : undefined;
    }
  }
  return current;
}
