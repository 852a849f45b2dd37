import type { JsonValue } from '@repogen/sdk/pack';
import { addLakh } from '@repogen/sdk/kits/project-finance';
import type { TevFormula } from './settings.js';

interface ProjectionRow {
  readonly year: number;
  readonly depreciation: number;
  readonly amortisation: number;
}

function list<T>(value: JsonValue): T[] {
  return Array.isArray(value) ? (value as unknown as T[]) : [];
}

/**
 * The year tables of this pack's document beside the kit's `viabilityTableFormulas` (funds flow,
 * repayment interest, FIRR flows): the projection rows with their year label, and the
 * depreciation classes with the first year's charge.
 */
export const tableFormulas = {
  yearRows: {
    description: 'Projection rows with the year label, ARPOB and depreciation + amortisation',
    unit: 'table',
    compute: (c) => {
      const labels = list<string>(c.value('yearLabels'));
      const arpob = list<number>(c.value('arpobByYear'));
      return list<ProjectionRow>(c.value('projections')).map((row) => ({
        ...row,
        label: labels[row.year - 1] ?? `Year ${row.year}`,
        arpobRs: arpob[row.year - 1] ?? null,
        depreciationAndAmortisation: addLakh(row.depreciation, row.amortisation),
      }));
    },
  },
  depreciationRows: {
    description: 'Depreciation classes: base, life and the first year’s charge',
    unit: 'INR_LAKH',
    compute: (c) => {
      const schedule = c.value('depreciationSchedule') as { years?: { byClass: number[] }[] } | null;
      const first = schedule?.years?.[0]?.byClass ?? [];
      const classes = c.input('/assumptions/depreciationClasses') ?? [];
      return classes.map((item, index) => ({
        asset: item.asset,
        base: item.base,
        lifeYears: item.lifeYears,
        annualCharge: first[index] ?? null,
      }));
    },
  },
  riskRows: {
    description: 'Risk matrix rows with the label of the sensitivity case each names',
    unit: 'table',
    compute: (c) => {
      const cases = c.value('sensitivity');
      const labelOf = (key: string | undefined): string | null => {
        if (key === undefined || typeof cases !== 'object' || cases === null || Array.isArray(cases)) return null;
        const found = (cases as Record<string, { label?: string } | undefined>)[key];
        return found?.label ?? key;
      };
      return (c.input('/riskMatrix') ?? []).map((row) => ({
        ...row,
        caseLabel: labelOf(row.sensitivityCaseKey),
      }));
    },
  },
} satisfies Record<string, TevFormula>;
