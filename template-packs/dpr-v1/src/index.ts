import { definePack } from '@repogen/sdk/pack';
import { structureRules, thresholdRules, viabilityChartFormulas, viabilityTableFormulas } from '@repogen/sdk/kits/project-finance';
import { annexureSections } from './annexure-sections.js';
import { capacityRules } from './capacity-rules.js';
import { costFormulas, costSummary } from './cost-formulas.js';
import type { PackInput } from './input.generated.js';
import { packProjectionFormulas, projections } from './projection-formulas.js';
import { settings, type DprSettings } from './settings.js';
import { packStructureRules, precisionRules } from './structure-rules.js';
import { tableFormulas } from './table-formulas.js';
import { viabilityFormulas } from './viability-formulas.js';
import { workingCapitalFormulas } from './working-capital-formulas.js';

/** Detailed project report (DOMAIN §3): cost, means, projections, DSCR, break-even, FIRR/NPV, sensitivity. */
export default definePack<PackInput, DprSettings>({
  settings,
  formulas: {
    ...costFormulas,
    ...costSummary,
    ...projections,
    ...packProjectionFormulas,
    ...viabilityFormulas,
    ...workingCapitalFormulas,
    ...viabilityChartFormulas<PackInput, DprSettings>(),
    ...tableFormulas,
    ...viabilityTableFormulas<PackInput, DprSettings>(),
  },
  rules: { ...structureRules, ...packStructureRules, ...precisionRules, ...thresholdRules, ...capacityRules },
  annexures: annexureSections,
});
