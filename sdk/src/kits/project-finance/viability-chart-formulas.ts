import type { ChartSpec, JsonValue } from '../../contract/index.js';
import type { FormulaDefinition } from '../../define-pack/index.js';

/** The settings the DSCR charts draw their comfort lines from. */
export interface DscrComfortSettings {
  readonly minDscrComfort: number;
  readonly avgDscrComfort: number;
}

interface ProjectionRow {
  readonly year: number;
  readonly dscr: number | null;
}

interface SensitivityRow {
  readonly label: string;
  readonly avgDscr: number | null;
  readonly minDscr: number | null;
}

/** Ratios are charted as the tables print them: two decimals, half away from zero. */
function printedRatio(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? Math.round(value * 100) / 100 : null;
}

function sensitivityEntries(value: JsonValue): [string, SensitivityRow][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.entries(value as unknown as Record<string, SensitivityRow>);
}

/**
 * What a viability document prints as lists and draws as charts, from the values
 * `projectionFormulas` and `viabilityFormulas` compute (`yearLabels`, `projections`,
 * `sensitivity`): the sensitivity cases in order, and the chart specs (numbers only) the host
 * draws into the DOCX — DSCR by year against the comfort levels, and the minimum and average
 * DSCR of every sensitivity case.
 */
export function viabilityChartFormulas<Input, Settings extends DscrComfortSettings>(): Record<string, FormulaDefinition<Input, Settings, string>> {
  return {
    sensitivityRows: {
      description: 'Sensitivity cases as table rows, base case first',
      unit: 'table',
      compute: (c) => sensitivityEntries(c.value('sensitivity')).map(([key, row]) => ({ key, ...row })),
    },
    charts: {
      description: 'Charts drawn by the host: DSCR by year, sensitivity of the DSCR',
      unit: 'chart',
      compute: (c) => {
        const listedLabels = c.value('yearLabels');
        const listedRows = c.value('projections');
        const labels = Array.isArray(listedLabels) ? (listedLabels as string[]) : [];
        const rows = Array.isArray(listedRows) ? (listedRows as unknown as ProjectionRow[]) : [];
        const sensitivity = sensitivityEntries(c.value('sensitivity'));
        const comfort = [
          { label: 'Minimum comfort', value: c.setting('minDscrComfort') },
          { label: 'Average comfort', value: c.setting('avgDscrComfort') },
        ];
        const dscrByYear: ChartSpec = {
          id: 'dscr-by-year',
          kind: 'bar',
          title: 'DSCR by year',
          unit: 'DSCR (times)',
          categories: rows.map((row) => labels[row.year - 1] ?? `Y${row.year}`),
          series: [{ name: 'DSCR', values: rows.map((row) => printedRatio(row.dscr)) }],
          referenceLines: comfort,
        };
        const sensitivityChart: ChartSpec = {
          id: 'sensitivity',
          kind: 'hbar',
          title: 'Sensitivity of the DSCR',
          unit: 'DSCR (times)',
          categories: sensitivity.map(([, row]) => row.label),
          series: [
            { name: 'Minimum DSCR', values: sensitivity.map(([, row]) => printedRatio(row.minDscr)) },
            { name: 'Average DSCR', values: sensitivity.map(([, row]) => printedRatio(row.avgDscr)) },
          ],
          referenceLines: comfort.slice(0, 1),
        };
        return [dscrByYear, sensitivityChart] as unknown as JsonValue;
      },
    },
  };
}
