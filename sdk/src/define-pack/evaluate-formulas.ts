import type { JsonValue, PackWarning, TraceEntry, TraceRead } from '../contract/pack-contract.js';
import { readPointer } from './json-pointer.js';
import { loosen, toJsonValue, type LoosePack } from './loose-pack.js';
import type { DefinedPack, FormulaContext } from './pack-definition.js';
import { describeError, FormulaCycleError, MissingInputError, MissingValueError, PackError } from './pack-error.js';

/** Every computed value, how it was reached, and what went wrong on the way. */
export interface FormulaEvaluation {
  readonly values: { [name: string]: JsonValue };
  readonly trace: { [name: string]: TraceEntry };
  readonly warnings: PackWarning[];
}

/**
 * Evaluates every formula, each once, in dependency order: a value is computed the first
 * time it is asked for, so the order follows the reads and no graph is declared. A loop
 * throws `FormulaCycleError`. A formula that fails becomes `null` with a warning; a formula
 * whose input is missing warns once per input, and what depends on it stays `null` quietly.
 */
export function evaluateFormulas<
  Input,
  Settings extends { readonly [K in keyof Settings]: JsonValue },
  Names extends string,
>(
  definedPack: DefinedPack<Input, Settings, Names>,
  input: JsonValue,
  settings: { readonly [key: string]: JsonValue },
  now: string,
): FormulaEvaluation {
  const pack: LoosePack = loosen(definedPack);
  const values = new Map<string, JsonValue>();
  const trace: { [name: string]: TraceEntry } = {};
  const failures: PackWarning[] = [];
  const missingInputs = new Map<string, string[]>();
  const inProgress: string[] = [];

  const evaluate = (name: string): JsonValue => {
    const known = values.get(name);
    if (known !== undefined) return known;
    const formula = Object.prototype.hasOwnProperty.call(pack.formulas, name) ? pack.formulas[name] : undefined;
    if (!formula) throw new PackError('UNKNOWN_VALUE', `there is no formula named ${JSON.stringify(name)}`);
    const loopStart = inProgress.indexOf(name);
    if (loopStart >= 0) throw new FormulaCycleError([...inProgress.slice(loopStart), name]);

    inProgress.push(name);
    const reads: TraceRead[] = [];
    const seen = new Set<string>();
    const record = (kind: TraceRead['kind'], key: string, value: JsonValue | undefined): void => {
      if (seen.has(`${kind}:${key}`)) return;
      seen.add(`${kind}:${key}`);
      reads.push({ kind, name: key, value: value ?? null });
    };
    const context: FormulaContext<JsonValue, Record<string, JsonValue>, string> = {
      input(pointer) {
        const value = readPointer(input, pointer);
        record('input', pointer, value);
        return value;
      },
      need(pointer) {
        const value = context.input(pointer);
        if (value === undefined || value === null || value === '') throw new MissingInputError(pointer, name);
        return value;
      },
      value(other) {
        const value = evaluate(other);
        record('value', other, value);
        return value;
      },
      number(other) {
        const value = context.value(other);
        if (typeof value !== 'number') throw new MissingValueError(other, name);
        return value;
      },
      text(other) {
        const value = context.value(other);
        if (typeof value !== 'string') throw new MissingValueError(other, name);
        return value;
      },
      setting(key) {
        if (!Object.prototype.hasOwnProperty.call(settings, key))
          throw new PackError('UNKNOWN_SETTING', `there is no setting named ${JSON.stringify(key)}`);
        const value = settings[key] ?? null;
        // Settings share the trace's `input` kind under a `settings/` prefix: the contract has two kinds.
        record('input', `settings/${key}`, value);
        return value;
      },
      now,
    };

    let value: JsonValue;
    try {
      value = toJsonValue(formula.compute(context), name);
    } catch (error) {
      if (error instanceof FormulaCycleError) throw error;
      value = null;
      if (error instanceof MissingInputError) {
        missingInputs.set(error.pointer, [...(missingInputs.get(error.pointer) ?? []), name]);
      } else if (!(error instanceof MissingValueError)) {
        failures.push({
          code: 'FORMULA_FAILED',
          level: 'error',
          message: `${name}: ${describeError(error).message}`,
          fields: [`values/${name}`],
        });
      }
    } finally {
      inProgress.pop();
    }
    values.set(name, value);
    trace[name] = {
      name,
      description: formula.description,
      ...(formula.unit ? { unit: formula.unit } : {}),
      reads,
      value,
    };
    return value;
  };

  for (const name of Object.keys(pack.formulas)) evaluate(name);

  const warnings: PackWarning[] = [...missingInputs].map(([pointer, formulas]) => ({
    code: 'INPUT_MISSING',
    level: 'warn',
    message: `${pointer} is empty, so ${formulas.join(', ')} cannot be computed yet`,
    fields: [pointer, ...formulas.map((formula) => `values/${formula}`)],
  }));
  // Values keep the formulas' declared order, whatever order they were computed in.
  const ordered: { [name: string]: JsonValue } = {};
  const orderedTrace: { [name: string]: TraceEntry } = {};
  for (const name of Object.keys(pack.formulas)) {
    ordered[name] = values.get(name) ?? null;
    orderedTrace[name] = trace[name]!;
  }
  return { values: ordered, trace: orderedTrace, warnings: [...warnings, ...failures] };
}
