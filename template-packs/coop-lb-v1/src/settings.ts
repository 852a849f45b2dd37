import type { FormulaDefinition, RuleDefinition } from '@repogen/sdk/pack';
import type { PackInput } from './input.generated.js';

/**
 * Defaults a tenant may change. The firm's own rules (REQUIREMENTS) win over common practice:
 * adopted = 80 % of market, totals rounded up to ₹500, realisable 95 % and distress 80 % of
 * FMV, depreciation without salvage unless typed.
 */
export const settings = {
  realisableFactor: 0.95,
  distressFactor: 0.8,
  /** The valuer adopts 80 % of the market; the market figures printed are adopted ÷ this factor. */
  adoptedToMarketFactor: 0.8,
  /** Co-op totals (market, adopted, insurable) round up to the next ₹500 (REQUIREMENTS). */
  totalRoundUpStepRupees: 500,
  /**
   * RV and DV are floored to ₹1,000 so they never overstate the factor (DOMAIN §1.3): they are
   * factors of the FMV, not totals, so the co-op ₹500 round-up of totals does not apply to them.
   */
  rvDvRoundingStepRupees: 1_000,
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
  /** A vacant plot has no interior to photograph. */
  minPhotosVacantPlot: 4,
  /** RBI: properties of ₹50 crore or more need two independent valuations. */
  twoValuationsThresholdRupees: 500_000_000,
  realisableBandPct: [80, 95],
  distressBandPct: [65, 85],
  /** Economic life ranges in years by construction type (DOMAIN §2.b). */
  buildingLifeYears: { RCC_FRAMED: [60, 70], LOAD_BEARING: [50, 60], STEEL_FRAMED: [30, 40], TEMPORARY: [15, 25] },
  /** Part B prints the depreciation percentage only (REQUIREMENTS); `true` adds the per-floor table. */
  printDepreciationTable: false,
};

export type CoopSettings = typeof settings;
export type CoopFormula = FormulaDefinition<PackInput, CoopSettings, string>;
export type CoopRule = RuleDefinition<PackInput, CoopSettings, string>;
