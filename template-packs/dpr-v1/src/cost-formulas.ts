import { rupeesInWords, roundToDecimals } from '@repogen/sdk/pack';
import { json } from './json.js';
import { addLakh, lakhTimes, lakhToPaise, ratio } from './lakh.js';
import type { DprFormula } from './settings.js';

const MSME = ['Micro Enterprise', 'Small Enterprise', 'Medium Enterprise'];

/** Cost of project, means of finance and the promoter's stake (DOMAIN §3.a items 6–7). */
export const costFormulas = {
  contingencyComputed: {
    description: 'Contingency: the configured % × (building and civil works + plant and machinery)',
    unit: 'INR_LAKH',
    compute: (c) =>
      lakhTimes(
        addLakh(c.need('/projectCost/buildingAndCivilWorks'), c.need('/projectCost/plantAndMachinery')),
        (c.input('/projectCost/contingencyPctOnBuildingAndPM') ?? 0) / 100,
      ),
  },
  projectCostRows: {
    description: 'Cost of project by head, as printed (₹ in lakh)',
    unit: 'INR_LAKH',
    compute: (c) =>
      json([
        { head: 'Land and site development', amount: c.input('/projectCost/landAndSiteDevelopment') ?? 0 },
        { head: 'Building and civil works', amount: c.input('/projectCost/buildingAndCivilWorks') ?? 0 },
        { head: 'Plant and machinery', amount: c.input('/projectCost/plantAndMachinery') ?? 0 },
        { head: 'Miscellaneous fixed assets', amount: c.input('/projectCost/miscFixedAssets') ?? 0 },
        {
          head: 'Preliminary and pre-operative expenses',
          amount: c.input('/projectCost/preliminaryAndPreOperative') ?? 0,
        },
        { head: 'Contingency', amount: c.input('/projectCost/contingency') ?? 0 },
        { head: 'Margin money for working capital', amount: c.input('/projectCost/marginMoneyWorkingCapital') ?? 0 },
      ]),
  },
  projectCostTotal: {
    description: 'Total cost of project: the sum of the printed heads',
    unit: 'INR_LAKH',
    compute: (c) => sumAmounts(c.value('projectCostRows')),
  },
  meansOfFinanceRows: {
    description: 'Means of finance by source, as printed (₹ in lakh)',
    unit: 'INR_LAKH',
    compute: (c) =>
      json([
        { source: "Promoters' share capital", amount: c.input('/meansOfFinance/promoterShareCapital') ?? 0 },
        {
          source: "Promoters' unsecured loan (quasi-equity)",
          amount: c.input('/meansOfFinance/promoterUnsecuredLoanQuasiEquity') ?? 0,
        },
        { source: 'Term loan', amount: c.input('/meansOfFinance/termLoan') ?? 0 },
        { source: 'Subsidy / grant', amount: c.input('/meansOfFinance/subsidy') ?? 0 },
        { source: 'Others', amount: c.input('/meansOfFinance/others') ?? 0 },
      ]),
  },
  meansOfFinanceTotal: {
    description: 'Total means of finance: the sum of the printed sources',
    unit: 'INR_LAKH',
    compute: (c) => sumAmounts(c.value('meansOfFinanceRows')),
  },
  promoterContribution: {
    description: "Promoters' contribution: share capital + subordinated unsecured loan (quasi-equity)",
    unit: 'INR_LAKH',
    compute: (c) =>
      addLakh(
        c.need('/meansOfFinance/promoterShareCapital'),
        c.input('/meansOfFinance/promoterUnsecuredLoanQuasiEquity') ?? 0,
      ),
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
    description: 'Debt-equity: term loan ÷ (share capital + quasi-equity), to 2 decimals (x : 1)',
    unit: 'ratio',
    compute: (c) => ratio(c.need('/meansOfFinance/termLoan'), c.number('promoterContribution'), 2),
  },
  debtEquityNorm: {
    description: 'The D/E norm that applies: the MSME norm for Udyam-registered units, else the general one',
    unit: 'ratio',
    compute: (c) =>
      MSME.includes(c.input('/borrower/category') ?? '')
        ? c.setting('debtEquityMaxMsme')
        : c.setting('debtEquityMaxGeneral'),
  },
  salesAtFullCapacity: {
    description: 'Sales at 100 % capacity: installed capacity × selling price ÷ 1,00,000',
    unit: 'INR_LAKH',
    compute: (c) =>
      lakhTimes(c.need('/product/installedCapacityTpa'), c.need('/product/sellingPricePerTonne') / 100_000),
  },
  projectCostInWords: {
    description: 'Cost of project in Indian English words (rupees)',
    unit: 'text',
    compute: (c) => rupeesInWords(lakhToPaise(c.number('projectCostTotal')) / 100),
  },
} satisfies Record<string, DprFormula>;

function sumAmounts(rows: unknown): number {
  if (!Array.isArray(rows)) return 0;
  return addLakh(
    ...rows.map((row: unknown) =>
      typeof row === 'object' && row !== null && 'amount' in row && typeof row.amount === 'number' ? row.amount : 0,
    ),
  );
}
