import { IRR, NPV, PMT, XIRR } from '@formulajs/formulajs';
import { parseIsoDate } from './dates.js';

/** A finance function could not produce a number (no sign change, no convergence, bad input). */
export class FinanceError extends Error {
  readonly code = 'FINANCE_ERROR';
  constructor(message: string) {
    super(message);
    this.name = 'FinanceError';
  }
}

/** Excel's NPV: `rate` per period; the first cash flow is discounted one period (as in Excel). */
export function npv(rate: number, cashFlows: readonly number[]): number {
  checkNumbers('npv', [rate, ...cashFlows]);
  if (cashFlows.length === 0) throw new FinanceError('npv needs at least one cash flow');
  return result('npv', NPV(rate, ...cashFlows));
}

/** Excel's IRR over periodic cash flows; needs at least one negative and one positive flow. */
export function irr(cashFlows: readonly number[], guess = 0.1): number {
  checkNumbers('irr', [...cashFlows, guess]);
  checkSignChange('irr', cashFlows);
  return result('irr', IRR([...cashFlows], guess));
}

/**
 * Excel's PMT: the payment per period for a loan of `presentValue` (an outflow comes back
 * negative, as in Excel). `type` 1 pays at the start of each period.
 */
export function pmt(rate: number, periods: number, presentValue: number, futureValue = 0, type: 0 | 1 = 0): number {
  checkNumbers('pmt', [rate, periods, presentValue, futureValue]);
  if (periods <= 0) throw new FinanceError(`pmt needs a positive number of periods, got ${periods}`);
  return result('pmt', PMT(rate, periods, presentValue, futureValue, type));
}

/** Excel's XIRR: dated cash flows (ISO dates), an annual rate on a 365-day year. */
export function xirr(cashFlows: readonly { readonly amount: number; readonly date: string }[], guess = 0.1): number {
  const amounts = cashFlows.map((flow) => flow.amount);
  checkNumbers('xirr', [...amounts, guess]);
  checkSignChange('xirr', amounts);
  // Dates are built from their fields in UTC, so no time zone or clock enters the sum.
  const dates = cashFlows.map((flow) => {
    const date = parseIsoDate(flow.date);
    return new Date(Date.UTC(date.year, date.month - 1, date.day));
  });
  return result('xirr', XIRR(amounts, dates, guess));
}

function result(name: string, value: unknown): number {
  if (value instanceof Error)
    throw new FinanceError(`${name} has no result (${value.message}): check the cash flows and the guess`);
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new FinanceError(`${name} did not return a finite number`);
  return value;
}

function checkNumbers(name: string, values: readonly number[]): void {
  const bad = values.find((value) => typeof value !== 'number' || !Number.isFinite(value));
  if (bad !== undefined) throw new FinanceError(`${name} needs finite numbers, got ${String(bad)}`);
}

function checkSignChange(name: string, flows: readonly number[]): void {
  if (!flows.some((flow) => flow < 0) || !flows.some((flow) => flow > 0)) {
    throw new FinanceError(`${name} needs at least one negative and one positive cash flow`);
  }
}
