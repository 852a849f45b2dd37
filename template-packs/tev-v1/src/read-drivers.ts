import { roundToDecimals, type FormulaContext } from '@repogen/sdk/pack';
import type { PackInput } from './input.generated.js';
import type { Drivers, SensitivityShock } from '@repogen/sdk/kits/project-finance';
import type { TevSettings } from './settings.js';

type Context = FormulaContext<PackInput, TevSettings, string>;

const DAYS_PER_YEAR = 365;
const RUPEES_PER_LAKH = 100_000;

/** ARPOB year by year in rupees, unrounded: year 1 compounded at the annual growth rate. */
function exactArpob(c: Context): number[] {
  const first = c.need('/assumptions/arpobYear1Rs');
  const growth = (c.input('/assumptions/arpobGrowthPct') ?? 0) / 100;
  return Array.from({ length: c.need('/assumptions/projectionYears') }, (_, index) => first * (1 + growth) ** index);
}

/** ARPOB as printed (to the paisa); revenue is worked from the unrounded figure, as the lender's model does. */
export function arpobByYear(c: Context): number[] {
  return exactArpob(c).map((arpob) => roundToDecimals(arpob, 2));
}

/**
 * Reads every driver through the formula context, so each value carries the inputs it used.
 * Revenue = beds × 365 × occupancy × ARPOB ÷ 1,00,000 (DOMAIN §5.b); pre-operative expenses are
 * capitalised into the depreciation classes, as in the TEV sample, so nothing is amortised. The
 * balance sheet's current assets and cash credit are the `currentAssets` and `cashCredit` values.
 */
export function readDrivers(c: Context): Drivers {
  const years = c.need('/assumptions/projectionYears');
  const beds = c.need('/project/beds');
  const structuredPct = c.need('/assumptions/repaymentPctByYear');
  return {
    years,
    fullCapacitySales: exactArpob(c).map((arpob) => (beds * DAYS_PER_YEAR * arpob) / RUPEES_PER_LAKH),
    capacityPct: c.need('/assumptions/occupancyPct').slice(0, years),
    variableCostPct: c.need('/assumptions/variableCostPctOfRevenue'),
    fixedCashCostYear1: c.need('/assumptions/fixedCashCostYear1'),
    fixedCostGrowthPct: c.input('/assumptions/fixedCostGrowthPct') ?? 0,
    taxRatePct: c.need('/assumptions/taxRatePct'),
    lossCarryForward: c.input('/assumptions/lossCarryForward') ?? true,
    repayment: {
      termLoan: c.need('/meansOfFinance/termLoan'),
      ratePct: c.need('/assumptions/termLoanRatePct'),
      moratoriumYears: c.need('/assumptions/moratoriumYears'),
      repaymentYears: structuredPct.length,
      structuredPct,
      rest: c.input('/assumptions/interestMethod') ?? 'ANNUAL_REST',
    },
    workingCapitalInterest: c.input('/assumptions/workingCapitalInterestPerYear') ?? 0,
    depreciationClasses: c.need('/assumptions/depreciationClasses'),
    stopDepreciationAtEndOfLife: c.setting('stopDepreciationAtEndOfLife'),
    preOperative: 0,
    amortisationYears: 0,
    land: c.input('/projectCost/landLeasePremium') ?? 0,
    workingCapitalMargin: c.input('/projectCost/marginMoneyWorkingCapital') ?? 0,
    projectCost: c.number('projectCostTotal'),
    balanceSheet: {
      shareCapital: c.need('/meansOfFinance/promoterEquity'),
      quasiEquity: c.input('/meansOfFinance/promoterUnsecuredLoanQuasiEquity') ?? 0,
      subsidy: c.input('/meansOfFinance/subsidy') ?? 0,
      otherMeans: c.input('/meansOfFinance/others') ?? 0,
      currentAssets: c.number('currentAssets'),
      cashCredit: c.number('cashCredit'),
    },
    discountRatePct: c.need('/assumptions/discountRatePct'),
  };
}

/** The sensitivity cases the report prints: the input's, else the standard set. */
export function readSensitivityCases(c: Context): SensitivityShock[] {
  const typed = c.input('/sensitivityCases') ?? [];
  return typed.length > 0 ? typed : c.setting('defaultSensitivityCases');
}
