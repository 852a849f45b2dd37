import type { ChartSpec, JsonValue } from '@repogen/sdk/pack';
import type { StageFormula } from './settings.js';

interface ComponentRow {
  readonly component: string;
  readonly progressPct: number | null;
}

function percent(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? Math.round(value * 100) / 100 : null;
}

/**
 * The chart specs (numbers only) the host draws into the DOCX: % complete of every stage, and
 * physical progress beside the planned and the financial progress as on the inspection date.
 */
export const chartFormulas = {
  charts: {
    description: 'Charts drawn by the host: progress by stage, physical vs planned vs financial progress',
    unit: 'chart',
    compute: (c) => {
      const listed = c.value('components');
      const components = Array.isArray(listed) ? (listed as unknown as ComponentRow[]) : [];
      const byStage: ChartSpec = {
        id: 'progress-by-stage',
        kind: 'hbar',
        title: 'Progress by stage',
        unit: '% complete',
        min: 0,
        max: 100,
        categories: components.map((row) => row.component),
        series: [{ name: '% complete', values: components.map((row) => percent(row.progressPct)) }],
      };
      const planned = c.input('/plannedPhysicalProgressPctAsOnDate');
      const overall: ChartSpec = {
        id: 'progress-overall',
        kind: 'bar',
        title: 'Progress as on the inspection date',
        unit: '% of budget',
        min: 0,
        max: 100,
        categories: ['Physical (weighted)', 'Planned (schedule)', 'Financial (CA certified)'],
        series: [
          {
            name: '% progress',
            values: [
              percent(c.value('physicalProgressPct') as number | null),
              percent(typeof planned === 'number' ? planned : null),
              percent(c.value('financialProgressPct_CA') as number | null),
            ],
          },
        ],
      };
      return [byStage, overall] as unknown as JsonValue;
    },
  },
} satisfies Record<string, StageFormula>;
