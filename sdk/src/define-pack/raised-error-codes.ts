import type { RuleContext, RuleDefinition } from './pack-definition.js';
import { findingsOf } from './run-rules.js';

/**
 * The codes of the rules that raise an ERROR-level finding on this context, in their order: for
 * a rule that may only pass while no other ERROR is open (e.g. a disbursement recommended with
 * no open ERROR findings). A rule that throws counts as raised, as `runRules` reports it.
 */
export function raisedErrorCodes<Input, Settings, Names extends string>(
  rules: { readonly [code: string]: RuleDefinition<Input, Settings, Names> },
  context: RuleContext<Input, Settings, Names>,
): string[] {
  return Object.entries(rules)
    .filter(([, rule]) => {
      try {
        return findingsOf(rule.check(context)).some((finding) => (finding.level ?? rule.level) === 'error');
      } catch {
        return true;
      }
    })
    .map(([code]) => code);
}
