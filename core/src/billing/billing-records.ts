export const BILLING_MODES = ['CREDIT', 'POSTPAID'] as const;
export type BillingMode = (typeof BILLING_MODES)[number];

export const LEDGER_KINDS = ['grant', 'top_up', 'reserve', 'consume', 'release', 'refund', 'adjustment'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export const INVOICE_STATES = ['draft', 'issued', 'paid', 'void'] as const;
export type InvoiceState = (typeof INVOICE_STATES)[number];

export const PAYMENT_PROVIDERS = ['stripe', 'razorpay'] as const;
export type PaymentProvider = (typeof PAYMENT_PROVIDERS)[number];

/** Row shapes as stored (see migrations/20261204100000_create_billing.ts). */
export interface AccountRow {
  id: string;
  tenant_id: string;
  external_key: string | null;
  mode: BillingMode;
  plan_credits: number;
  credit_price_paise: number | string;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export interface LedgerRow {
  id: number | string;
  tenant_id: string;
  account_id: string;
  kind: LedgerKind;
  balance_delta: number;
  reserved_delta: number;
  report_id: string | null;
  payment_id: string | null;
  idempotency_key: string;
  reason: string | null;
  created_by: string;
  created_at: Date;
}

export interface InvoiceRow {
  id: string;
  tenant_id: string;
  account_id: string;
  report_id: string | null;
  state: InvoiceState;
  amount_paise: number | string;
  currency: string;
  description: string;
  paid_via: string | null;
  issued_at: Date | null;
  paid_at: Date | null;
  voided_at: Date | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export interface PaymentRow {
  id: string;
  tenant_id: string;
  account_id: string;
  provider: PaymentProvider;
  purpose: 'top_up' | 'invoice';
  credits: number | null;
  invoice_id: string | null;
  amount_paise: number | string;
  currency: string;
  provider_ref: string | null;
  url: string | null;
  state: 'pending' | 'paid' | 'failed' | 'expired';
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

/** Credits on an account: `available` is what a new reservation may take. */
export interface AccountBalance {
  readonly balance: number;
  readonly reserved: number;
  readonly available: number;
}

export interface BillingAccount extends AccountBalance {
  readonly id: string;
  readonly externalKey: string | null;
  readonly mode: BillingMode;
  readonly planCredits: number;
  readonly creditPricePaise: number;
  readonly createdAt: string;
}

export interface LedgerEntry {
  readonly id: number;
  readonly kind: LedgerKind;
  readonly balanceDelta: number;
  readonly reservedDelta: number;
  readonly reportId: string | null;
  readonly paymentId: string | null;
  readonly idempotencyKey: string;
  readonly reason: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
}

export interface Invoice {
  readonly id: string;
  readonly accountId: string;
  readonly reportId: string | null;
  readonly state: InvoiceState;
  readonly amountPaise: number;
  readonly currency: string;
  readonly description: string;
  readonly paidVia: string | null;
  readonly issuedAt: string | null;
  readonly paidAt: string | null;
  readonly voidedAt: string | null;
  readonly createdAt: string;
}

export interface Payment {
  readonly id: string;
  readonly accountId: string;
  readonly provider: PaymentProvider;
  readonly purpose: 'top_up' | 'invoice';
  readonly credits: number | null;
  readonly invoiceId: string | null;
  readonly amountPaise: number;
  readonly currency: string;
  readonly providerRef: string | null;
  readonly url: string | null;
  readonly state: PaymentRow['state'];
  readonly tenantId: string;
}

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

export function toBillingAccount(row: AccountRow, balance: AccountBalance): BillingAccount {
  return {
    id: row.id,
    externalKey: row.external_key,
    mode: row.mode,
    planCredits: row.plan_credits,
    creditPricePaise: Number(row.credit_price_paise),
    createdAt: row.created_at.toISOString(),
    ...balance,
  };
}

export function toLedgerEntry(row: LedgerRow): LedgerEntry {
  return {
    id: Number(row.id),
    kind: row.kind,
    balanceDelta: row.balance_delta,
    reservedDelta: row.reserved_delta,
    reportId: row.report_id,
    paymentId: row.payment_id,
    idempotencyKey: row.idempotency_key,
    reason: row.reason,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
  };
}

export function toInvoice(row: InvoiceRow): Invoice {
  return {
    id: row.id,
    accountId: row.account_id,
    reportId: row.report_id,
    state: row.state,
    amountPaise: Number(row.amount_paise),
    currency: row.currency,
    description: row.description,
    paidVia: row.paid_via,
    issuedAt: iso(row.issued_at),
    paidAt: iso(row.paid_at),
    voidedAt: iso(row.voided_at),
    createdAt: row.created_at.toISOString(),
  };
}

export function toPayment(row: PaymentRow): Payment {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    accountId: row.account_id,
    provider: row.provider,
    purpose: row.purpose,
    credits: row.credits,
    invoiceId: row.invoice_id,
    amountPaise: Number(row.amount_paise),
    currency: row.currency,
    providerRef: row.provider_ref,
    url: row.url,
    state: row.state,
  };
}
