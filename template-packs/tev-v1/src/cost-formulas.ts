import { roundToDecimals, rupeesInWords } from '@repogen/sdk/pack';
import { json } from './json.js';
import { addLakh, lakhTimes, lakhToPaise, ratio } from './lakh.js';
import type { TevFormula } from './settings.js';

const MSME = ['Micro Enterprise', 'Small Enterprise', 'Medium Enterprise'];

function sumAmounts(rows: unknown): number {
  if (!Array.isArray(rows)) return 0;
  return addLakh(
    ...rows.map((row: unknown) =>
      typeof row === 'object' && row !== null && 'amount' in row && typeof row.amount === 'number' ? row.amount : 0,
    ),
  );
}

/** Cost of project, means of finance and the promoter's stake (DOMAIN §5.a item 7, §5.b). */
export const costFormulas = {
  contingencyComputed: {
    description: 'Contingency: the configured % × (building + medical + non-medical equipment)',
    unit: 'INR_LAKH',
    compute: (c) =>
      lakhTimes(
        addLakh(
          c.need('/projectCost/buildingAndCivil'),
          c.input('/projectCost/medicalEquipment') ?? 0,
          c.input('/projectCost/nonMedicalEquipmentAndUtilities') ?? 0,
        ),
        (c.input('/projectCost/contingencyPctOnBuildingAndEquipment') ?? 0) / 100,
      ),
  },
  projectCostRows: {
    description: 'Cost of project by head, as printed (₹ in lakh)',
    unit: 'INR_LAKH',
    compute: (c) =>
      json([
        { head: 'Land / lease premium', amount: c.input('/projectCost/landLeasePremium') ?? 0 },
        { head: 'Building and civil', amount: c.input('/projectCost/buildingAndCivil') ?? 0 },
        { head: 'Medical equipment', amount: c.input('/projectCost/medicalEquipment') ?? 0 },
        {
          head: 'Non-medical equipment and utilities',
          amount: c.input('/projectCost/nonMedicalEquipmentAndUtilities') ?? 0,
        },
        { head: 'Furniture, fixtures and IT', amount: c.input('/projectCost/furnitureFixturesIt') ?? 0 },
        { head: 'Pre-operative expenses incl. IDC', amount: c.input('/projectCost/preOperativeInclIdc') ?? 0 },
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
        { source: 'Promoter equity', amount: c.input('/meansOfFinance/promoterEquity') ?? 0 },
        {
          source: 'Promoter unsecured loan (quasi-equity)',
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
    description: "Promoters' contribution: equity + subordinated unsecured loan (quasi-equity)",
    unit: 'INR_LAKH',
    compute: (c) =>
      addLakh(
        c.need('/meansOfFinance/promoterEquity'),
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
    description: 'Debt-equity: term loan ÷ promoters’ contribution, to 2 decimals (x : 1)',
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
  projectCostInWords: {
    description: 'Cost of project in Indian English words (rupees)',
    unit: 'text',
    compute: (c) => rupeesInWords(lakhToPaise(c.number('projectCostTotal')) / 100),
  },
} satisfies Record<string, TevFormula>;
