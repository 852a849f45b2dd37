import { addLakh, ratio, subtractLakh } from './lakh.js';
import type { Drivers, Projection } from './projection-engine.js';

/** A projected balance sheet at a year end, with its ratios (₹ lakh; ratios 2 dp). */
export type BalanceSheetYear = {
  readonly year: number;
  readonly liabilities: {
    readonly shareCapital: number;
    readonly reservesSurplus: number;
    readonly unsecuredLoansPromoters: number;
    readonly subsidyAndOthers: number;
    readonly termLoan: number;
    readonly cashCredit: number;
  };
  readonly assets: {
    readonly netFixedAssets: number;
    readonly preOperativeUnamortised: number;
    readonly inventoryAndReceivables: number;
    readonly cashAndBank: number;
  };
  readonly totalLiabilities: number;
  readonly totalAssets: number;
  readonly currentRatio: number | null;
  readonly tolTnw: number | null;
  readonly facr: number | null;
  readonly iscr: number | null;
};

/**
 * Year-end balance sheets. Cash is carried by the funds-flow statement (opening cash + cash
 * accruals − principal repaid), never plugged, so a sheet that does not balance shows an input
 * that does not tie (fixed-asset classes vs cost heads, or the working-capital gap vs the margin).
 */
export function balanceSheets(drivers: Drivers, projection: Projection): BalanceSheetYear[] {
  const sheet = drivers.balanceSheet;
  if (!sheet) return [];
  const means = addLakh(
    sheet.shareCapital,
    sheet.quasiEquity,
    drivers.repayment.termLoan,
    sheet.subsidy,
    sheet.otherMeans,
  );
  const grossBlock = addLakh(drivers.land, ...drivers.depreciationClasses.map((item) => item.base));
  let cash = subtractLakh(means, drivers.projectCost);
  let reserves = 0;
  let depreciated = 0;
  let amortised = 0;
  return projection.years.map((row) => {
    cash = subtractLakh(addLakh(cash, row.cashAccruals), row.tlRepayment);
    reserves = addLakh(reserves, row.pat);
    depreciated = addLakh(depreciated, row.depreciation);
    amortised = addLakh(amortised, row.amortisation);
    const liabilities = {
      shareCapital: sheet.shareCapital,
      reservesSurplus: reserves,
      unsecuredLoansPromoters: sheet.quasiEquity,
      subsidyAndOthers: addLakh(sheet.subsidy, sheet.otherMeans),
      termLoan: row.tlClosing,
      cashCredit: sheet.cashCredit,
    };
    const netFixedAssets = subtractLakh(grossBlock, depreciated);
    const assets = {
      netFixedAssets,
      preOperativeUnamortised: drivers.amortisationYears > 0 ? subtractLakh(drivers.preOperative, amortised) : 0,
      inventoryAndReceivables: sheet.currentAssets,
      cashAndBank: cash,
    };
    const netWorth = addLakh(sheet.shareCapital, reserves, sheet.quasiEquity);
    return {
      year: row.year,
      liabilities,
      assets,
      totalLiabilities: addLakh(...Object.values(liabilities)),
      totalAssets: addLakh(...Object.values(assets)),
      currentRatio: ratio(addLakh(sheet.currentAssets, cash), sheet.cashCredit, 2),
      tolTnw: ratio(addLakh(row.tlClosing, sheet.cashCredit), netWorth, 2),
      facr: ratio(subtractLakh(netFixedAssets, drivers.land), row.tlClosing, 2),
      iscr: ratio(row.ebitda, addLakh(row.interestTermLoan, row.interestWorkingCapital), 2),
    };
  });
}
