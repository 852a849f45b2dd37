import type { FormulaDefinition, RuleDefinition } from '@repogen/sdk/pack';
import type { PackInput } from './input.generated.js';

/** A stage and its weight (% of the construction budget). */
type StageWeight = { component: string; weightPct: number };

/**
 * Defaults a tenant (or a sanction letter) may change; DOMAIN §4.b marks the disbursement terms
 * as a design choice, so each is a setting.
 */
export const settings = {
  promoterShareRequiredPct: 25,
  maxPhysicalVsFinancialGapPp: 10,
  maxCostOverrunPct: 5,
  photoMaxDistanceM: 200,
  minPhotos: 8,
  /** Days either side of the inspection date a photograph may be dated (0: on the day). */
  photoDateWindowDays: 0,
  minReraDepositPct: 70,
  minSpi: 0.9,
  /** Share of the eligible tranche held back. */
  retentionPct: 0,
  requireQprFiled: true,
  requireValidInsurance: true,
  footingToleranceLakh: 0.01,
  /** Default stage weights by template (DOMAIN §4.a); the MahaRERA weights are the steps of the cumulative schedule. */
  stageTemplates: {
    COST_WEIGHTED: [
      { component: 'Excavation & foundation', weightPct: 8 },
      { component: 'RCC frame', weightPct: 35 },
      { component: 'Masonry', weightPct: 8 },
      { component: 'Plaster', weightPct: 8 },
      { component: 'Flooring', weightPct: 8 },
      { component: 'Doors / windows', weightPct: 6 },
      { component: 'Plumbing', weightPct: 7 },
      { component: 'Electrical', weightPct: 7 },
      { component: 'Painting', weightPct: 5 },
      { component: 'Lifts & MEP', weightPct: 5 },
      { component: 'External development', weightPct: 3 },
    ] as StageWeight[],
    CLP_MAHARERA: [
      { component: 'On agreement', weightPct: 30 },
      { component: 'Plinth', weightPct: 15 },
      { component: 'Slabs incl. podiums and stilts', weightPct: 25 },
      { component: 'Walls, internal plaster, floorings, doors and windows', weightPct: 5 },
      { component: 'Sanitary fittings, staircases, lift wells, lobbies', weightPct: 5 },
      { component: 'External plumbing and plaster, elevation, terraces with waterproofing', weightPct: 5 },
      {
        component: 'Lifts, water pumps, electrical fittings, E&M, entrance lobby, plinth protection, paving',
        weightPct: 10,
      },
      { component: 'Possession (on or after OC)', weightPct: 5 },
    ] as StageWeight[],
    INDIVIDUAL_HOUSE: [
      { component: 'Plinth', weightPct: 15 },
      { component: 'Lintel', weightPct: 20 },
      { component: 'Roof slab', weightPct: 25 },
      { component: 'Brickwork and plaster', weightPct: 15 },
      { component: 'Flooring and finishing', weightPct: 15 },
      { component: 'Completion', weightPct: 10 },
    ] as StageWeight[],
  },
};

export type StageSettings = typeof settings;
export type StageFormula = FormulaDefinition<PackInput, StageSettings, string>;
export type StageRule = RuleDefinition<PackInput, StageSettings, string>;
