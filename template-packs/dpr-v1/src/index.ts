import { definePack } from '@repogen/sdk/pack';
import { annexureSections } from './annexure-sections.js';
import { costFormulas } from './cost-formulas.js';
import type { PackInput } from './input.generated.js';
import { projectionFormulas } from './projection-formulas.js';
import { settings, type DprSettings } from './settings.js';
import { structureRules } from './structure-rules.js';
import { thresholdRules } from './threshold-rules.js';
import { viabilityFormulas } from './viability-formulas.js';
import { workingCapitalFormulas } from './working-capital-formulas.js';

/** Detailed project report (DOMAIN §3): cost, means, projections, DSCR, break-even, FIRR/NPV, sensitivity. */
export default definePack<PackInput, DprSettings>({
  settings,
  formulas: { ...costFormulas, ...projectionFormulas, ...viabilityFormulas, ...workingCapitalFormulas },
  rules: { ...structureRules, ...thresholdRules },
  annexures: annexureSections,
});
