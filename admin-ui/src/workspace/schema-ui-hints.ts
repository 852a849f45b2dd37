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

/** The group's part of the schema: an object of its top-level fields. */
export function groupSchema(schema: JsonSchema, group: FormGroup): JsonSchema {
  const properties = propertiesOf(schema);
  return {
    type: 'object',
    properties: Object.fromEntries(group.keys.map((key) => [key, properties[key]])),
  };
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
