import { definePack } from '@repogen/sdk/pack';
import { structureRules, thresholdRules, viabilityChartFormulas, viabilityTableFormulas } from '@repogen/sdk/kits/project-finance';
import { annexureSections } from './annexure-sections.js';
import { capacityRules } from './capacity-rules.js';
import { costFormulas, costSummary } from './cost-formulas.js';
import type { PackInput } from './input.generated.js';
import { packProjectionFormulas, projections } from './projection-formulas.js';
import { settings, type TevSettings } from './settings.js';
import { packStructureRules, precisionRules } from './structure-rules.js';
import { tevRules } from './tev-rules.js';
import { tableFormulas } from './table-formulas.js';
import { viabilityFormulas } from './viability-formulas.js';

/** Techno-economic viability study (DOMAIN §5): the DPR engine with driver-based revenue, plus TEV checks. */
export default definePack<PackInput, TevSettings>({
  settings,
  formulas: {
    ...costFormulas,
    ...costSummary,
    ...projections,
    ...packProjectionFormulas,
    ...viabilityFormulas,
    ...viabilityChartFormulas<PackInput, TevSettings>(),
    ...tableFormulas,
    ...viabilityTableFormulas<PackInput, TevSettings>(),
  },
  rules: {
    ...structureRules,
    ...packStructureRules,
    ...precisionRules,
    ...thresholdRules,
    ...capacityRules,
    ...tevRules,
  },
  annexures: annexureSections,
});
