import { compareDates, type JsonValue } from '@repogen/sdk/pack';
import type { TevRule } from './settings.js';
import type { ViabilitySummary } from '@repogen/sdk/kits/project-finance';

type SensitivityTable = { readonly [key: string]: ViabilitySummary & { readonly label: string } };

function table(value: JsonValue | undefined): SensitivityTable {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as unknown as SensitivityTable)
    : {};
}

/** The TEV's own checks on top of the DPR's (DOMAIN §5.d). */
export const tevRules = {
  SITE_VISIT_INVALID: {
    description: 'A site visit date is given and is on or before the report date',
    level: 'error',
    check: ({ input }) => {
      const { siteVisitDate, reportDate } = input.reportMeta ?? {};
      if (!siteVisitDate) return { message: 'No site visit date', fields: ['/reportMeta/siteVisitDate'] };
      return (
        reportDate !== undefined &&
        compareDates(siteVisitDate, reportDate) > 0 && {
          message: `Site visit ${siteVisitDate} is after the report date ${reportDate}`,
          fields: ['/reportMeta/siteVisitDate'],
        }
      );
    },
  },
  INDEPENDENCE_DECLARATION_MISSING: {
    description: "The consultant's independence and no-conflict declaration is present",
    level: 'error',
    check: ({ input }) =>
      input.declarations?.independence !== true && {
        message: 'The independence declaration is not given',
        fields: ['/declarations/independence'],
      },
  },
  REPAYMENT_TENOR_TOO_LONG: {
    description: 'Repayment tenor (moratorium included) ≤ 85 % of the economic life',
    level: 'error',
    check: ({ number, settings }) => {
      const pct = number('repaymentTenorPctOfEconomicLife');
      return (
        pct !== undefined &&
        pct > settings.maxRepaymentTenorPctOfEconomicLife &&
        `Repayment tenor is ${pct} % of the economic life (at most ${settings.maxRepaymentTenorPctOfEconomicLife} %)`
      );
    },
  },
  SENSITIVITY_BASE_MISMATCH: {
    description: 'The sensitivity table re-computes from the base: its base row equals the headline figures',
    level: 'error',
    check: ({ values }) => {
      const base = table(values.sensitivity).base;
      if (!base) return;
      const differing = (['avgDscr', 'minDscr', 'firrPct', 'npv'] as const).filter((name) => {
        const headline = values[name];
        return typeof headline === 'number' && base[name] !== null && Math.abs(headline - (base[name] ?? 0)) > 0.005;
      });
      return differing.length > 0 && `The sensitivity base case differs from the headline ${differing.join(', ')}`;
    },
  },
  VERDICT_INCONSISTENT: {
    description: 'VIABLE may not be issued when the base minimum DSCR < 1.25 or the average < 1.50',
    level: 'error',
    check: ({ input, number, settings }) => {
      const minimum = number('minDscr');
      const average = number('avgDscr');
      if (input.verdict !== 'VIABLE' || minimum === undefined || average === undefined) return;
      return (
        (minimum < settings.minDscrComfort || average < settings.avgDscrComfort) && {
          message: `Verdict VIABLE with minimum DSCR ${minimum} and average ${average}`,
          fields: ['/verdict'],
        }
      );
    },
  },
  SENSITIVITY_RISK_UNMITIGATED: {
    description: 'A sensitivity case with minimum DSCR < 1.0 is named in the risk matrix with a mitigant',
    level: 'warn',
    check: ({ input, values, settings }) => {
      const covered = new Set(
        (input.riskMatrix ?? []).filter((row) => row.mitigant?.trim()).map((row) => row.sensitivityCaseKey),
      );
      const open = Object.entries(table(values.sensitivity)).filter(
        ([key, row]) => row.minDscr !== null && row.minDscr < settings.dscrFloor && !covered.has(key),
      );
      return (
        open.length > 0 && {
          message: `Cases below DSCR ${settings.dscrFloor.toFixed(2)} without a mitigant in the risk matrix: ${open.map(([, row]) => row.label).join(', ')}`,
          fields: ['/riskMatrix'],
        }
      );
    },
  },
} satisfies Record<string, TevRule>;
