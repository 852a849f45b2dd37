import { amountPrecisionRules, differsBeyondTolerance, moneyFieldsOf } from '@repogen/sdk/kits/project-finance';
import schema from '../schema.json' with { type: 'json' };
import type { PackInput } from './input.generated.js';
import type { DprRule, DprSettings } from './settings.js';

/** The contingency head, sales at full capacity and the working capital, checked against this pack's own input fields. */
export const packStructureRules = {
  CONTINGENCY_MISMATCH: {
    description: 'Contingency = the configured % × (building + plant and machinery)',
    level: 'error',
    check: ({ input, number, settings }) =>
      input.projectCost?.contingencyPctOnBuildingAndPM !== undefined &&
      differsBeyondTolerance(
        input.projectCost.contingency ?? 0,
        number('contingencyComputed'),
        settings.footingToleranceLakh,
      ) && {
        message: `Contingency typed ${input.projectCost.contingency ?? 0} lakh; ${input.projectCost.contingencyPctOnBuildingAndPM} % of building and P&M is ${number('contingencyComputed')} lakh`,
        fields: ['/projectCost/contingency'],
      },
  },
  SALES_AT_FULL_CAPACITY_MISMATCH: {
    description: 'The typed sales at 100 % equal installed capacity × price',
    level: 'warn',
    check: ({ input, number, settings }) =>
      differsBeyondTolerance(
        input.product?.salesAt100PctLakh,
        number('salesAtFullCapacity'),
        settings.footingToleranceLakh,
      ) &&
      `Sales at 100 % typed ${input.product?.salesAt100PctLakh} lakh; capacity × price gives ${number('salesAtFullCapacity')} lakh`,
  },
  WORKING_CAPITAL_MISMATCH: {
    description: 'Margin = current assets × margin %, the cost head carries the same margin, bank finance = the gap',
    level: 'error',
    check: ({ input, number, settings }) => {
      const tolerance = settings.footingToleranceLakh;
      const margin = number('workingCapitalMarginComputed');
      const problems: string[] = [];
      if (differsBeyondTolerance(input.workingCapital?.margin, margin, tolerance))
        problems.push(`margin typed ${input.workingCapital?.margin}, worked ${margin}`);
      if (differsBeyondTolerance(input.projectCost?.marginMoneyWorkingCapital, margin, tolerance))
        problems.push(`cost of project carries ${input.projectCost?.marginMoneyWorkingCapital} as margin money`);
      if (differsBeyondTolerance(input.workingCapital?.bankFinance, number('workingCapitalGap'), tolerance))
        problems.push(`bank finance ${input.workingCapital?.bankFinance} ≠ gap ${number('workingCapitalGap')}`);
      return problems.length > 0 && { message: `Working capital: ${problems.join('; ')}`, fields: ['/workingCapital'] };
    },
  },
} satisfies Record<string, DprRule>;

/** Every ₹ lakh field of the schema is checked to 2 decimals. */
export const precisionRules = amountPrecisionRules<PackInput, DprSettings>(moneyFieldsOf(schema));
