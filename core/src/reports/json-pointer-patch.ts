import { readPointer, type JsonValue } from '@repogen/sdk';
import { InvalidError } from '../errors/domain-error.js';

/** One field change a patch made: where, and the value before and after (`undefined` when absent). */
export interface FieldChange {
  readonly pointer: string;
  readonly before: JsonValue | undefined;
  readonly after: JsonValue | undefined;
}

const ARRAY_INDEX = /^(0|[1-9]\d*)$/;
/** Keys that would reach an object's prototype when the document is later walked by other code. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function parsePointer(pointer: string): string[] {
  if (!pointer.startsWith('/')) throw new InvalidError('POINTER_INVALID', `A JSON pointer starts with "/": ${JSON.stringify(pointer)}`);
  const steps = pointer.slice(1).split('/').map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'));
  const bad = steps.find((step) => FORBIDDEN_KEYS.has(step));
  if (bad !== undefined) throw new InvalidError('POINTER_INVALID', `A JSON pointer may not name "${bad}"`);
  return steps;
}

/**
 * Applies `set` (JSON pointer → value; `null` sets null) to a copy of `document`. Missing
 * objects on the way are created; an array step must name an existing index or `-` (append).
 * The original is never touched, so a refused patch changes nothing.
 */
export function applyPointerSet(document: JsonValue, set: Readonly<Record<string, JsonValue>>): { next: JsonValue; changes: FieldChange[] } {
  const next = structuredClone(document);
  if (next === null || typeof next !== 'object' || Array.isArray(next)) throw new InvalidError('REPORT_DATA_INVALID', 'Report data must be an object');
  const changes: FieldChange[] = [];
  for (const [pointer, value] of Object.entries(set)) {
    const steps = parsePointer(pointer);
    const before = readPointer(next, pointer);
    let parent: JsonValue = next;
    for (const [index, step] of steps.entries()) {
      const last = index === steps.length - 1;
      if (Array.isArray(parent)) {
        const position: number = step === '-' ? parent.length : ARRAY_INDEX.test(step) ? Number(step) : Number.NaN;
        if (!(position <= parent.length)) throw new InvalidError('POINTER_INVALID', `${pointer}: "${step}" is not an index of the array there`);
        if (last) parent[position] = value;
        else parent = parent[position] ??= {} satisfies JsonValue;
      } else if (parent !== null && typeof parent === 'object') {
        if (last) parent[step] = value;
        else {
          const child: JsonValue | undefined = Object.hasOwn(parent, step) ? parent[step] : undefined;
          if (child !== undefined && child !== null && typeof child !== 'object') {
            throw new InvalidError('POINTER_INVALID', `${pointer}: the value at "/${steps.slice(0, index + 1).join('/')}" is not an object or array`);
          }
          parent = child ?? (parent[step] = {});
        }
      } else {
        throw new InvalidError('POINTER_INVALID', `${pointer}: the value at "/${steps.slice(0, index).join('/')}" is not an object or array`);
      }
    }
    if (!sameJson(before, value)) changes.push({ pointer, before, after: value });
  }
  return { next, changes };
}

export function sameJson(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
