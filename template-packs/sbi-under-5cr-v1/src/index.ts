import { definePack } from '@repogen/sdk/pack';
import {
  abstractRules,
  amountWordsRules,
  buildingFormulas,
  extractValuationFields,
  flatFormulas,
  fsiRules,
  landFormulas,
  presentationFormulas,
  siteRules,
  surveyRules,
  valuationAnnexureSections,
  valuationFormulasFor,
  valuationRules,
  valueFormulas,
} from '@repogen/sdk/kits/valuation';
import type { PackInput } from './input.generated.js';
import { settings, type SbiSettings } from './settings.js';
import { valueBandRules } from './value-band-rules.js';

/** SBI Format A: land & building valuation below ₹5 crore (DOMAIN §2). */
export default definePack<PackInput, SbiSettings>({
  settings,
  formulas: valuationFormulasFor<PackInput, SbiSettings>({
    ...landFormulas,
    ...buildingFormulas,
    ...flatFormulas,
    ...valueFormulas(),
    ...presentationFormulas(),
  }),
  rules: {
    ...abstractRules,
    ...siteRules,
    ...surveyRules,
    ...valuationRules,
    ...fsiRules,
    ...valueBandRules,
    ...amountWordsRules(),
  },
  annexures: valuationAnnexureSections,
  extract: extractValuationFields,
});
