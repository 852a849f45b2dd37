import { definePack } from '@repogen/sdk/pack';
import { annexureSections } from './annexure-sections.js';
import { buildingFormulas } from './building-formulas.js';
import { extractFields } from './extract-fields.js';
import { flatFormulas } from './flat-formulas.js';
import type { PackInput } from './input.generated.js';
import { landFormulas } from './land-formulas.js';
import { presentationFormulas } from './presentation-formulas.js';
import { settings, type SbiSettings } from './settings.js';
import { siteRules } from './site-rules.js';
import { valuationRules } from './valuation-rules.js';
import { valueFormulas } from './value-formulas.js';

/** SBI Format A: land & building valuation below ₹5 crore (DOMAIN §2). */
export default definePack<PackInput, SbiSettings>({
  settings,
  formulas: { ...landFormulas, ...buildingFormulas, ...flatFormulas, ...valueFormulas, ...presentationFormulas },
  rules: { ...siteRules, ...valuationRules },
  annexures: annexureSections,
  extract: extractFields,
});
