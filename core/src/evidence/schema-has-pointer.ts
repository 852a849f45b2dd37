import type { JsonValue } from '@repogen/sdk';

/** Whether a JSON Schema (objects with `properties`) declares the path a pointer names. */
export function schemaHasPointer(schema: JsonValue, pointer: string): boolean {
  let node: JsonValue | undefined = schema;
  for (const segment of pointer.split('/').slice(1)) {
    const properties: JsonValue | undefined = isObject(node) ? node.properties : undefined;
    node = isObject(properties) ? properties[segment.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    if (node === undefined) return false;
  }
  return true;
}

function isObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
