/** JSON pointers (RFC 6901) over plain JSON data, as the API names fields. */

export function escapeStep(step: string): string {
  return step.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function pointerSteps(pointer: string): string[] {
  return pointer === '' || pointer === '/' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function readPointer(document: unknown, pointer: string): unknown {
  let here: unknown = document;
  for (const step of pointerSteps(pointer)) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<string, unknown>)[step];
  }
  return here;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The `set` of a PATCH that turns `before` into `after` under `base`: a pointer per changed
 * leaf, the whole array when an array changed, the whole object when one of its keys went away
 * (the API sets values; it has no delete).
 */
export function diffToSet(before: unknown, after: unknown, base = ''): Record<string, unknown> {
  if (same(before, after)) return {};
  // The form fills absent arrays with []: that is no edit.
  if (before === undefined && Array.isArray(after) && after.length === 0) return {};
  if (isPlainObject(after) && (before === undefined || isPlainObject(before))) {
    const old: Record<string, unknown> = before ?? {};
    if (Object.keys(old).some((key) => after[key] === undefined && old[key] !== undefined)) return { [base]: after };
    const set: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(after)) {
      if (value === undefined) continue;
      Object.assign(set, diffToSet(old[key], value, `${base}/${escapeStep(key)}`));
    }
    return set;
  }
  return after === undefined ? {} : { [base]: after };
}
