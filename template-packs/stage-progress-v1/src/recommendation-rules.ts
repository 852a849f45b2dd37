import { raisedErrorCodes, type RuleDefinition } from '@repogen/sdk/pack';
import type { PackInput } from './input.generated.js';
import type { StageRule, StageSettings } from './settings.js';

/** The rules that judge the tranche itself; they flag the recommendation on their own. */
const ABOUT_THE_TRANCHE = new Set(['TRANCHE_ABOVE_ELIGIBLE', 'RECOMMENDATION_NOT_ALLOWED']);

/**
 * DOMAIN §4.b: a tranche is recommended only while no ERROR finding is open. The pack keeps the
 * amount the LIE typed or worked (warn, never guess) and flags it with the open findings, so the
 * report stays "not ready" until they are cleared or a release overrides them with a reason.
 */
export function recommendationRules(checks: {
  readonly [code: string]: RuleDefinition<PackInput, StageSettings, string>;
}): Record<'RECOMMENDATION_WITH_OPEN_ERRORS', StageRule> {
  return {
    RECOMMENDATION_WITH_OPEN_ERRORS: {
      description: 'A disbursement is recommended only when no ERROR finding is open (DOMAIN §4.b conditions)',
      level: 'error',
      check: (context) => {
        const recommended = context.number('recommendedDisbursement');
        if (!recommended || recommended <= 0) return;
        const open = raisedErrorCodes(checks, context).filter((code) => !ABOUT_THE_TRANCHE.has(code));
        return (
          open.length > 0 && {
            message: `A tranche of ${recommended} lakh is recommended while ERROR findings are open (${open.join(', ')}): withhold it until they are cleared`,
            fields: ['/recommendation/amount'],
          }
        );
      },
    },
  };
}
