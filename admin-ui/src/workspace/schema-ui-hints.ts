import type { UiSchema } from '@rjsf/utils';
import type { JsonSchema } from '../api/api-types';

/** Units whose values an operator may type per sqft: the widget converts to the schema's sqm. */
export const AREA_UNITS = new Set(['sqm', 'INR/sqm']);

export interface FormGroup {
  readonly id: string;
  readonly title: string;
  readonly keys: readonly string[];
}

function orderOf(schema: unknown): number {
  const order = (schema as { 'x-order'?: unknown } | null)?.['x-order'];
  return typeof order === 'number' ? order : Number.MAX_SAFE_INTEGER;
}

function propertiesOf(schema: JsonSchema): Record<string, JsonSchema> {
  const properties = schema.properties;
  return properties && typeof properties === 'object' ? (properties as Record<string, JsonSchema>) : {};
}

/** The pack's `x-groups`, each with its top-level fields in `x-order`; ungrouped fields last. */
export function groupsOf(schema: JsonSchema): FormGroup[] {
  const declared = Array.isArray(schema['x-groups']) ? (schema['x-groups'] as { id: string; title: string }[]) : [];
  const entries = Object.entries(propertiesOf(schema)).sort(([, a], [, b]) => orderOf(a) - orderOf(b));
  const groups: FormGroup[] = declared.map((group) => ({
    id: group.id,
    title: group.title,
    keys: entries.filter(([, child]) => child['x-group'] === group.id).map(([key]) => key),
  }));
  const known = new Set(declared.map((group) => group.id));
  const rest = entries.filter(([, child]) => typeof child['x-group'] !== 'string' || !known.has(child['x-group'])).map(([key]) => key);
  if (rest.length > 0) groups.push({ id: '_other', title: 'Other fields', keys: rest });
  return groups.filter((group) => group.keys.length > 0);
}

/** Keywords that only name definitions or describe the document: every group keeps them, so `$ref`s resolve. */
const SHARED_KEYWORDS = ['$schema', '$id', '$defs', 'definitions'] as const;
/** Keywords that tie top-level fields together: a group keeps one only when every field it names is in the group. */
const LINKING_KEYWORDS = ['allOf', 'anyOf', 'oneOf', 'if', 'then', 'else', 'not', 'dependentRequired', 'dependentSchemas'] as const;

/** The top-level field names a schema fragment mentions (its properties, required and dependent keys), at any depth of combinators. */
function fieldsNamed(fragment: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(fragment)) {
    for (const item of fragment) fieldsNamed(item, into);
    return into;
  }
  if (!fragment || typeof fragment !== 'object') return into;
  const node = fragment as Record<string, unknown>;
  if (node.properties && typeof node.properties === 'object') for (const key of Object.keys(node.properties)) into.add(key);
  if (Array.isArray(node.required)) for (const key of node.required) if (typeof key === 'string') into.add(key);
  for (const keyword of ['dependentRequired', 'dependentSchemas'] as const) {
    const value = node[keyword];
    if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        into.add(key);
        if (Array.isArray(inner)) {
          for (const name of inner) if (typeof name === 'string') into.add(name);
        } else {
          fieldsNamed(inner, into);
        }
      }
    }
  }
  for (const keyword of ['allOf', 'anyOf', 'oneOf', 'if', 'then', 'else', 'not'] as const) fieldsNamed(node[keyword], into);
  return into;
}

/**
 * The group's part of the schema: an object of its top-level fields, with the definitions they
 * may `$ref`, the `required` that concern them, and the rules (`allOf`, `if`/`then`, …) that
 * name only fields of the group. A rule that spans groups stays with the host, which checks
 * the whole document on save.
 */
export function groupSchema(schema: JsonSchema, group: FormGroup): JsonSchema {
  const properties = propertiesOf(schema);
  const inGroup = new Set(group.keys);
  const part: JsonSchema = {
    type: 'object',
    properties: Object.fromEntries(group.keys.map((key) => [key, properties[key]])),
  };
  for (const keyword of SHARED_KEYWORDS) if (schema[keyword] !== undefined) part[keyword] = schema[keyword];
  if (Array.isArray(schema.required)) {
    const required = schema.required.filter((key): key is string => typeof key === 'string' && inGroup.has(key));
    if (required.length > 0) part.required = required;
  }
  for (const keyword of LINKING_KEYWORDS) {
    const value = schema[keyword];
    if (value === undefined) continue;
    const named = fieldsNamed(keyword === 'dependentRequired' || keyword === 'dependentSchemas' ? { [keyword]: value } : value);
    if (named.size > 0 && [...named].every((key) => inGroup.has(key))) part[keyword] = value;
  }
  // `if`, `then` and `else` act together: one kept without the others would change its meaning.
  if ((part.if === undefined) !== (schema.if === undefined) || (part.then === undefined) !== (schema.then === undefined) || (part.else === undefined) !== (schema.else === undefined)) {
    delete part.if;
    delete part.then;
    delete part.else;
  }
  return part;
}

/** The rjsf UI schema from the pack's hints: order, widget, unit and the reason rule. */
export function uiSchemaFor(schema: JsonSchema, reasonRequired: ReadonlySet<string>, pointer = ''): UiSchema {
  const ui: UiSchema = {};
  const widget = schema['x-widget'];
  const unit = typeof schema['x-unit'] === 'string' ? schema['x-unit'] : undefined;
  if (widget === 'textarea') ui['ui:widget'] = 'textarea';
  if (unit && AREA_UNITS.has(unit) && (schema.type === 'number' || schema.type === 'integer')) {
    ui['ui:widget'] = 'areaUnit';
    ui['ui:options'] = { unit };
  }
  const help: string[] = [];
  if (unit && ui['ui:widget'] !== 'areaUnit') help.push(`Unit: ${unit}.`);
  if (reasonRequired.has(pointer)) help.push('Changing a value here asks for a reason.');
  if (help.length > 0) ui['ui:help'] = help.join(' ');

  const properties = propertiesOf(schema);
  const keys = Object.keys(properties);
  if (keys.length > 0) {
    ui['ui:order'] = [...keys.sort((a, b) => orderOf(properties[a]) - orderOf(properties[b])), '*'];
    for (const key of keys) ui[key] = uiSchemaFor(properties[key]!, reasonRequired, `${pointer}/${key}`);
  }
  const items = schema.items;
  if (items && typeof items === 'object' && !Array.isArray(items)) {
    ui.items = uiSchemaFor(items as JsonSchema, reasonRequired, `${pointer}/-`);
  }
  return ui;
}
