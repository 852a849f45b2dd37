import { definePack } from '@repogen/sdk/pack';
import { annexureSections } from './annexure-sections.js';
import { chartFormulas } from './chart-formulas.js';
import { costFormulas } from './cost-formulas.js';
import { financeRules } from './finance-rules.js';
import { fundsFormulas } from './funds-formulas.js';
import type { PackInput } from './input.generated.js';
import { photoFormulas } from './photo-formulas.js';
import { presentationFormulas } from './presentation-formulas.js';
import { progressFormulas } from './progress-formulas.js';
import { progressRules } from './progress-rules.js';
import { precisionRules } from './precision-rules.js';
import { recommendationRules } from './recommendation-rules.js';
import { scheduleFormulas } from './schedule-formulas.js';
import { settings, type StageSettings } from './settings.js';
import { siteRules } from './site-rules.js';
import { stageTemplateFormulas } from './stage-template-formulas.js';

/** The checks of DOMAIN §4.d; the recommendation is judged against their ERROR findings. */
const checks = { ...progressRules, ...financeRules, ...siteRules, ...precisionRules };

/** Stage-wise construction progress / LIE disbursement report (DOMAIN §4). */
export default definePack<PackInput, StageSettings>({
  settings,
  formulas: {
    ...stageTemplateFormulas,
    ...progressFormulas,
    ...costFormulas,
    ...fundsFormulas,
    ...scheduleFormulas,
    ...photoFormulas,
    ...presentationFormulas,
    ...chartFormulas,
  },
  rules: { ...checks, ...recommendationRules(checks) },
  annexures: annexureSections,
});
