import { definePack } from '@repogen/sdk/pack';
import { abstractRules } from './abstract-rules.js';
import { annexureSections } from './annexure-sections.js';
import { buildingFormulas } from './building-formulas.js';
import { extractFields } from './extract-fields.js';
import { flatFormulas } from './flat-formulas.js';
import type { PackInput } from './input.generated.js';
import { landFormulas } from './land-formulas.js';
import { presentationFormulas } from './presentation-formulas.js';
import { settings, type CoopSettings } from './settings.js';
import { siteRules } from './site-rules.js';
import { surveyRules } from './survey-rules.js';
import { valuationRules } from './valuation-rules.js';
import { valueFormulas } from './value-formulas.js';

/**
 * Co-operative bank format, any value: the SBI valuation model (DOMAIN §2) with the co-op firm
 * rules — adopted = 80 % of market, market figures printed = adopted ÷ 0.80, totals up to ₹500.
 */
export default definePack<PackInput, CoopSettings>({
  settings,
  formulas: { ...landFormulas, ...buildingFormulas, ...flatFormulas, ...valueFormulas, ...presentationFormulas },
  rules: { ...abstractRules, ...siteRules, ...surveyRules, ...valuationRules },
  annexures: annexureSections,
  extract: extractFields,
});
