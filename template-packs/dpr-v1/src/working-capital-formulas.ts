import { json, lakhTimes, subtractLakh } from '@repogen/sdk/kits/project-finance';
import type { DprFormula } from './settings.js';
import { yearLabels } from './year-labels.js';

/** Working-capital assessment and the labels of the projection years (DOMAIN §3.a item 8, §3.e). */
export const workingCapitalFormulas = {
  workingCapitalMarginComputed: {
    description: 'Promoter margin on working capital = current assets requirement × margin %',
    unit: 'INR_LAKH',
    compute: (c) =>
      lakhTimes(c.need('/workingCapital/currentAssetsRequirement'), c.need('/workingCapital/marginPct') / 100),
  },
  workingCapitalGap: {
    description: 'Bank finance the assessment supports = current assets requirement − margin',
    unit: 'INR_LAKH',
    compute: (c) =>
      subtractLakh(c.need('/workingCapital/currentAssetsRequirement'), c.number('workingCapitalMarginComputed')),
  },
  yearLabels: {
    description: 'Column labels of the projection years: financial years from the first operating year',
    unit: 'text',
    compute: (c) => json(yearLabels(c.input('/reportMeta/firstOperatingYear'), c.need('/assumptions/projectionYears'))),
  },
} satisfies Record<string, DprFormula>;
