import { roundToDecimals } from '@repogen/sdk/pack';
import { json, lakhTimes, rowsOf } from '@repogen/sdk/kits/project-finance';
import { addPercents, percentOf } from './percent.js';
import type { StageFormula } from './settings.js';

/** A printed progress row: weight × % complete, to 2 decimals. */
export type ComponentRow = {
  readonly component: string;
  readonly weightPct: number;
  readonly progressPct: number;
  readonly weightedPct: number;
};

/** Physical progress and earned value (DOMAIN §4.b). */
export const progressFormulas = {
  components: {
    description: 'Progress rows: weighted % = weight × % complete ÷ 100, to 2 decimals',
    unit: '%',
    compute: (c) =>
      json(
        c.need('/components').map((row) => ({
          component: row.component,
          weightPct: row.weightPct,
          progressPct: row.progressPct,
          weightedPct: roundToDecimals((row.weightPct * row.progressPct) / 100, 2),
        })),
      ),
  },
  weightsTotalPct: {
    description: 'Σ component weights (must be 100)',
    unit: '%',
    compute: (c) => addPercents(rowsOf<ComponentRow>(c.value('components')).map((row) => row.weightPct)),
  },
  physicalProgressPct: {
    description: 'Physical progress = Σ printed weighted % (so the column foots)',
    unit: '%',
    compute: (c) => addPercents(rowsOf<ComponentRow>(c.value('components')).map((row) => row.weightedPct)),
  },
  rccProgressPct: {
    description: 'RCC progress from the towers: Σ slabs cast ÷ Σ slabs total',
    unit: '%',
    compute: (c) => {
      const towers = c.input('/project/towers') ?? [];
      const total = towers.reduce((sum, tower) => sum + (tower.slabsTotal ?? 0), 0);
      return percentOf(
        towers.reduce((sum, tower) => sum + (tower.slabsCast ?? 0), 0),
        total,
      );
    },
  },
  earnedValueConstruction: {
    description: 'Earned value = physical progress × construction budget',
    unit: 'INR_LAKH',
    compute: (c) => lakhTimes(c.need('/budget/construction'), c.number('physicalProgressPct') / 100),
  },
  financialProgressPct_CA: {
    description: 'Financial progress = CA-certified construction cost ÷ construction budget',
    unit: '%',
    compute: (c) => percentOf(c.need('/costIncurredCa/construction'), c.need('/budget/construction')),
  },
  physicalVsFinancialGapPp: {
    description: 'Financial % − physical % (percentage points)',
    unit: 'pp',
    compute: (c) => roundToDecimals(c.number('financialProgressPct_CA') - c.number('physicalProgressPct'), 2),
  },
} satisfies Record<string, StageFormula>;
