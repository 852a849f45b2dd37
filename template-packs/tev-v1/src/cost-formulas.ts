import { addLakh, costSummaryFormulas, json, lakhTimes } from '@repogen/sdk/kits/project-finance';
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
