import type { FormulaContext, FormulaDefinition } from '../../define-pack/index.js';
import { roundToDecimals, rupeesInWords } from '../../runtime/index.js';
import { addLakh, lakhToPaise, ratio } from './lakh.js';

/** The debt-equity norms a pack declares. */
export interface DebtEquitySettings {
  readonly debtEquityMaxGeneral: number;
  /** Udyam-registered micro, small and medium units get the higher norm. */
  readonly debtEquityMaxMsme: number;
}

/** The two inputs the summary reads, at the pack's own pointers. */
export interface CostSummaryReaders<Input, Settings> {
  readonly termLoan: (c: FormulaContext<Input, Settings, string>) => number;
  readonly borrowerCategory: (c: FormulaContext<Input, Settings, string>) => string | undefined;
}

const MSME = ['Micro Enterprise', 'Small Enterprise', 'Medium Enterprise'];

/**
 * Totals of the printed cost and means tables (`projectCostRows`, `meansOfFinanceRows`), the
 * promoters' share and the debt-equity ratio against its norm (DOMAIN §3.a items 6–7). The
 * pack computes the rows and `promoterContribution` from its own heads.
 */
export function costSummaryFormulas<Input, Settings extends DebtEquitySettings>(
  read: CostSummaryReaders<Input, Settings>,
): Record<string, FormulaDefinition<Input, Settings, string>> {
  return {
    projectCostTotal: {
      description: 'Total cost of project: the sum of the printed heads',
      unit: 'INR_LAKH',
      compute: (c) => sumAmounts(c.value('projectCostRows')),
    },
    meansOfFinanceTotal: {
      description: 'Total means of finance: the sum of the printed sources',
      unit: 'INR_LAKH',
      compute: (c) => sumAmounts(c.value('meansOfFinanceRows')),
    },
    promoterContributionPct: {
      description: "Promoters' contribution ÷ cost of project × 100",
      unit: '%',
      compute: (c) => {
        const cost = c.number('projectCostTotal');
        return cost > 0 ? roundToDecimals((c.number('promoterContribution') / cost) * 100, 2) : null;
      },
    },
    debtEquityRatio: {
      description: 'Debt-equity: term loan ÷ promoters’ contribution, to 2 decimals (x : 1)',
      unit: 'ratio',
      compute: (c) => ratio(read.termLoan(c), c.number('promoterContribution'), 2),
    },
    debtEquityNorm: {
      description: 'The D/E norm that applies: the MSME norm for Udyam-registered units, else the general one',
      unit: 'ratio',
      compute: (c) =>
        MSME.includes(read.borrowerCategory(c) ?? '')
          ? c.setting('debtEquityMaxMsme')
          : c.setting('debtEquityMaxGeneral'),
    },
    projectCostInWords: {
      description: 'Cost of project in Indian English words (rupees)',
      unit: 'text',
      compute: (c) => rupeesInWords(lakhToPaise(c.number('projectCostTotal')) / 100),
    },
  };
}

/** Σ of the `amount` of printed rows; anything malformed counts as zero. */
function sumAmounts(rows: unknown): number {
  if (!Array.isArray(rows)) return 0;
  return addLakh(
    ...rows.map((row: unknown) =>
      typeof row === 'object' && row !== null && 'amount' in row && typeof row.amount === 'number' ? row.amount : 0,
    ),
  );
}
