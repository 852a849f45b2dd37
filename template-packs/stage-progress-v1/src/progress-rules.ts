import { rowsOf } from '@repogen/sdk/kits/project-finance';
import { addPercents } from './percent.js';
import type { ComponentRow } from './progress-formulas.js';
import type { StageRule } from './settings.js';

/** Stage weights, progress and schedule (DOMAIN §4.d). */
export const progressRules = {
  WEIGHTS_NOT_100: {
    description: 'Component weights sum to 100',
    level: 'error',
    check: ({ input }) => {
      const total = addPercents((input.components ?? []).map((row) => row.weightPct));
      return (
        (input.components ?? []).length > 0 &&
        Math.abs(total - 100) > 0.001 && {
          message: `Component weights add up to ${total} %, not 100 %`,
          fields: ['/components'],
        }
      );
    },
  },
  PROGRESS_OUT_OF_RANGE: {
    description: 'Each % complete lies in 0–100',
    level: 'error',
    check: ({ input }) => {
      const bad = (input.components ?? []).filter((row) => row.progressPct < 0 || row.progressPct > 100);
      return bad.length > 0 && `% complete outside 0–100: ${bad.map((row) => row.component).join(', ')}`;
    },
  },
  PHYSICAL_PROGRESS_MISMATCH: {
    description: 'Physical % = Σ weighted % (±0.01), and each weighted row = weight × % complete',
    level: 'error',
    check: ({ values }) => {
      const rows = rowsOf<ComponentRow>(values.components);
      const physical = values.physicalProgressPct;
      if (rows.length === 0 || typeof physical !== 'number') return;
      const badRow = rows.find((row) => Math.abs(row.weightedPct - (row.weightPct * row.progressPct) / 100) > 0.0051);
      const sum = addPercents(rows.map((row) => row.weightedPct));
      return (
        (badRow !== undefined || Math.abs(sum - physical) > 0.01 + 1e-9) &&
        `Physical progress ${physical} % does not equal the weighted rows (${sum} %)${badRow ? `; row ${badRow.component} is off` : ''}`
      );
    },
  },
  PROGRESS_WENT_DOWN: {
    description: "A component's % complete went down since the last report",
    level: 'warn',
    check: ({ input }) => {
      const down = (input.components ?? []).filter(
        (row) => row.previousProgressPct !== undefined && row.progressPct < row.previousProgressPct,
      );
      return (
        down.length > 0 &&
        `% complete went down since the last report: ${down.map((row) => `${row.component} (${row.previousProgressPct} → ${row.progressPct})`).join(', ')}`
      );
    },
  },
  RCC_PROGRESS_MISMATCH: {
    description: "The RCC row's % complete agrees with the slabs cast in the towers",
    level: 'warn',
    check: ({ input, number }) => {
      const slabs = number('rccProgressPct');
      const rcc = (input.components ?? []).find((row) => /\brcc\b/i.test(row.component));
      return (
        rcc !== undefined &&
        slabs !== undefined &&
        Math.abs(rcc.progressPct - slabs) > 0.01 + 1e-9 &&
        `RCC is entered at ${rcc.progressPct} %, the towers' slabs give ${slabs} %`
      );
    },
  },
  SCHEDULE_SLIPPAGE: {
    description: 'SPI below 0.9, or the forecast completion after the RERA completion date or the DCCO',
    level: 'warn',
    check: ({ input, values, number, settings }) => {
      const spi = number('schedulePerformanceIndex');
      const forecast = values.forecastCompletionDate;
      const problems: string[] = [];
      if (spi !== undefined && spi < settings.minSpi) problems.push(`SPI ${spi.toFixed(2)} < ${settings.minSpi}`);
      for (const [name, date] of [
        ['RERA completion date', input.promoter?.reraCompletionDate],
        ['DCCO', input.promoter?.dccoDate],
      ] as const)
        if (typeof forecast === 'string' && date && forecast > date)
          problems.push(`forecast completion ${forecast} is after the ${name} ${date}`);
      return problems.length > 0 && `Behind schedule: ${problems.join('; ')}`;
    },
  },
} satisfies Record<string, StageRule>;
