import { definePack } from '@repogen/sdk/pack';
import { abstractRules } from './abstract-rules.js';
import { annexureSections } from './annexure-sections.js';
import { buildingFormulas } from './building-formulas.js';
import { extractFields } from './extract-fields.js';
import { flatFormulas } from './flat-formulas.js';
import type { PackInput } from './input.generated.js';
import { landFormulas } from './land-formulas.js';
import { presentationFormulas } from './presentation-formulas.js';
import { settings, type PsuSettings } from './settings.js';
import { siteRules } from './site-rules.js';
import { surveyRules } from './survey-rules.js';
import { townPlanningFormulas } from './town-planning-formulas.js';
import { townPlanningRules } from './town-planning-rules.js';
import { valuationRules } from './valuation-rules.js';
import { valueFormulas } from './value-formulas.js';

/**
 * PSU generic format (SBI above ₹5 crore, BOI, other PSU banks): the SBI valuation model (DOMAIN §2)
 * plus the longer format's separate areas, FAR/FSI and ground coverage (DOMAIN §2 background).
 */
export default definePack<PackInput, PsuSettings>({
  settings,
  formulas: {
    ...landFormulas,
    ...buildingFormulas,
    ...flatFormulas,
    ...townPlanningFormulas,
    ...valueFormulas,
    ...presentationFormulas,
  },
  rules: { ...abstractRules, ...siteRules, ...surveyRules, ...valuationRules, ...townPlanningRules },
  annexures: annexureSections,
  extract: extractFields,
});
