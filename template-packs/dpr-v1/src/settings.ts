import type { FormulaDefinition, RuleDefinition } from '@repogen/sdk/pack';
import type { PackInput } from './input.generated.js';
import type { SensitivityShock } from '@repogen/sdk/kits/project-finance';

/** The standard shocks (DOMAIN §3.b): price and cost ±5 % and their combination are required. */
const defaultSensitivityCases: SensitivityShock[] = [
  { key: 'salesPriceMinus5', label: 'Selling price −5 %', priceChangePct: -5 },
  { key: 'variableCostPlus5', label: 'Variable cost +5 %', variableCostChangePct: 5 },
  { key: 'capacityMinus10pctRel', label: 'Capacity utilisation −10 % (relative)', capacityChangePct: -10 },
  {
    key: 'priceMinus5AndCostPlus5',
    label: 'Selling price −5 % and variable cost +5 %',
    priceChangePct: -5,
    variableCostChangePct: 5,
  },
  { key: 'projectCostPlus10', label: 'Project cost +10 % (same D/E)', projectCostChangePct: 10 },
  { key: 'interestPlus1pp', label: 'Interest +1 pp', interestChangePp: 1 },
];

/** Thresholds a tenant may change; defaults are DOMAIN §3.d. */
export const settings = {
  debtEquityMaxGeneral: 2,
  /** Udyam-registered micro, small and medium units get the higher norm. */
  debtEquityMaxMsme: 3,
  minPromoterContributionPct: 25,
  dscrFloor: 1,
  minDscrComfort: 1.25,
  avgDscrComfort: 1.5,
  maxCashBepPctOfCapacity: 60,
  capacityWarnPct: 90,
  firstYearCapacityJustifyPct: 70,
  /** The year whose break-even the summary and the sensitivity table print (a stable year). */
  bepReferenceYear: 3,
  /** Straight-line depreciation stops once a class is written off. */
  stopDepreciationAtEndOfLife: true,
  footingToleranceLakh: 0.01,
  defaultSensitivityCases,
};

export type DprSettings = typeof settings;
export type DprFormula = FormulaDefinition<PackInput, DprSettings, string>;
export type DprRule = RuleDefinition<PackInput, DprSettings, string>;
