import type { FormulaContext } from '@repogen/sdk/pack';
import type { PackInput } from './input.generated.js';
import type { Drivers, SensitivityShock } from '@repogen/sdk/kits/project-finance';
import type { DprSettings } from './settings.js';

type Context = FormulaContext<PackInput, DprSettings, string>;

const RUPEES_PER_LAKH = 100_000;

/**
 * Reads every driver of the projections through the formula context, so each value built on
 * them carries the inputs it used in its trace. A missing required input makes the value null.
 */
export function readDrivers(c: Context): Drivers {
  const years = c.need('/assumptions/projectionYears');
  const capacityPct = c.need('/assumptions/capacityUtilisationPct').slice(0, years);
  const fullCapacity =
    (c.need('/product/installedCapacityTpa') * c.need('/product/sellingPricePerTonne')) / RUPEES_PER_LAKH;
  const amortisationYears = c.input('/assumptions/preOperativeAmortisationYears') ?? 0;
  const structuredPct = c.input('/assumptions/repaymentPctByYear') ?? [];
  return {
    years,
    fullCapacitySales: Array.from({ length: years }, () => fullCapacity),
    capacityPct,
    variableCostPct: c.need('/assumptions/variableCostPctOfSales'),
    fixedCashCostYear1: c.need('/assumptions/fixedCashCostPerYear'),
    fixedCostGrowthPct: c.input('/assumptions/fixedCostGrowthPct') ?? 0,
    taxRatePct: c.need('/assumptions/taxRatePct'),
    lossCarryForward: c.input('/assumptions/lossCarryForward') ?? true,
    repayment: {
      termLoan: c.need('/meansOfFinance/termLoan'),
      ratePct: c.need('/assumptions/termLoanRatePct'),
      moratoriumYears: c.need('/assumptions/moratoriumYears'),
      repaymentYears: c.need('/assumptions/repaymentYears'),
      ...(structuredPct.length > 0 ? { structuredPct } : {}),
      rest: c.input('/assumptions/interestMethod') ?? 'ANNUAL_REST',
      emi: c.input('/assumptions/repaymentMethod') === 'EMI',
    },
    workingCapitalInterest: c.input('/assumptions/workingCapitalInterestPerYear') ?? 0,
    depreciationClasses: c.need('/assumptions/depreciationClasses'),
    stopDepreciationAtEndOfLife: c.setting('stopDepreciationAtEndOfLife'),
    preOperative: amortisationYears > 0 ? (c.input('/projectCost/preliminaryAndPreOperative') ?? 0) : 0,
    amortisationYears,
    land: c.input('/projectCost/landAndSiteDevelopment') ?? 0,
    workingCapitalMargin: c.input('/projectCost/marginMoneyWorkingCapital') ?? 0,
    projectCost: c.number('projectCostTotal'),
    balanceSheet: {
      shareCapital: c.need('/meansOfFinance/promoterShareCapital'),
      quasiEquity: c.input('/meansOfFinance/promoterUnsecuredLoanQuasiEquity') ?? 0,
      subsidy: c.input('/meansOfFinance/subsidy') ?? 0,
      otherMeans: c.input('/meansOfFinance/others') ?? 0,
      currentAssets: c.need('/workingCapital/currentAssetsRequirement'),
      cashCredit: c.need('/workingCapital/bankFinance'),
    },
    discountRatePct: c.need('/assumptions/discountRatePct'),
  };
}

/** The sensitivity cases the report prints: the input's, else the standard set. */
export function readSensitivityCases(c: Context): SensitivityShock[] {
  const typed = c.input('/sensitivityCases') ?? [];
  return typed.length > 0 ? typed : c.setting('defaultSensitivityCases');
}
