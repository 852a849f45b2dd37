import type { FormulaDefinition, RuleDefinition } from '../../define-pack/index.js';

/**
 * The parts of a valuation pack's input the kit reads. Each pack's generated `PackInput` has
 * these fields (often with narrower types, such as a union for `tenure`), so it is assignable
 * to this shape and the kit's formulas and rules run on it unchanged.
 */
export interface ValuationInput {
  readonly reportMeta?: {
    readonly reportDate?: string;
    readonly inspectionDate?: string;
    readonly valuationDate?: string;
    readonly format?: string;
  };
  readonly documentsPerused?: readonly { readonly type?: string; readonly number?: string }[];
  readonly owners?: readonly { readonly name?: string; readonly sharePct?: number }[];
  readonly property?: {
    readonly tenure?: string;
    readonly lease?: { readonly expiryDate?: string };
    readonly boundaries?: {
      readonly asPerDeed?: Sides;
      readonly asPerSite?: Sides;
      readonly matching?: boolean;
      readonly remark?: string;
    };
    readonly gps?: { readonly lat?: number; readonly lng?: number };
    readonly extentSqm?: { readonly asPerDeed?: number; readonly actual?: number };
    readonly occupancy?: {
      readonly status?: string;
      readonly tenantSince?: string | null;
      readonly rentPerMonth?: number | null;
    };
  };
  readonly siteCharacteristics?: {
    readonly floodingRisk?: string;
    readonly landLocked?: boolean;
    readonly crzApplicable?: boolean;
    readonly specialRemarks?: string;
  };
  readonly partA_land?: {
    readonly adoptedRatePerSqm?: number;
    readonly adoptedRatePerSqft?: number;
    readonly landValueAdopted?: number;
    readonly guidelineRatePerSqm?: number;
    readonly comparables?: readonly { readonly date?: string; readonly source?: string }[];
    readonly guidelineVariationJustification?: string;
  };
  readonly partB_building?: {
    readonly typeOfConstruction?: string;
    readonly yearOfConstruction?: number;
    readonly estimatedTotalLifeYears?: number;
    readonly salvagePct?: number;
    readonly buildingValueAdopted?: number;
    readonly floors?: readonly ValuationFloor[];
    readonly approvedPlan?: { readonly number?: string; readonly permissibleFsi?: number };
    readonly deviationRemark?: string;
  };
  /** Parts C–F and the flat's extras are money fields; every number in them is summed. */
  readonly partC_extraItems?: object;
  readonly partD_amenities?: object;
  readonly partE_miscellaneous?: object;
  readonly partF_services?: object;
  readonly guideline?: { readonly landRatePerSqm?: number; readonly buildingRatePerSqm?: number };
  readonly valuer?: { readonly pan?: string; readonly ibbiRegNo?: string };
  readonly photos?: readonly {
    readonly file?: string;
    readonly takenAt?: string;
    readonly lat?: number;
    readonly lng?: number;
  }[];
  readonly flat?: {
    readonly carpetAreaSqm?: number;
    readonly builtUpAreaSqm?: number;
    readonly superBuiltUpAreaSqm?: number;
    readonly udsLandSqm?: number;
    readonly landRatePerSqm?: number;
    readonly replacementRateWithServicesPerSqm?: number;
    readonly yearOfConstruction?: number;
    readonly ageYears?: number;
    readonly lifeYears?: number;
    readonly salvagePct?: number;
    readonly extras?: object;
  };
}

/** Four boundaries, as per deed or as per site. */
export interface Sides {
  readonly north?: string;
  readonly south?: string;
  readonly east?: string;
  readonly west?: string;
}

/** One floor of the Part B table. */
export interface ValuationFloor {
  readonly floor?: string;
  readonly plinthAreaSqm?: number;
  readonly approvedAreaSqm?: number;
  readonly roofHeightM?: number;
  readonly replacementRatePerSqm?: number;
}

/** The settings every valuation pack declares (its defaults may differ). */
export interface ValuationSettings {
  readonly realisableFactor: number;
  readonly distressFactor: number;
  /** RV and DV are floored to this step so they never overstate the factor. */
  readonly rvDvRoundingStepRupees: number;
  /** Salvage % when the valuer types none. */
  readonly defaultSalvagePct: number;
  readonly guidelineDeviationPct: number;
  readonly justificationMinChars: number;
  readonly planDeviationErrorPct: number;
  readonly reportAfterInspectionMaxDays: number;
  readonly comparableMaxAgeMonths: number;
  readonly minComparables: number;
  readonly photoMaxDistanceM: number;
  readonly realisableBandPct: readonly number[];
  readonly distressBandPct: readonly number[];
  /** Economic life ranges in years by construction type. */
  readonly buildingLifeYears: { readonly [construction: string]: readonly number[] };
  /**
   * Print Part B's per-floor depreciation table. The firm prints the depreciation percentage
   * only (REQUIREMENTS: "No depreciation tables"); the table is common practice a bank may ask for.
   */
  readonly printDepreciationTable: boolean;
}

/** A formula of the kit: it reads only `ValuationInput` and `Settings`. */
export type ValuationFormula<Settings = ValuationSettings> = FormulaDefinition<ValuationInput, Settings, string>;

/** A rule of the kit: it reads only `ValuationInput` and `Settings`. */
export type ValuationRule<Settings = ValuationSettings> = RuleDefinition<ValuationInput, Settings, string>;
