import { roundToDecimals } from '../../runtime/index.js';
import {
  depreciationSchedule,
  netBlockAfter,
  type DepreciationClass,
  type DepreciationYear,
} from './depreciation-schedule.js';
import { addLakh, lakhTimes, ratio, roundLakh, subtractLakh } from './lakh.js';
import { repaymentSchedule, type RepaymentPlan, type RepaymentYear } from './repayment-schedule.js';

/** Everything the projections depend on, read from the input (₹ lakh, % as percent numbers). */
export type Drivers = {
  readonly years: number;
  /** Sales at 100 % capacity and base price, year by year (unrounded). */
  readonly fullCapacitySales: readonly number[];
  readonly capacityPct: readonly number[];
  /** Selling-price change in %; variable cost per unit stays at the base price's. */
  readonly priceChangePct?: number;
  readonly variableCostPct: number;
  readonly fixedCashCostYear1: number;
  readonly fixedCostGrowthPct: number;
  readonly taxRatePct: number;
  readonly lossCarryForward: boolean;
  readonly repayment: RepaymentPlan;
  readonly workingCapitalInterest: number;
  readonly depreciationClasses: readonly DepreciationClass[];
  readonly stopDepreciationAtEndOfLife: boolean;
  /** Pre-operative expenses written off separately (0 when capitalised). */
  readonly preOperative: number;
  readonly amortisationYears: number;
  readonly land: number;
  readonly workingCapitalMargin: number;
  readonly projectCost: number;
  /** Balance-sheet inputs; absent when the format prints no balance sheet. */
  readonly balanceSheet?: {
    readonly shareCapital: number;
    readonly quasiEquity: number;
    readonly subsidy: number;
    readonly otherMeans: number;
    readonly currentAssets: number;
    readonly cashCredit: number;
  };
  readonly discountRatePct: number;
};

/** A shock applied to the base drivers (one sensitivity case). */
export type SensitivityShock = {
  readonly key: string;
  readonly label: string;
  readonly priceChangePct?: number;
  readonly variableCostChangePct?: number;
  readonly capacityChangePct?: number;
  readonly projectCostChangePct?: number;
  readonly interestChangePp?: number;
};

/** One projected year, named as the independent fixtures name it. */
export type ProjectionYear = {
  readonly year: number;
  readonly capacityUtilPct: number;
  readonly sales: number;
  readonly variableCost: number;
  readonly contribution: number;
  readonly fixedCashCost: number;
  readonly ebitda: number;
  readonly depreciation: number;
  readonly amortisation: number;
  readonly ebit: number;
  readonly interestTermLoan: number;
  readonly interestWorkingCapital: number;
  readonly pbt: number;
  readonly lossBroughtForwardClosing: number;
  readonly tax: number;
  readonly pat: number;
  readonly cashAccruals: number;
  readonly tlOpening: number;
  readonly tlRepayment: number;
  readonly tlClosing: number;
  readonly dscrNumerator: number;
  readonly dscrDenominator: number;
  readonly dscr: number | null;
  readonly bepPctOfSales: number | null;
  readonly bepPctOfInstalledCapacity: number | null;
  readonly cashBepPctOfInstalledCapacity: number | null;
  readonly bepSales: number | null;
  readonly cashBepSales: number | null;
};

/** The projections and the schedules they were built from. */
export type Projection = {
  readonly years: readonly ProjectionYear[];
  readonly depreciation: readonly DepreciationYear[];
  readonly repayment: readonly RepaymentYear[];
  /** Land at cost + net block + working-capital margin at the end of the horizon. */
  readonly residualValue: number;
  /** CF₀ = −project cost; CF_t = EBITDA − tax × max(EBIT, 0); the residual value in the last year. */
  readonly firrCashFlows: readonly number[];
};

