import type { JsonValue } from '@repogen/sdk/pack';
import { rowsOf } from '@repogen/sdk/kits/project-finance';
import type { StageRule } from './settings.js';

type Row = { readonly [key: string]: JsonValue };
type Table = { readonly rows: JsonValue; readonly total: Row };

function differs(a: number | undefined, b: number | undefined, tolerance: number): boolean {
  return a !== undefined && b !== undefined && Math.abs(a - b) > tolerance + 1e-9;
}

function cents(value: JsonValue | undefined): number {
  return typeof value === 'number' ? Math.round(value * 100) : 0;
}

/** Costs, funds and the tranche (DOMAIN §4.d). */
export const financeRules = {
  BUDGET_NOT_FOOTING: {
    description: 'The budget, the CA certificate and the means of finance foot, and means of finance = project budget',
    level: 'error',
    check: ({ input, number, settings }) => {
      const tolerance = settings.footingToleranceLakh;
      const problems: string[] = [];
      if (differs(number('budgetTotal'), input.budget?.total, tolerance))
        problems.push(`budget heads ${number('budgetTotal')} ≠ total ${input.budget?.total}`);
      if (differs(number('caCertifiedTotalCost'), input.costIncurredCa?.total, tolerance))
        problems.push(`CA heads ${number('caCertifiedTotalCost')} ≠ CA total ${input.costIncurredCa?.total}`);
      if (input.meansOfFinance && differs(number('meansOfFinanceTotal'), number('budgetTotal'), tolerance))
        problems.push(`means of finance ${number('meansOfFinanceTotal')} ≠ project budget ${number('budgetTotal')}`);
      return problems.length > 0 && `Totals do not tie: ${problems.join('; ')}`;
    },
  },
  TABLE_NOT_FOOTING: {
    description: 'Every printed total of the cost and sources tables equals the sum of its rows',
    level: 'error',
    check: ({ values }) => {
      const problems: string[] = [];
      const cost = values.costTable as Table | undefined;
      const costRows = rowsOf<Row>(cost?.rows);
      if (cost && costRows.length > 0)
        for (const column of ['budget', 'caIncurred', 'lieCertified', 'balanceToComplete'])
          if (costRows.reduce((sum, row) => sum + cents(row[column]), 0) !== cents(cost.total[column]))
            problems.push(`cost table, ${column}`);
      const sources = values.sourcesTable as { rows?: JsonValue; total?: number } | undefined;
      const sourceRows = rowsOf<{ amount?: number }>(sources?.rows);
      if (
        sourceRows.length > 0 &&
        sourceRows.reduce((sum, row) => sum + cents(row.amount), 0) !== cents(sources?.total)
      )
        problems.push('sources of funds');
      return problems.length > 0 && `Totals that do not foot: ${problems.join(', ')}`;
    },
  },
  PHYSICAL_FINANCIAL_GAP: {
    description: '|financial % − physical %| above 10 pp',
    level: 'warn',
    check: ({ number, settings }) => {
      const gap = number('physicalVsFinancialGapPp');
      return (
        gap !== undefined &&
        Math.abs(gap) > settings.maxPhysicalVsFinancialGapPp &&
        `Financial progress is ${gap} pp from physical progress (limit ±${settings.maxPhysicalVsFinancialGapPp} pp)`
      );
    },
  },
  COST_OVERRUN: {
    description: 'Projected construction overrun above 5 %',
    level: 'warn',
    check: ({ number, settings }) => {
      const overrun = number('projectedOverrunPct');
      return (
        overrun !== undefined &&
        overrun > settings.maxCostOverrunPct &&
        `Projected overrun ${overrun} % (${number('projectedOverrun')} lakh) is above ${settings.maxCostOverrunPct} %`
      );
    },
  },
  LIE_ABOVE_CA: {
    description: 'The LIE-certified cost may not exceed the CA-certified cost',
    level: 'error',
    check: ({ input, number }) => {
      const problems: string[] = [];
      const construction = number('lieCertifiedConstructionCost');
      const caConstruction = input.costIncurredCa?.construction;
      if (construction !== undefined && caConstruction !== undefined && construction > caConstruction + 1e-9)
        problems.push(`construction ${construction} > CA ${caConstruction}`);
      const total = number('lieCertifiedTotalCost');
      const caTotal = number('caCertifiedTotalCost');
      if (total !== undefined && caTotal !== undefined && total > caTotal + 1e-9)
        problems.push(`total ${total} > CA ${caTotal}`);
      return problems.length > 0 && `LIE-certified cost above the CA's: ${problems.join('; ')}`;
    },
  },
  SOURCES_NOT_EQUAL_USES: {
    description: 'Sources + creditors = CA-certified uses (±0.01 lakh)',
    level: 'error',
    check: ({ number, settings }) =>
      differs(number('sourcesPlusCreditors'), number('caCertifiedTotalCost'), settings.footingToleranceLakh) && {
        message: `Sources + creditors ${number('sourcesPlusCreditors')} lakh ≠ CA-certified uses ${number('caCertifiedTotalCost')} lakh`,
        fields: ['/fundsInfused', '/costIncurredCa'],
      },
  },
  RERA_DEPOSIT_SHORT: {
    description: 'At least 70 % of customer collections deposited in the RERA designated account (RERA projects)',
    level: 'error',
    check: ({ input, number, settings }) => {
      const pct = number('reraDepositPct');
      return (
        Boolean(input.promoter?.reraRegNo) &&
        pct !== undefined &&
        pct < settings.minReraDepositPct &&
        `Only ${pct} % of customer advances are in the RERA designated account (minimum ${settings.minReraDepositPct} %)`
      );
    },
  },
  TRANCHE_ABOVE_ELIGIBLE: {
    description: 'Recommended ≤ min(requested, sanction − disbursed, d × certified cost − disbursed)',
    level: 'error',
    check: ({ input, number }) => {
      const recommended = number('recommendedDisbursement');
      const sanction = input.lender?.sanctionedAmount;
      const disbursed = input.fundsInfused?.bankDisbursedToDate;
      const eligible = number('eligibleCumulativeBankDisbursement');
      const requested = input.disbursementRequest?.requestedAmount;
      if (recommended === undefined || sanction === undefined || disbursed === undefined || eligible === undefined)
        return;
      const limit = Math.min(requested ?? Infinity, sanction - disbursed, eligible - disbursed);
      return (
        recommended > limit + 1e-9 && {
          message: `Recommended ${recommended} lakh is above the eligible ${Math.max(0, Math.round(limit * 100) / 100)} lakh`,
          fields: ['/recommendation/amount'],
        }
      );
    },
  },
  RECOMMENDATION_NOT_ALLOWED: {
    description:
      'No recommendation while the promoter is short, the CAR insurance has lapsed or the last QPR is unfiled',
    level: 'error',
    check: ({ input, number, settings }) => {
      const recommended = number('recommendedDisbursement');
      if (!recommended || recommended <= 0) return;
      const reasons: string[] = [];
      const shortfall = number('promoterShortfall');
      if (shortfall !== undefined && shortfall > 0) reasons.push(`promoter shortfall ${shortfall} lakh`);
      const insurance = input.statutory?.insuranceCarPolicyValidTill;
      const inspection = input.reportMeta?.inspectionDate;
      if (settings.requireValidInsurance && (!insurance || (inspection !== undefined && insurance < inspection)))
        reasons.push(insurance ? `CAR insurance lapsed on ${insurance}` : 'no CAR insurance');
      if (
        settings.requireQprFiled &&
        Boolean(input.promoter?.reraRegNo) &&
        input.statutory?.reraQprFiledForQuarter !== true
      )
        reasons.push('RERA QPR for the last quarter not filed');
      return reasons.length > 0 && `A tranche is recommended although ${reasons.join('; ')}`;
    },
  },
} satisfies Record<string, StageRule>;
