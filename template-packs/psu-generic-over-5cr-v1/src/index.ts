import { definePack } from '@repogen/sdk/pack';
import {
  abstractRules,
  amountWordsRules,
  buildingFormulas,
  extractValuationFields,
  flatFormulas,
  landFormulas,
  presentationFormulas,
  siteRules,
  surveyRules,
  twoValuationsRules,
  valuationAnnexureSections,
  valuationFormulasFor,
  valuationRules,
  valueFormulas,
} from '@repogen/sdk/kits/valuation';
import type { PackInput } from './input.generated.js';
import { settings, type PsuSettings } from './settings.js';
import { townPlanningFormulas } from './town-planning-formulas.js';
import { townPlanningRules } from './town-planning-rules.js';
import { valueBandRules } from './value-band-rules.js';

/**
 * PSU generic format (SBI above ₹5 crore, BOI, other PSU banks): the SBI valuation model (DOMAIN §2)
 * plus the longer format's separate areas, FAR/FSI and ground coverage (DOMAIN §2 background).
 */
export default definePack<PackInput, PsuSettings>({
  settings,
  formulas: {
    ...valuationFormulasFor<PackInput, PsuSettings>({ ...landFormulas, ...buildingFormulas, ...flatFormulas }),
    ...townPlanningFormulas,
    ...valuationFormulasFor<PackInput, PsuSettings>({ ...valueFormulas(), ...presentationFormulas() }),
  },
  rules: {
    ...abstractRules,
    ...siteRules,
    ...surveyRules,
    ...valuationRules,
    ...valueBandRules,
    ...twoValuationsRules,
    ...amountWordsRules(),
    ...townPlanningRules,
  },
  annexures: valuationAnnexureSections,
  extract: extractValuationFields,
});
