/**
 * The settings the kit's own tests build their packs with: the SBI pack's defaults (DOMAIN §2,
 * REQUIREMENTS), which a test overrides where it checks that a setting is honoured.
 */
export const KIT_TEST_SETTINGS = {
  realisableFactor: 0.95,
  distressFactor: 0.8,
  fmvRoundingStepRupees: 10_000,
  rvDvRoundingStepRupees: 1_000,
  insurableRoundingStepRupees: 1_000,
  defaultSalvagePct: 0,
  guidelineDeviationPct: 20,
  justificationMinChars: 200,
  planDeviationErrorPct: 10,
  reportAfterInspectionMaxDays: 15,
  comparableMaxAgeMonths: 24,
  minComparables: 2,
  photoMaxDistanceM: 100,
  realisableBandPct: [80, 95],
  distressBandPct: [65, 85],
  buildingLifeYears: { RCC_FRAMED: [60, 70] },
  printDepreciationTable: false,
};
