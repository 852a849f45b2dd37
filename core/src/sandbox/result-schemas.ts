import type { PackOperation } from '@repogen/sdk';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';

/**
 * The operations, repeated from the sdk's `PACK_OPERATIONS` so that the sandbox process loads
 * no sdk code (the sdk's entry pulls in its build tools); the type below breaks the build if
 * the two lists ever differ.
 */
export const OPERATIONS = [
  'compute',
  'rules',
  'layout',
  'extract',
  'describe',
] as const satisfies readonly PackOperation[];
type Exhaustive<Missing extends never> = Missing;
type _AllOperationsListed = Exhaustive<Exclude<PackOperation, (typeof OPERATIONS)[number]>>;

/**
 * JSON Schemas (2020-12) of what each operation must answer, mirroring
 * `sdk/src/contract/pack-contract.ts`. A pack's output is untrusted data: it is checked here
 * before any service reads it. Objects are closed so that a typo in a pack fails loudly
 * instead of being ignored.
 */

const json = true;
const text = { type: 'string' } as const;
const name = { type: 'string', minLength: 1, maxLength: 200 } as const;

const warning = {
  type: 'object',
  required: ['code', 'level', 'message', 'fields'],
  additionalProperties: false,
  properties: {
    code: name,
    level: { enum: ['info', 'warn', 'error'] },
    message: text,
    fields: { type: 'array', items: text },
  },
} as const;

const warnings = { type: 'array', items: warning } as const;

const traceEntry = {
  type: 'object',
  required: ['name', 'description', 'reads', 'value'],
  additionalProperties: false,
  properties: {
    name,
    description: text,
    unit: text,
    reads: {
      type: 'array',
      items: {
        type: 'object',
        required: ['kind', 'name', 'value'],
        additionalProperties: false,
        properties: { kind: { enum: ['input', 'value'] }, name, value: json },
      },
    },
    value: json,
  },
} as const;

export const RESULT_SCHEMAS: Readonly<Record<PackOperation, object>> = {
  compute: {
    type: 'object',
    required: ['values', 'trace', 'warnings'],
    additionalProperties: false,
    properties: {
      values: { type: 'object', additionalProperties: json },
      trace: { type: 'object', additionalProperties: traceEntry },
      warnings,
    },
  },
  rules: {
    type: 'object',
    required: ['warnings'],
    additionalProperties: false,
    properties: { warnings },
  },
  layout: {
    type: 'object',
    required: ['pages'],
    additionalProperties: false,
    properties: {
      pages: {
        type: 'array',
        items: {
          type: 'object',
          required: ['section', 'heading', 'grid', 'evidenceIds'],
          additionalProperties: false,
          properties: {
            section: name,
            heading: text,
            grid: { enum: ['1x1', '1x2', '2x1', '2x2', '1x3'] },
            evidenceIds: { type: 'array', minItems: 1, maxItems: 4, items: name },
          },
        },
      },
    },
  },
  extract: {
    type: 'object',
    required: ['proposals'],
    additionalProperties: false,
    properties: {
      proposals: {
        type: 'array',
        items: {
          type: 'object',
          required: ['field', 'value', 'confidence', 'sourceText'],
          additionalProperties: false,
          properties: {
            field: text,
            value: json,
            confidence: { type: 'number', minimum: 0, maximum: 1 },
            sourceText: text,
          },
        },
      },
    },
  },
  describe: {
    type: 'object',
    required: ['formulas', 'rules', 'operations'],
    additionalProperties: false,
    properties: {
      formulas: {
        type: 'array',
        items: {
          type: 'object',
          required: ['name', 'description'],
          additionalProperties: false,
          properties: { name, description: text, unit: text },
        },
      },
      rules: {
        type: 'array',
        items: {
          type: 'object',
          required: ['code', 'description'],
          additionalProperties: false,
          properties: { code: name, description: text },
        },
      },
      operations: { type: 'array', uniqueItems: true, items: { enum: [...OPERATIONS] } },
      settings: { type: 'object', maxProperties: 200, propertyNames: { pattern: '^[A-Za-z][A-Za-z0-9_]{0,63}$' } },
    },
  },
};

let validators: Map<PackOperation, ValidateFunction> | undefined;

function compiled(): Map<PackOperation, ValidateFunction> {
  if (!validators) {
    const ajv = new Ajv2020({ allErrors: false, strict: true });
    validators = new Map(OPERATIONS.map((operation) => [operation, ajv.compile(RESULT_SCHEMAS[operation])]));
  }
  return validators;
}

export function isPackOperation(value: string): value is PackOperation {
  return (OPERATIONS as readonly string[]).includes(value);
}

/** The first contract violation of a result, as `path: problem`, or undefined when it conforms. */
export function checkResult(operation: PackOperation, result: unknown): string | undefined {
  const validate = compiled().get(operation)!;
  if (validate(result)) return undefined;
  const first: ErrorObject | undefined = validate.errors?.[0];
  return first ? `${first.instancePath || '/'} ${first.message ?? 'is invalid'}` : 'does not match the contract';
}
