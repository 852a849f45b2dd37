import {
  ConflictError,
  ForbiddenError,
  InvalidError,
  NotFoundError,
  PaymentRequiredError,
} from '../errors/domain-error.js';

/** The stable codes billing answers with. */
export const BILLING_ERROR_CODES = {
  insufficientCredits: 'INSUFFICIENT_CREDITS',
  invoiceUnpaid: 'INVOICE_UNPAID',
  accountNotFound: 'BILLING_ACCOUNT_NOT_FOUND',
  accountExists: 'BILLING_ACCOUNT_EXISTS',
  invoiceNotFound: 'INVOICE_NOT_FOUND',
  invoiceState: 'INVOICE_STATE_INVALID',
  paymentNotFound: 'PAYMENT_NOT_FOUND',
  paymentPurpose: 'PAYMENT_PURPOSE_INVALID',
  overrideForbidden: 'RELEASE_OVERRIDE_FORBIDDEN',
  reportCancelled: 'REPORT_CANCELLED',
  reportReleased: 'REPORT_RELEASED',
  reportNotGenerated: 'REPORT_NOT_GENERATED',
  reportNeedsRegeneration: 'REPORT_NEEDS_REGENERATION',
  webhookSignature: 'WEBHOOK_SIGNATURE_INVALID',
  adjustmentExceedsAvailable: 'ADJUSTMENT_EXCEEDS_AVAILABLE',
  refundExceedsConsumed: 'REFUND_EXCEEDS_CONSUMED',
} as const;

export const billingErrors = {
  insufficientCredits: (needed: number, available: number) =>
    new PaymentRequiredError(
      BILLING_ERROR_CODES.insufficientCredits,
      `This report needs ${needed} credit(s); the account has ${available} available`,
      { needed, available },
    ),
  invoiceUnpaid: (invoiceId: string | null, state: string | null) =>
    new PaymentRequiredError(
      BILLING_ERROR_CODES.invoiceUnpaid,
      'The report’s invoice is not paid; pay it, or release with an admin override and a reason',
      { invoiceId, state },
    ),
  accountNotFound: (id: string) => new NotFoundError(`Billing account ${id}`, BILLING_ERROR_CODES.accountNotFound),
  billingKeyUnknown: (billingKey: string) =>
    new NotFoundError(`A billing account for ${billingKey}`, BILLING_ERROR_CODES.accountNotFound),
  accountExists: (externalKey: string | null) =>
    new ConflictError(
      BILLING_ERROR_CODES.accountExists,
      externalKey === null
        ? 'The tenant already has its default billing account'
        : `A billing account for ${externalKey} exists`,
    ),
  invoiceNotFound: (id: string) => new NotFoundError(`Invoice ${id}`, BILLING_ERROR_CODES.invoiceNotFound),
  invoiceState: (from: string, to: string) =>
    new ConflictError(BILLING_ERROR_CODES.invoiceState, `An invoice cannot go from ${from} to ${to}`, { from, to }),
  paymentNotFound: (id: string) => new NotFoundError(`Payment ${id}`, BILLING_ERROR_CODES.paymentNotFound),
  paymentPurpose: (message: string) => new InvalidError(BILLING_ERROR_CODES.paymentPurpose, message),
  overrideForbidden: () =>
    new ForbiddenError('Only an admin may release without payment', BILLING_ERROR_CODES.overrideForbidden),
  reportCancelled: (id: string) => new ConflictError(BILLING_ERROR_CODES.reportCancelled, `Report ${id} is cancelled`),
  reportReleased: (id: string) =>
    new ConflictError(BILLING_ERROR_CODES.reportReleased, `Report ${id} is released and cannot be cancelled`),
  reportNotGenerated: (id: string) =>
    new ConflictError(BILLING_ERROR_CODES.reportNotGenerated, `Report ${id} has no generated PDF to release yet`),
  reportNeedsRegeneration: (id: string) =>
    new ConflictError(
      BILLING_ERROR_CODES.reportNeedsRegeneration,
      `The latest version of report ${id} predates releasable PDFs; generate it again, then release`,
    ),
  adjustmentExceedsAvailable: (credits: number, available: number) =>
    new ConflictError(
      BILLING_ERROR_CODES.adjustmentExceedsAvailable,
      `Taking ${-credits} credit(s) away would leave the account below zero available; it has ${available} available`,
      { credits, available },
    ),
  refundExceedsConsumed: (reportId: string, credits: number | null, refundable: number) =>
    new ConflictError(
      BILLING_ERROR_CODES.refundExceedsConsumed,
      refundable === 0
        ? `Report ${reportId} has no consumed credits left to refund`
        : `Report ${reportId} has ${refundable} consumed credit(s) left to refund`,
      { reportId, credits, refundable },
    ),
  webhookSignature: () =>
    new InvalidError(BILLING_ERROR_CODES.webhookSignature, 'The webhook signature does not verify'),
};
