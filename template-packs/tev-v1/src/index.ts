import { definePack } from '@repogen/sdk/pack';
import { annexureSections } from './annexure-sections.js';
import { costFormulas } from './cost-formulas.js';
import type { PackInput } from './input.generated.js';
import { projectionFormulas } from './projection-formulas.js';
import { settings, type TevSettings } from './settings.js';
import { structureRules } from './structure-rules.js';
import { tevRules } from './tev-rules.js';
import { thresholdRules } from './threshold-rules.js';
import { viabilityFormulas } from './viability-formulas.js';

/** Techno-economic viability study (DOMAIN §5): the DPR engine with driver-based revenue, plus TEV checks. */
export default definePack<PackInput, TevSettings>({
  settings,
  formulas: { ...costFormulas, ...projectionFormulas, ...viabilityFormulas },
  rules: { ...structureRules, ...thresholdRules, ...tevRules },
  annexures: annexureSections,
});
