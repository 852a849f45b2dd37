import { addLakh, costSummaryFormulas, json, lakhTimes, subtractLakh } from '@repogen/sdk/kits/project-finance';
import type { PackInput } from './input.generated.js';
import type { TevFormula, TevSettings } from './settings.js';

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
  cashCredit: {
    description:
      'Cash credit financing the current assets: the working-capital bank finance given, else the cash credit proposed to the lender',
    unit: 'INR_LAKH',
    compute: (c) => c.input('/workingCapital/bankFinance') ?? c.input('/lender/proposedExposure/cashCredit') ?? 0,
  },
  currentAssets: {
    description:
      'Current assets (inventory and receivables) of the balance sheet: the requirement given, else the working-capital margin of the cost of project + the cash credit (margin and bank finance together fund them)',
    unit: 'INR_LAKH',
    compute: (c) =>
      c.input('/workingCapital/currentAssetsRequirement') ??
      addLakh(c.input('/projectCost/marginMoneyWorkingCapital') ?? 0, c.number('cashCredit')),
  },
  depreciableCost: {
    description:
      'Cost heads that form the depreciation bases: cost of project − land / lease premium − working-capital margin',
    unit: 'INR_LAKH',
    compute: (c) =>
      subtractLakh(
        c.number('projectCostTotal'),
        addLakh(c.input('/projectCost/landLeasePremium') ?? 0, c.input('/projectCost/marginMoneyWorkingCapital') ?? 0),
      ),
  },
  depreciationBaseTotal: {
    description: 'Σ depreciation bases of the classes',
    unit: 'INR_LAKH',
    compute: (c) => addLakh(...c.need('/assumptions/depreciationClasses').map((item) => item.base)),
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
} satisfies Record<string, TevFormula>;

/** Totals, the promoters' share and debt-equity over this pack's heads and sources. */
export const costSummary = costSummaryFormulas<PackInput, TevSettings>({
  termLoan: (c) => c.need('/meansOfFinance/termLoan'),
  borrowerCategory: (c) => c.input('/borrower/category'),
});
