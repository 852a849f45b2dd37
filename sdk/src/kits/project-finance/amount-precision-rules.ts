import type { JsonValue } from '../../contract/index.js';
import type { RuleDefinition } from '../../define-pack/index.js';

/** The unit every ₹ lakh field of a project-finance schema declares (`x-unit`). */
const LAKH_UNIT = 'INR_LAKH';

function isObject(value: JsonValue | undefined): value is { readonly [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The JSON pointers of every number field whose `x-unit` is ₹ lakh in a pack's input schema; a
 * `*` step stands for any item of an array (the base of every depreciation class).
 */
export function moneyFieldsOf(schema: JsonValue, at = ''): string[] {
  if (!isObject(schema)) return [];
  const own = schema['x-unit'] === LAKH_UNIT && (schema.type === 'number' || schema.type === 'integer') ? [at] : [];
  const properties = isObject(schema.properties) ? schema.properties : {};
  return [
    ...own,
    ...Object.entries(properties).flatMap(([key, child]) => moneyFieldsOf(child, `${at}/${key}`)),
    ...moneyFieldsOf(schema.items ?? null, `${at}/*`),
  ];
}

/** Every number the pointer steps reach in the input (`*` takes every item), with its own pointer. */
function numbersAt(document: JsonValue | undefined, steps: readonly string[], at = ''): [string, number][] {
  const [step, ...rest] = steps;
  if (step === undefined) return typeof document === 'number' ? [[at, document]] : [];
  if (step === '*')
    return Array.isArray(document) ? document.flatMap((item, index) => numbersAt(item, rest, `${at}/${index}`)) : [];
  return isObject(document) ? numbersAt(document[step], rest, `${at}/${step}`) : [];
}

function hasMoreThanTwoDecimals(amount: number): boolean {
  return Math.abs(amount * 100 - Math.round(amount * 100)) > 1e-6;
}

/**
 * AMOUNT_PRECISION (DOMAIN §3.d "amounts in ₹ lakh with 2 decimals", §4.e): every money field of
 * the input, as `moneyFieldsOf(schema)` lists them, carries at most 2 decimals of a lakh.
 */
export function amountPrecisionRules<Input, Settings>(
  moneyFields: readonly string[],
): Record<'AMOUNT_PRECISION', RuleDefinition<Input, Settings, string>> {
  return {
    AMOUNT_PRECISION: {
      description: 'Every amount in ₹ lakh carries at most 2 decimals',
      level: 'error',
      check: ({ input }) => {
        const fine = moneyFields.flatMap((pattern) =>
          numbersAt(input as JsonValue, pattern.split('/').slice(1)).filter(([, amount]) =>
            hasMoreThanTwoDecimals(amount),
          ),
        );
        return (
          fine.length > 0 && {
            message: `Give amounts in ₹ lakh to 2 decimals: ${fine.map(([pointer, amount]) => `${pointer} (${amount})`).join(', ')}`,
            fields: fine.map(([pointer]) => pointer),
          }
        );
      },
    },
  };
}