/** Builds the projected P&L, DSCR and break-even year by year (DOMAIN §3.b). */
export function project(drivers: Drivers): Projection {
  const depreciation = depreciationSchedule(
    drivers.depreciationClasses,
    drivers.years,
    drivers.stopDepreciationAtEndOfLife,
  );
  const repayment = repaymentSchedule(drivers.repayment, drivers.years);
  const amortisation = drivers.amortisationYears > 0 ? roundLakh(drivers.preOperative / drivers.amortisationYears) : 0;
  const years: ProjectionYear[] = [];
  let lossPool = 0;
  for (let index = 0; index < drivers.years; index += 1) {
    const year = index + 1;
    const capacityUtilPct = drivers.capacityPct[index] ?? 0;
    const atBasePrice = (drivers.fullCapacitySales[index] ?? 0) * (capacityUtilPct / 100);
    const sales = roundLakh(atBasePrice * priceFactor(drivers));
    // Variable cost per unit stays at the base price's, so a price shock leaves it unchanged.
    const variableCost = roundLakh(atBasePrice * (drivers.variableCostPct / 100));
    const contribution = subtractLakh(sales, variableCost);
    const fixedCashCost = roundLakh(drivers.fixedCashCostYear1 * (1 + drivers.fixedCostGrowthPct / 100) ** index);
    const ebitda = subtractLakh(contribution, fixedCashCost);
    const dep = depreciation[index]?.total ?? 0;
    const amort = year <= drivers.amortisationYears ? amortisation : 0;
    const ebit = subtractLakh(ebitda, addLakh(dep, amort));
    const loan = repayment[index];
    const interestTermLoan = loan?.interest ?? 0;
    const interestWorkingCapital = drivers.workingCapitalInterest;
    const pbt = subtractLakh(ebit, addLakh(interestTermLoan, interestWorkingCapital));
    const taxed = taxFor(pbt, lossPool, drivers);
    lossPool = taxed.lossPool;
    const pat = subtractLakh(pbt, taxed.tax);
    const cashAccruals = addLakh(pat, dep, amort);
    const principal = loan?.principal ?? 0;
    const dscrNumerator = addLakh(cashAccruals, interestTermLoan);
    const dscrDenominator = addLakh(principal, interestTermLoan);
    const fixedForBep = addLakh(fixedCashCost, dep, amort, interestTermLoan, interestWorkingCapital);
    const cashFixedForBep = subtractLakh(fixedForBep, addLakh(dep, amort));
    const positive = contribution > 0;
    years.push({
      year,
      capacityUtilPct,
      sales,
      variableCost,
      contribution,
      fixedCashCost,
      ebitda,
      depreciation: dep,
      amortisation: amort,
      ebit,
      interestTermLoan,
      interestWorkingCapital,
      pbt,
      lossBroughtForwardClosing: lossPool,
      tax: taxed.tax,
      pat,
      cashAccruals,
      tlOpening: loan?.opening ?? 0,
      tlRepayment: principal,
      tlClosing: loan?.closing ?? 0,
      dscrNumerator,
      dscrDenominator,
      dscr: ratio(dscrNumerator, dscrDenominator, 4),
      bepPctOfSales: positive ? roundToDecimals((fixedForBep / contribution) * 100, 2) : null,
      bepPctOfInstalledCapacity: positive ? roundToDecimals((fixedForBep / contribution) * capacityUtilPct, 2) : null,
      cashBepPctOfInstalledCapacity: positive
        ? roundToDecimals((cashFixedForBep / contribution) * capacityUtilPct, 2)
        : null,
      bepSales: positive ? roundLakh((fixedForBep * sales) / contribution) : null,
      cashBepSales: positive ? roundLakh((cashFixedForBep * sales) / contribution) : null,
    });
  }
  const residualValue = roundLakh(
    drivers.land +
      drivers.workingCapitalMargin +
      netBlockAfter(drivers.depreciationClasses, drivers.years, drivers.stopDepreciationAtEndOfLife),
  );
  const firrCashFlows = [
    -drivers.projectCost,
    ...years.map((row, index) => {
      const flow = subtractLakh(row.ebitda, lakhTimes(Math.max(row.ebit, 0), drivers.taxRatePct / 100));
      return index === years.length - 1 ? addLakh(flow, residualValue) : flow;
    }),
  ];
  return { years, depreciation, repayment, residualValue, firrCashFlows };
}

/** Applies a sensitivity shock: only the drivers the case names change (DOMAIN §5.d). */
export function shocked(drivers: Drivers, shock: SensitivityShock): Drivers {
  const capacity = 1 + (shock.capacityChangePct ?? 0) / 100;
  const cost = 1 + (shock.projectCostChangePct ?? 0) / 100;
  const scale = (lakh: number): number => lakhTimes(lakh, cost);
  return {
    ...drivers,
    priceChangePct: (shock.priceChangePct ?? 0) + (drivers.priceChangePct ?? 0),
    capacityPct: drivers.capacityPct.map((pct) => pct * capacity),
    variableCostPct: drivers.variableCostPct * (1 + (shock.variableCostChangePct ?? 0) / 100),
    repayment: {
      ...drivers.repayment,
      termLoan: scale(drivers.repayment.termLoan),
      ratePct: drivers.repayment.ratePct + (shock.interestChangePp ?? 0),
    },
    depreciationClasses: drivers.depreciationClasses.map((item) => ({ ...item, base: scale(item.base) })),
    preOperative: scale(drivers.preOperative),
    land: scale(drivers.land),
    workingCapitalMargin: scale(drivers.workingCapitalMargin),
    projectCost: scale(drivers.projectCost),
  };
}

function priceFactor(drivers: Drivers): number {
  return 1 + (drivers.priceChangePct ?? 0) / 100;
}

/** Tax on profit after setting off losses brought forward; a loss adds to the pool. */
function taxFor(pbt: number, lossPool: number, drivers: Drivers): { tax: number; lossPool: number } {
  const rate = drivers.taxRatePct / 100;
  if (!drivers.lossCarryForward) return { tax: pbt > 0 ? lakhTimes(pbt, rate) : 0, lossPool: 0 };
  if (pbt <= 0) return { tax: 0, lossPool: subtractLakh(lossPool, pbt) };
  const setOff = Math.min(lossPool, pbt);
  return { tax: lakhTimes(subtractLakh(pbt, setOff), rate), lossPool: subtractLakh(lossPool, setOff) };
}
