import { definePack } from '@repogen/sdk/pack';
import {
  amountWordsRules,
  buildingFormulas,
  extractValuationFields,
  flatFormulas,
  fsiRules,
  guidelineFormulas,
  insurableValueFormula,
  landFormulas,
  partTotalFormulas,
  presentationFormulas,
  realisableDistressFormulas,
  roundUpRupees,
  siteRules,
  surveyRules,
  twoValuationsRules,
  valuationAnnexureSections,
  valuationFormulasFor,
  valuationRules,
} from '@repogen/sdk/kits/valuation';
import { abstractRules } from './abstract-rules.js';
import { adoptedMarketFormulas } from './adopted-market-formulas.js';
import type { PackInput } from './input.generated.js';
import { settings, type CoopSettings } from './settings.js';

/** The co-op prints its adopted value in figures and words beside the market one. */
const PRINTED_VALUES = ['fairMarketValue', 'adoptedValue', 'realizableValue', 'distressValue', 'insurableValue'];

/**
 * Co-operative bank format, any value: the SBI valuation model (DOMAIN §2) with the co-op firm
 * rules — adopted = 80 % of market, market figures printed = adopted ÷ 0.80, totals up to ₹500.
 */
export default definePack<PackInput, CoopSettings>({
  settings,
  formulas: {
    ...valuationFormulasFor<PackInput, CoopSettings>({ ...landFormulas, ...buildingFormulas, ...flatFormulas }),
    ...valuationFormulasFor<PackInput, CoopSettings>(partTotalFormulas(' (adopted)')),
    ...adoptedMarketFormulas,
    ...valuationFormulasFor<PackInput, CoopSettings>({
      ...realisableDistressFormulas,
      insurableValue: insurableValueFormula<CoopSettings>({
        description:
          ' as adopted (Part B + Part C + Part D; for a flat, depreciated building rate × built-up), rounded up to the step; land is never insurable',
        round: (rupees, c) => roundUpRupees(rupees, c.setting('totalRoundUpStepRupees')),
      }),
      ...guidelineFormulas,
      ...presentationFormulas(PRINTED_VALUES),
    }),
  },
  rules: {
    ...abstractRules,
    ...siteRules,
    ...surveyRules,
    ...valuationRules,
    ...fsiRules,
    ...twoValuationsRules,
    ...amountWordsRules([...PRINTED_VALUES, 'guidelineValue']),
  },
  annexures: valuationAnnexureSections,
  extract: extractValuationFields,
});
