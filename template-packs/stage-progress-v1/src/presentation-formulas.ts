import { formatIndianNumber, rupeesInWords } from '@repogen/sdk/pack';
import { lakhToPaise } from '@repogen/sdk/kits/project-finance';
import type { StageFormula } from './settings.js';

/** The recommendation as the summary page prints it: ₹ lakh with Indian grouping, and in words. */
export const presentationFormulas = {
  recommendedDisbursementDisplay: {
    description: 'Recommended tranche, "₹ x,xx,xxx.xx lakh"',
    unit: 'text',
    compute: (c) => `₹ ${formatIndianNumber(c.number('recommendedDisbursement'), 2)} lakh`,
  },
  recommendedDisbursementInWords: {
    description: 'Recommended tranche in Indian English words (rupees)',
    unit: 'text',
    compute: (c) => rupeesInWords(lakhToPaise(c.number('recommendedDisbursement')) / 100),
  },
} satisfies Record<string, StageFormula>;
