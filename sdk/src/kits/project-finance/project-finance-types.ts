import type { RuleDefinition } from '../../define-pack/index.js';
import type { SensitivityShock } from './projection-engine.js';

/**
 * The parts of a project-finance pack's input the kit's rules read (amounts in ₹ lakh). Each
 * pack's generated `PackInput` has these fields, so it is assignable to this shape.
 */
export interface ProjectFinanceInput {
  /** The unit of account every table caption prints (`INR_LAKH`: "₹ in lakh"). */
  readonly reportMeta?: { readonly unit?: string };
  /** Cost heads; every number that is not a percentage is an amount. */
  readonly projectCost?: { readonly total?: number };
  /** Sources of finance; every number that is not a percentage is an amount. */
  readonly meansOfFinance?: { readonly total?: number; readonly termLoan?: number };
  readonly assumptions?: {
    readonly projectionYears?: number;
    readonly repaymentPctByYear?: readonly number[];
    readonly termLoanRatePct?: number;
    /** The instalment per rest as typed; checked against the schedule's. */
    readonly repaymentInstalment?: number;
    /** `EQUAL_PRINCIPAL` or `EMI`; a structured repayment takes precedence. */
    readonly repaymentMethod?: string;
  };
  readonly sensitivityCases?: readonly SensitivityShock[];
}

/** The thresholds every project-finance pack declares (its defaults may differ). */
export interface ProjectFinanceSettings {
  readonly debtEquityMaxGeneral: number;
  readonly debtEquityMaxMsme: number;
  readonly minPromoterContributionPct: number;
  readonly dscrFloor: number;
  readonly minDscrComfort: number;
  readonly avgDscrComfort: number;
  readonly maxCashBepPctOfCapacity: number;
  /** The year whose break-even the summary and the sensitivity table print. */
  readonly bepReferenceYear: number;
  readonly footingToleranceLakh: number;
  readonly defaultSensitivityCases: readonly SensitivityShock[];
}

/** A rule of the kit: it reads only `ProjectFinanceInput` and `ProjectFinanceSettings`. */
export type ProjectFinanceRule = RuleDefinition<ProjectFinanceInput, ProjectFinanceSettings, string>;
