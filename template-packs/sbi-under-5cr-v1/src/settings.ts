import type { FormulaDefinition, RuleDefinition } from '@repogen/sdk/pack';
import type { PackInput } from './input.generated.js';

/**
 * Defaults a tenant may change. The firm's own rules (REQUIREMENTS) win over common practice:
 * realisable 95 % and distress 80 % of FMV, depreciation without salvage unless typed.
 */
export const settings = {
  realisableFactor: 0.95,
  distressFactor: 0.8,
  /** FMV is shown as "Say ₹…", to the nearest step (DOMAIN §1.3). */
  fmvRoundingStepRupees: 10_000,
  /** RV and DV are floored so they never overstate the factor. */
  rvDvRoundingStepRupees: 1_000,
  insurableRoundingStepRupees: 1_000,
  /** Salvage % when the valuer types none: the firm's (age ÷ life) × 100. */
  defaultSalvagePct: 0,
  guidelineDeviationPct: 20,
  justificationMinChars: 200,
  planDeviationErrorPct: 10,
  reportAfterInspectionMaxDays: 15,
  comparableMaxAgeMonths: 24,
  minComparables: 2,
  photoMaxDistanceM: 100,
  /** Photographs: front, approach road, side / rear, ≥ 2 interior, valuer at site (DOMAIN §2.d). */
  minPhotos: 6,
  /** DOMAIN §2.d names no smaller count for a vacant plot, so the default is the same; a tenant may lower it. */
  minPhotosVacantPlot: 6,
  /** The pack's ceiling: at or above ₹5 crore the longer format applies. */
  packValueLimitRupees: 50_000_000,
  realisableBandPct: [80, 95],
  distressBandPct: [65, 85],
  /** Economic life ranges in years by construction type (DOMAIN §2.b). */
  buildingLifeYears: { RCC_FRAMED: [60, 70], LOAD_BEARING: [50, 60], STEEL_FRAMED: [30, 40], TEMPORARY: [15, 25] },
  /** Part B prints the depreciation percentage only (REQUIREMENTS); `true` adds the per-floor table. */
  printDepreciationTable: false,
};

export type SbiSettings = typeof settings;
export type SbiFormula = FormulaDefinition<PackInput, SbiSettings, string>;
export type SbiRule = RuleDefinition<PackInput, SbiSettings, string>;
