import type { JsonSchema } from '../api/api-types';

export interface SchemaField {
  readonly pointer: string;
  readonly summary: string;
}

export interface SchemaDiff {
  readonly added: readonly SchemaField[];
  readonly removed: readonly SchemaField[];
  readonly changed: readonly { readonly pointer: string; readonly before: string; readonly after: string }[];
}

/** Each field of an input schema by JSON pointer (`/-` for array items), with what describes it. */
export function flattenSchema(schema: JsonSchema, pointer = ''): SchemaField[] {
  const describe = ['type', 'title', 'format', 'enum', 'minimum', 'maximum', 'pattern', 'x-unit', 'x-reason-required', 'x-widget', 'x-group']
    .filter((key) => schema[key] !== undefined)
    .map((key) => `${key}=${JSON.stringify(schema[key])}`)
    .join(' ');
  const here: SchemaField[] = pointer === '' ? [] : [{ pointer, summary: describe }];
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const children = Object.entries(properties).flatMap(([name, child]) => flattenSchema(child, `${pointer}/${name}`));
  const items = schema.items && typeof schema.items === 'object' && !Array.isArray(schema.items) ? flattenSchema(schema.items as JsonSchema, `${pointer}/-`) : [];
  return [...here, ...children, ...items];
}

/** What a newer schema added, removed and changed, field by field. */
export function diffSchemas(before: JsonSchema, after: JsonSchema): SchemaDiff {
  const a = new Map(flattenSchema(before).map((field) => [field.pointer, field.summary]));
  const b = new Map(flattenSchema(after).map((field) => [field.pointer, field.summary]));
  return {
    added: [...b].filter(([pointer]) => !a.has(pointer)).map(([pointer, summary]) => ({ pointer, summary })),
    removed: [...a].filter(([pointer]) => !b.has(pointer)).map(([pointer, summary]) => ({ pointer, summary })),
    changed: [...b]
      .filter(([pointer, summary]) => a.has(pointer) && a.get(pointer) !== summary)
      .map(([pointer, summary]) => ({ pointer, before: a.get(pointer)!, after: summary })),
  };
}
