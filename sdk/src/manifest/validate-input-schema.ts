import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { JsonValue } from '../contract/pack-contract.js';
import { toProblems, type ValidationProblem } from './validate-manifest.js';

/**
 * UI hints and units a pack's input schema may carry beside standard JSON Schema keywords.
 * Declared so that Ajv's strict mode still catches misspelt keywords.
 */
export const INPUT_SCHEMA_KEYWORDS = ['x-unit', 'x-group', 'x-order', 'x-widget', 'x-reason-required', 'x-groups'] as const;

export type InputSchemaCheck =
  | { readonly ok: true; readonly validate: (input: unknown) => ValidationProblem[] }
  | { readonly ok: false; readonly problems: readonly ValidationProblem[] };

function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  addFormats.default(ajv);
  for (const keyword of INPUT_SCHEMA_KEYWORDS) ajv.addKeyword({ keyword, schemaType: ['string', 'number', 'boolean', 'array', 'object'] });
  return ajv;
}

/** Compiles a pack's `schema.json` (JSON Schema 2020-12); refuses one that does not compile. */
export function compileInputSchema(schema: JsonValue): InputSchemaCheck {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    return { ok: false, problems: [{ path: '/', message: 'schema.json must be a JSON Schema object' }] };
  }
  if (schema.$schema !== undefined && schema.$schema !== 'https://json-schema.org/draft/2020-12/schema') {
    return { ok: false, problems: [{ path: '/$schema', message: 'must be https://json-schema.org/draft/2020-12/schema' }] };
  }
  let validate: ValidateFunction;
  try {
    validate = createAjv().compile(schema);
  } catch (error) {
    return { ok: false, problems: [{ path: '/', message: (error as Error).message.slice(0, 500) }] };
  }
  return {
    ok: true,
    validate: (input) => (validate(input) ? [] : toProblems(validate.errors)),
  };
}

/** JSON pointers of the fields whose change needs a reason (`x-reason-required: true`). */
export function reasonRequiredFields(schema: JsonValue, pointer = ''): string[] {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return [];
  const here = schema['x-reason-required'] === true ? [pointer === '' ? '/' : pointer] : [];
  const properties = schema.properties;
  if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) return here;
  return [
    ...here,
    ...Object.entries(properties).flatMap(([name, child]) =>
      reasonRequiredFields(child, `${pointer}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`),
    ),
  ];
}
