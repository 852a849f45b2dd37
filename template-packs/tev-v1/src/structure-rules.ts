import { amountPrecisionRules, differsBeyondTolerance } from '@repogen/sdk/kits/project-finance';
import type { TevRule } from './settings.js';

/** The contingency head, checked against this pack's own input fields. */
export const packStructureRules = {
  CONTINGENCY_MISMATCH: {
    description: 'Contingency = the configured % × (building + plant and machinery)',
    level: 'error',
    check: ({ input, number, settings }) =>
      input.projectCost?.contingencyPctOnBuildingAndEquipment !== undefined &&
      differsBeyondTolerance(
        input.projectCost.contingency ?? 0,
        number('contingencyComputed'),
        settings.footingToleranceLakh,
      ) && {
        message: `Contingency typed ${input.projectCost.contingency ?? 0} lakh; ${input.projectCost.contingencyPctOnBuildingAndEquipment} % of building and equipment is ${number('contingencyComputed')} lakh`,
        fields: ['/projectCost/contingency'],
      },
  },
} satisfies Record<string, TevRule>;

/** Every amount field is checked to 2 decimals; a name containing "Pct" is a percentage. */
export const precisionRules = amountPrecisionRules((key) => key.includes('Pct'));
