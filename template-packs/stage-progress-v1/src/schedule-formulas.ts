import { roundToDecimals } from '@repogen/sdk/pack';
import { addMonths } from './add-months.js';
import type { StageFormula } from './settings.js';

/** Schedule performance against the baseline S-curve (DOMAIN §4.b "Schedule"). */
export const scheduleFormulas = {
  schedulePerformanceIndex: {
    description: 'SPI = actual physical progress ÷ planned progress as on date',
    unit: 'ratio',
    compute: (c) => {
      const planned = c.need('/plannedPhysicalProgressPctAsOnDate');
      return planned > 0 ? roundToDecimals(c.number('physicalProgressPct') / planned, 4) : null;
    },
  },
  slippagePp: {
    description: 'Planned % − actual % (percentage points)',
    unit: 'pp',
    compute: (c) => roundToDecimals(c.need('/plannedPhysicalProgressPctAsOnDate') - c.number('physicalProgressPct'), 2),
  },
  forecastDurationMonths: {
    description: 'Forecast duration = planned duration ÷ SPI (unrounded SPI)',
    unit: 'months',
    compute: (c) => {
      const actual = c.number('physicalProgressPct');
      if (actual <= 0) return null;
      return roundToDecimals(
        (c.need('/project/plannedDurationMonths') * c.need('/plannedPhysicalProgressPctAsOnDate')) / actual,
        2,
      );
    },
  },
  forecastDelayMonths: {
    description: 'Forecast duration − planned duration',
    unit: 'months',
    compute: (c) => roundToDecimals(c.number('forecastDurationMonths') - c.need('/project/plannedDurationMonths'), 2),
  },
  forecastCompletionDate: {
    description: 'Construction start + forecast duration',
    unit: 'date',
    compute: (c) => addMonths(c.need('/project/constructionStart'), c.number('forecastDurationMonths')),
  },
} satisfies Record<string, StageFormula>;
