import { amountPrecisionRules, differsBeyondTolerance, moneyFieldsOf } from '@repogen/sdk/kits/project-finance';
import schema from '../schema.json' with { type: 'json' };
import type { PackInput } from './input.generated.js';
import type { TevRule, TevSettings } from './settings.js';

/** The contingency head and the depreciation bases, checked against this pack's own cost heads. */
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
  DEPRECIATION_BASES_NOT_COST: {
    description:
      'Σ depreciation bases = the cost heads that are depreciated (cost of project − land − working-capital margin), so the balance sheet balances',
    level: 'error',
    check: ({ number, settings }) =>
      differsBeyondTolerance(
        number('depreciationBaseTotal'),
        number('depreciableCost'),
        settings.footingToleranceLakh,
      ) && {
        message: `The depreciation bases add up to ${number('depreciationBaseTotal')} lakh; the cost heads to depreciate (cost of project less land and working-capital margin) are ${number('depreciableCost')} lakh`,
        fields: ['/assumptions/depreciationClasses', '/projectCost'],
      },
  },
} satisfies Record<string, TevRule>;

/** Every ₹ lakh field of the schema is checked to 2 decimals. */
export const precisionRules = amountPrecisionRules<PackInput, TevSettings>(moneyFieldsOf(schema));
