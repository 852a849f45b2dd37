import { readPointer, type JsonValue } from '@repogen/sdk';
import { sameJson } from './json-pointer-patch.js';

/**
 * The reason-required fields (`x-reason-required` pointers) whose value a patch changes.
 * Entering a value into an empty field is data entry, not a change, so it needs no reason;
 * replacing or clearing a value that was there does. A patch of an ancestor object counts
 * for every marked field below it.
 */
export function changesNeedingReason(reasonRequired: readonly string[], before: JsonValue, after: JsonValue): string[] {
  return reasonRequired.filter((pointer) => {
    if (pointer === '/') return false;
    const old = readPointer(before, pointer);
    return old !== undefined && old !== null && !sameJson(old, readPointer(after, pointer));
  });
}
