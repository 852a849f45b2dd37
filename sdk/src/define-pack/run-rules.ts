import type { JsonValue, PackWarning } from '../contract/pack-contract.js';
import { loosen } from './loose-pack.js';
import type { DefinedPack, RuleFinding, RuleOutcome } from './pack-definition.js';
import { describeError } from './pack-error.js';

/**
 * Runs every rule over the input and the values. Rules warn and never block; a rule that
 * throws is itself reported as RULE_FAILED, so one bad rule does not hide the others.
 */
export function runRules<Input, Settings extends { readonly [K in keyof Settings]: JsonValue }, Names extends string>(
  definedPack: DefinedPack<Input, Settings, Names>,
  input: JsonValue,
  values: { readonly [name: string]: JsonValue },
  settings: { readonly [key: string]: JsonValue },
  now: string,
): PackWarning[] {
  const pack = loosen(definedPack);
  const context = {
    input,
    values,
    number: (name: string): number | undefined => {
      const value = values[name];
      return typeof value === 'number' ? value : undefined;
    },
    settings,
    now,
  };
  const warnings: PackWarning[] = [];
  for (const [code, rule] of Object.entries(pack.rules ?? {})) {
    let outcome: RuleOutcome;
    try {
      outcome = rule.check(context);
    } catch (error) {
      warnings.push({
        code: 'RULE_FAILED',
        level: 'error',
        message: `${code}: ${describeError(error).message}`,
        fields: [],
      });
      continue;
    }
    for (const finding of findingsOf(outcome)) {
      warnings.push({
        code,
        level: finding.level ?? rule.level,
        message: finding.message,
        fields: [...(finding.fields ?? [])],
      });
    }
  }
  return warnings;
}

/** A rule's outcome as a list of findings (nothing, a message, one finding or several). */
export function findingsOf(outcome: RuleOutcome): readonly RuleFinding[] {
  if (outcome === undefined || outcome === null || outcome === false) return [];
  if (typeof outcome === 'string') return [{ message: outcome }];
  if (Array.isArray(outcome)) return outcome as readonly RuleFinding[];
  return [outcome as RuleFinding];
}
