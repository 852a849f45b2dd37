import { addLakh, costSummaryFormulas, json, lakhTimes } from '@repogen/sdk/kits/project-finance';
import type { PackInput } from './input.generated.js';
import type { DprFormula, DprSettings } from './settings.js';

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
  promoterContribution: {
    description: "Promoters' contribution: share capital + subordinated unsecured loan (quasi-equity)",
    unit: 'INR_LAKH',
    compute: (c) =>
      addLakh(
        c.need('/meansOfFinance/promoterShareCapital'),
        c.input('/meansOfFinance/promoterUnsecuredLoanQuasiEquity') ?? 0,
      ),
  },
  salesAtFullCapacity: {
    description: 'Sales at 100 % capacity: installed capacity × selling price ÷ 1,00,000',
    unit: 'INR_LAKH',
    compute: (c) =>
      lakhTimes(c.need('/product/installedCapacityTpa'), c.need('/product/sellingPricePerTonne') / 100_000),
  },
} satisfies Record<string, DprFormula>;

/** Totals, the promoters' share and debt-equity over this pack's heads and sources. */
export const costSummary = costSummaryFormulas<PackInput, DprSettings>({
  termLoan: (c) => c.need('/meansOfFinance/termLoan'),
  borrowerCategory: (c) => c.input('/borrower/category'),
});
