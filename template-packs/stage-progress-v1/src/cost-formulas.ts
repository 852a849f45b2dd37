import { roundToDecimals } from '@repogen/sdk/pack';
import { addLakh, json, roundLakh, subtractLakh } from '@repogen/sdk/kits/project-finance';
import { percentOf } from './percent.js';
import type { StageFormula } from './settings.js';

const HEADS = [
  ['landAndApprovals', 'Land and approvals'],
  ['construction', 'Construction'],
  ['professionalFeesAndOverheads', 'Professional fees and overheads'],
  ['marketing', 'Marketing'],
  ['financeCost', 'Finance cost'],
] as const;

/** Cost incurred vs budget, earned-value indices and the LIE-certified cost (DOMAIN §4.b). */
export const costFormulas = {
  workCostExclMaterialAndAdvances: {
    description: 'Work cost = CA construction cost − verified material at site − advances to contractors',
    unit: 'INR_LAKH',
    compute: (c) =>
      subtractLakh(
        c.need('/costIncurredCa/construction'),
        addLakh(
          c.input('/lieVerification/materialAtSiteVerified') ?? 0,
          c.input('/lieVerification/advancesToContractors') ?? 0,
        ),
      ),
  },
  costPerformanceIndex: {
    description: 'CPI = earned value ÷ work cost',
    unit: 'ratio',
    compute: (c) => {
      const work = c.number('workCostExclMaterialAndAdvances');
      return work > 0 ? roundToDecimals(c.number('earnedValueConstruction') / work, 4) : null;
    },
  },
  estimateAtCompletionConstruction: {
    description: 'Estimate at completion = construction budget ÷ CPI (unrounded CPI)',
    unit: 'INR_LAKH',
    compute: (c) => {
      const earned = c.number('earnedValueConstruction');
      return earned > 0
        ? roundLakh((c.need('/budget/construction') * c.number('workCostExclMaterialAndAdvances')) / earned)
        : null;
    },
  },
  projectedOverrun: {
    description: 'Projected overrun = estimate at completion − construction budget',
    unit: 'INR_LAKH',
    compute: (c) => subtractLakh(c.number('estimateAtCompletionConstruction'), c.need('/budget/construction')),
  },
  projectedOverrunPct: {
    description: 'Projected overrun ÷ construction budget',
    unit: '%',
    compute: (c) => percentOf(c.number('projectedOverrun'), c.need('/budget/construction')),
  },
  lieCertifiedConstructionCost: {
    description: 'LIE-certified construction cost = earned value + verified material at site',
    unit: 'INR_LAKH',
    compute: (c) =>
      addLakh(c.number('earnedValueConstruction'), c.input('/lieVerification/materialAtSiteVerified') ?? 0),
  },
  caCertifiedTotalCost: {
    description: 'CA-certified cost incurred: Σ heads of the certificate',
    unit: 'INR_LAKH',
    compute: (c) => addLakh(...HEADS.map(([key]) => c.input(`/costIncurredCa/${key}`) ?? 0)),
  },
  lieCertifiedTotalCost: {
    description: 'LIE-certified total = LIE-certified construction + the other heads as the CA certifies them',
    unit: 'INR_LAKH',
    compute: (c) =>
      addLakh(
        c.number('lieCertifiedConstructionCost'),
        ...HEADS.filter(([key]) => key !== 'construction').map(([key]) => c.input(`/costIncurredCa/${key}`) ?? 0),
      ),
  },
  unverifiedCost: {
    description: 'CA-certified total − LIE-certified total',
    unit: 'INR_LAKH',
    compute: (c) => subtractLakh(c.number('caCertifiedTotalCost'), c.number('lieCertifiedTotalCost')),
  },
  costTable: {
    description: 'Budget | CA incurred | LIE certified | Balance to complete, by head; totals are sums of the rows',
    unit: 'INR_LAKH',
    compute: (c) => {
      const rows = HEADS.map(([key, head]) => {
        const budget = c.input(`/budget/${key}`) ?? 0;
        const ca = c.input(`/costIncurredCa/${key}`) ?? 0;
        const lie = key === 'construction' ? c.number('lieCertifiedConstructionCost') : ca;
        return { head, budget, caIncurred: ca, lieCertified: lie, balanceToComplete: subtractLakh(budget, lie) };
      });
      const total = (pick: (row: (typeof rows)[number]) => number): number => addLakh(...rows.map(pick));
      return json({
        rows,
        total: {
          head: 'Total',
          budget: total((row) => row.budget),
          caIncurred: total((row) => row.caIncurred),
          lieCertified: total((row) => row.lieCertified),
          balanceToComplete: total((row) => row.balanceToComplete),
        },
      });
    },
  },
  budgetTotal: {
    description: 'Project budget: Σ heads',
    unit: 'INR_LAKH',
    compute: (c) => addLakh(...HEADS.map(([key]) => c.input(`/budget/${key}`) ?? 0)),
  },
  meansOfFinanceTotal: {
    description: 'Means of finance: promoter equity + bank finance + customer advances',
    unit: 'INR_LAKH',
    compute: (c) =>
      addLakh(
        c.input('/meansOfFinance/promoterEquity') ?? 0,
        c.input('/meansOfFinance/bankConstructionFinance') ?? 0,
        c.input('/meansOfFinance/customerAdvances') ?? 0,
      ),
  },
} satisfies Record<string, StageFormula>;
