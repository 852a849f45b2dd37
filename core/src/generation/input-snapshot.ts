import crypto from 'node:crypto';
import type { JsonValue } from '@repogen/sdk';

/** The input a version was generated from, frozen, with the hash printed into the PDF's metadata. */
export interface InputSnapshot {
  readonly input: JsonValue;
  /** sha256 of the canonical JSON (keys sorted), so the same data gives the same hash whatever its key order. */
  readonly sha256: string;
}

export function snapshotInput(input: JsonValue): InputSnapshot {
  const frozen = structuredClone(input);
  return { input: frozen, sha256: crypto.createHash('sha256').update(canonicalJson(frozen)).digest('hex') };
}

export function canonicalJson(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key] as JsonValue)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
