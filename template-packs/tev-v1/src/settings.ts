import type { FormulaDefinition, RuleDefinition } from '@repogen/sdk/pack';
import type { PackInput } from './input.generated.js';
import type { SensitivityShock } from '@repogen/sdk/kits/project-finance';

/** The TEV's standard shocks (DOMAIN §5.b): price (ARPOB), occupancy, cost, combined, project cost, interest. */
const defaultSensitivityCases: SensitivityShock[] = [
  { key: 'arpobMinus10', label: 'ARPOB −10 %', priceChangePct: -10 },
  { key: 'occupancyMinus10pctRel', label: 'Occupancy −10 % (relative)', capacityChangePct: -10 },
  { key: 'variableCostPlus10', label: 'Variable cost +10 %', variableCostChangePct: 10 },
  {
    key: 'arpobMinus5AndCostPlus5',
    label: 'ARPOB −5 % and variable cost +5 %',
    priceChangePct: -5,
    variableCostChangePct: 5,
  },
  { key: 'projectCostPlus10', label: 'Project cost +10 % (same D/E)', projectCostChangePct: 10 },
  { key: 'interestPlus1pp', label: 'Interest +1 pp', interestChangePp: 1 },
];

/** Thresholds a tenant may change; defaults are DOMAIN §3.d and §5.d. */
export const settings = {
  debtEquityMaxGeneral: 2,
  debtEquityMaxMsme: 3,
  minPromoterContributionPct: 25,
  dscrFloor: 1,
  minDscrComfort: 1.25,
  avgDscrComfort: 1.5,
  maxCashBepPctOfCapacity: 60,
  /** Occupancy above this for `capacitySustainedYears` running years is flagged (DOMAIN §5.d: 85–90 %). */
  capacityWarnPct: 85,
  capacitySustainedYears: 2,
  firstYearCapacityJustifyPct: 70,
  /** A stabilised year for the break-even the summary and the sensitivity table print. */
  bepReferenceYear: 5,
  /** RBI Project Finance Directions 2025: repayment tenor ≤ 85 % of the economic life. */
  maxRepaymentTenorPctOfEconomicLife: 85,
  stopDepreciationAtEndOfLife: true,
  footingToleranceLakh: 0.01,
  defaultSensitivityCases,
};

export type TevSettings = typeof settings;
export type TevFormula = FormulaDefinition<PackInput, TevSettings, string>;
export type TevRule = RuleDefinition<PackInput, TevSettings, string>;
