import { json } from '@repogen/sdk/kits/project-finance';
import type { StageFormula } from './settings.js';

/** The stage definitions the chosen template suggests (DOMAIN §4.a), offered beside the typed rows. */
export const stageTemplateFormulas = {
  stageTemplateDefaults: {
    description: 'Default stages and weights of the chosen stage template (a suggestion; the typed rows are used)',
    unit: '%',
    compute: (c) => json(c.setting('stageTemplates')[c.input('/stageTemplate') ?? 'COST_WEIGHTED']),
  },
} satisfies Record<string, StageFormula>;
