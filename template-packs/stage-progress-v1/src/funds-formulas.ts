import { addLakh, json, lakhTimes, roundLakh, rowsOf, subtractLakh } from '@repogen/sdk/kits/project-finance';
import { percentOf } from './percent.js';
import type { StageFormula } from './settings.js';

type Tranche = { readonly recommended: number; readonly disbursed: number };

/** Funds infused, RERA deposit and the tranche (DOMAIN §4.b "Disbursement": every term a setting). */
export const fundsFormulas = {
  sourcesTotal: {
    description: 'Sources = promoter equity + customer advances received + bank disbursed to date',
    unit: 'INR_LAKH',
    compute: (c) =>
      addLakh(
        c.need('/fundsInfused/promoterEquity'),
        c.input('/fundsInfused/customerAdvancesReceived') ?? 0,
        c.need('/fundsInfused/bankDisbursedToDate'),
      ),
  },
  sourcesPlusCreditors: {
    description: 'Sources + sundry creditors (must equal the CA-certified uses)',
    unit: 'INR_LAKH',
    compute: (c) => addLakh(c.number('sourcesTotal'), c.input('/fundsInfused/sundryCreditors') ?? 0),
  },
  sourcesTable: {
    description: 'Sources vs uses: each source, the total, and the CA-certified uses',
    unit: 'INR_LAKH',
    compute: (c) => {
      const rows = [
        { source: 'Promoter equity', amount: c.input('/fundsInfused/promoterEquity') ?? 0 },
        { source: 'Customer advances', amount: c.input('/fundsInfused/customerAdvancesReceived') ?? 0 },
        { source: 'Bank disbursed to date', amount: c.input('/fundsInfused/bankDisbursedToDate') ?? 0 },
        { source: 'Sundry creditors', amount: c.input('/fundsInfused/sundryCreditors') ?? 0 },
      ];
      return json({ rows, total: addLakh(...rows.map((row) => row.amount)), uses: c.number('caCertifiedTotalCost') });
    },
  },
  reraDepositPct: {
    description: 'Customer advances deposited in the RERA designated account ÷ advances received',
    unit: '%',
    compute: (c) =>
      percentOf(
        c.input('/fundsInfused/customerAdvancesInReraDesignatedAccount') ?? 0,
        c.input('/fundsInfused/customerAdvancesReceived') ?? 0,
      ),
  },
  bankSharePct: {
    description: 'Bank share d = sanction ÷ project budget',
    unit: '%',
    compute: (c) => percentOf(c.need('/lender/sanctionedAmount'), c.number('budgetTotal')),
  },
  eligibleCumulativeBankDisbursement: {
    description: 'Eligible cumulative = min(sanction, d × LIE-certified total cost)',
    unit: 'INR_LAKH',
    compute: (c) => {
      const sanction = c.need('/lender/sanctionedAmount');
      const budget = c.number('budgetTotal');
      if (budget === 0) return null;
      return Math.min(sanction, roundLakh((sanction * c.number('lieCertifiedTotalCost')) / budget));
    },
  },
  availableForDisbursement: {
    description: 'Available = eligible cumulative − bank disbursed to date (not below zero)',
    unit: 'INR_LAKH',
    compute: (c) =>
      Math.max(
        0,
        subtractLakh(c.number('eligibleCumulativeBankDisbursement'), c.need('/fundsInfused/bankDisbursedToDate')),
      ),
  },
  eligibleTranche: {
    description: 'Eligible tranche = min(available, requested, sanction − disbursed), less the retention held back',
    unit: 'INR_LAKH',
    compute: (c) => {
      const headroom = subtractLakh(c.need('/lender/sanctionedAmount'), c.need('/fundsInfused/bankDisbursedToDate'));
      const cap = Math.max(
        0,
        Math.min(c.number('availableForDisbursement'), c.need('/disbursementRequest/requestedAmount'), headroom),
      );
      return lakhTimes(cap, 1 - c.setting('retentionPct') / 100);
    },
  },
  recommendedDisbursement: {
    description: "Recommended tranche: the LIE's typed amount, else the eligible tranche",
    unit: 'INR_LAKH',
    compute: (c) => c.input('/recommendation/amount') ?? c.number('eligibleTranche'),
  },
  cumulativeBankDisbursementAfterTranche: {
    description: 'Bank disbursed to date + recommended tranche',
    unit: 'INR_LAKH',
    compute: (c) => addLakh(c.need('/fundsInfused/bankDisbursedToDate'), c.number('recommendedDisbursement')),
  },
  promoterContributionRequired: {
    description: "Promoter's required share × LIE-certified total cost",
    unit: 'INR_LAKH',
    compute: (c) => lakhTimes(c.number('lieCertifiedTotalCost'), c.setting('promoterShareRequiredPct') / 100),
  },
  promoterContributionBrought: {
    description: 'Promoter equity brought in to date',
    unit: 'INR_LAKH',
    compute: (c) => c.need('/fundsInfused/promoterEquity'),
  },
  promoterShortfall: {
    description: 'Required − brought, not below zero',
    unit: 'INR_LAKH',
    compute: (c) =>
      Math.max(0, subtractLakh(c.number('promoterContributionRequired'), c.number('promoterContributionBrought'))),
  },
  promoterConditionMet: {
    description: 'The promoter has brought at least the required share of the certified cost',
    unit: 'boolean',
    compute: (c) => c.number('promoterShortfall') === 0,
  },
  previousTranches: {
    description: 'Previous recommendations vs disbursements, with totals from the rows',
    unit: 'INR_LAKH',
    compute: (c) => {
      const rows = rowsOf<Tranche>(c.input('/previousTranches') ?? []);
      return json({
        rows: [...rows],
        totalRecommended: addLakh(...rows.map((row) => row.recommended)),
        totalDisbursed: addLakh(...rows.map((row) => row.disbursed)),
      });
    },
  },
} satisfies Record<string, StageFormula>;
