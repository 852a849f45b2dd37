import type { JsonValue } from '../../contract/index.js';
import { rowsOf } from './json.js';
import type { ProjectionYear, SensitivityShock } from './projection-engine.js';
import type { ProjectFinanceRule } from './project-finance-types.js';

/** Yearly DSCRs from the printed numerator and denominator: thresholds compare unrounded ratios (DOMAIN §1.3). */
function dscrs(projections: JsonValue | undefined, repaymentOnly: boolean): { year: number; dscr: number }[] {
  return rowsOf<ProjectionYear>(projections)
    .filter((row) => row.dscrDenominator > 0 && (!repaymentOnly || row.tlRepayment > 0))
    .map((row) => ({ year: row.year, dscr: row.dscrNumerator / row.dscrDenominator }));
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** Whether a case moves exactly these drivers (and no others). */
function moves(shock: SensitivityShock, price: boolean, cost: boolean): boolean {
  return (
    (shock.priceChangePct ?? 0) < 0 === price &&
    (shock.variableCostChangePct ?? 0) > 0 === cost &&
    !shock.capacityChangePct &&
    !shock.projectCostChangePct &&
    !shock.interestChangePp
  );
}

/**
 * Bank norms and plausibility (DOMAIN §3.d "Thresholds", "Plausibility", "Sensitivity"); the
 * capacity (or occupancy) checks differ by project and stay with each pack.
 */
export const thresholdRules = {
  DEBT_EQUITY_ABOVE_NORM: {
    description: 'Debt-equity above the norm (2.0 general, 3.0 MSME)',
    level: 'warn',
    check: ({ input, number }) => {
      const loan = input.meansOfFinance?.termLoan;
      const equity = number('promoterContribution');
      const norm = number('debtEquityNorm');
      if (loan === undefined || !equity || norm === undefined) return;
      return (
        loan / equity > norm && {
          message: `Debt-equity ${number('debtEquityRatio')} : 1 is above the norm of ${norm} : 1`,
          fields: ['/meansOfFinance'],
        }
      );
    },
  },
  PROMOTER_CONTRIBUTION_LOW: {
    description: "Promoters' contribution below the minimum share of the project cost",
    level: 'warn',
    check: ({ number, settings }) => {
      const cost = number('projectCostTotal');
      const own = number('promoterContribution');
      if (!cost || own === undefined) return;
      return (
        (own / cost) * 100 < settings.minPromoterContributionPct && {
          message: `Promoters bring ${number('promoterContributionPct')} % of the cost, below ${settings.minPromoterContributionPct} %`,
          fields: ['/meansOfFinance/promoterShareCapital'],
        }
      );
    },
  },
  DSCR_BELOW_ONE: {
    description: 'A year whose DSCR is below 1.00: cash accruals do not cover debt service',
    level: 'error',
    check: ({ values, settings }) => {
      const low = dscrs(values.projections, false).filter((row) => row.dscr < settings.dscrFloor);
      return (
        low.length > 0 &&
        `DSCR below ${settings.dscrFloor.toFixed(2)} in ${low.map((row) => `Y${row.year} (${row.dscr.toFixed(2)})`).join(', ')}`
      );
    },
  },
  DSCR_BELOW_COMFORT: {
    description: 'Minimum DSCR below 1.25 or average DSCR below 1.50 over the repayment years',
    level: 'warn',
    check: ({ values, settings }) => {
      const rows = rowsOf<ProjectionYear>(values.projections).filter(
        (row) => row.tlRepayment > 0 && row.dscrDenominator > 0,
      );
      if (rows.length === 0) return;
      const minimum = Math.min(...dscrs(values.projections, true).map((row) => row.dscr));
      const average = sum(rows.map((row) => row.dscrNumerator)) / sum(rows.map((row) => row.dscrDenominator));
      const problems = [
        minimum < settings.minDscrComfort && `minimum DSCR ${minimum.toFixed(2)} < ${settings.minDscrComfort}`,
        average < settings.avgDscrComfort && `average DSCR ${average.toFixed(2)} < ${settings.avgDscrComfort}`,
      ].filter((problem): problem is string => typeof problem === 'string');
      return problems.length > 0 && `Below the bank's comfort level: ${problems.join('; ')}`;
    },
  },
  CASH_BEP_HIGH: {
    description: 'Cash break-even above 60 % of installed capacity in the reference year',
    level: 'warn',
    check: ({ values, settings }) => {
      const rows = rowsOf<ProjectionYear>(values.projections);
      const row = rows[Math.min(settings.bepReferenceYear, rows.length) - 1];
      const cash = row?.cashBepPctOfInstalledCapacity;
      return (
        cash !== undefined &&
        cash !== null &&
        cash > settings.maxCashBepPctOfCapacity &&
        `Cash break-even is ${cash} % of capacity in Y${row?.year}, above ${settings.maxCashBepPctOfCapacity} %`
      );
    },
  },
  FIRR_BELOW_COST: {
    description: 'FIRR below the term-loan rate, or NPV below zero',
    level: 'warn',
    check: ({ input, number }) => {
      const firr = number('firrPct');
      const npv = number('npv');
      const rate = input.assumptions?.termLoanRatePct;
      const problems = [
        rate !== undefined &&
          (firr === undefined || firr < rate) &&
          `FIRR ${firr ?? 'NA'} % is below the ${rate} % loan rate`,
        npv !== undefined && npv < 0 && `NPV is negative (${npv} lakh)`,
      ].filter((problem): problem is string => typeof problem === 'string');
      return problems.length > 0 && problems.join('; ');
    },
  },
  SENSITIVITY_CASES_MISSING: {
    description: 'The price −5 %, variable cost +5 % and combined cases are present',
    level: 'error',
    check: ({ input, settings }) => {
      const typed = input.sensitivityCases ?? [];
      const cases: readonly SensitivityShock[] = typed.length > 0 ? typed : settings.defaultSensitivityCases;
      const missing = [
        !cases.some((shock) => moves(shock, true, false)) && 'selling price down',
        !cases.some((shock) => moves(shock, false, true)) && 'variable cost up',
        !cases.some((shock) => moves(shock, true, true)) && 'price down and cost up together',
      ].filter((name): name is string => typeof name === 'string');
      return (
        missing.length > 0 && {
          message: `Sensitivity cases missing: ${missing.join(', ')}`,
          fields: ['/sensitivityCases'],
        }
      );
    },
  },
} satisfies Record<string, ProjectFinanceRule>;
