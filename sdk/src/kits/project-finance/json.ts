import type { JsonValue } from '../../contract/pack-contract.js';

/** Plain data that serialises to JSON as it is: the shape of every computed table. */
export type JsonLike =
  null | boolean | number | string | readonly JsonLike[] | { readonly [key: string]: JsonLike | undefined };

/** Hands a readonly table to the host as a JSON value (the types differ only in `readonly`). */
export function json(value: JsonLike): JsonValue {
  return value as JsonValue;
}

/** Reads back a table a pack computed (`values/<name>`); an edited or missing value gives []. */
export function rowsOf<Row>(value: JsonValue | undefined): readonly Row[] {
  return Array.isArray(value) ? (value as unknown as readonly Row[]) : [];
}
