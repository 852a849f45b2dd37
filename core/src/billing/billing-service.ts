import type { Knex } from 'knex';
import type { AuditActor, AuditService } from '../audit/audit-service.js';
import type { Principal } from '../auth/principal.js';
import { ConflictError, NotFoundError } from '../errors/domain-error.js';
import { withSystem, withTenant } from '../store/tenant-scope.js';
import { billingErrors } from './billing-errors.js';
import { createBillingGate, type BillingGate } from './billing-gate.js';
import { appendEntry, balanceOf, entryByKey, keyReused, lockAccount } from './billing-ledger.js';
import {
  toBillingAccount,
  toInvoice,
  toLedgerEntry,
  toPayment,
  type AccountRow,
  type BillingAccount,
  type BillingMode,
  type Invoice,
  type InvoiceRow,
  type InvoiceState,
  type LedgerEntry,
  type LedgerRow,
  type Payment,
  type PaymentProvider,
  type PaymentRow,
} from './billing-records.js';

export interface NewAccount {
  readonly mode: BillingMode;
  readonly externalKey?: string | undefined;
  readonly planCredits?: number | undefined;
  readonly creditPricePaise: number;
}

export interface Page<T> {
  readonly items: T[];
  readonly total: number;
}

export interface PaymentRequest {
  readonly provider: PaymentProvider;
  readonly accountId: string;
  readonly credits?: number | undefined;
  readonly invoiceId?: string | undefined;
}

/** A provider's word on a payment, once its signature verified. */
export interface ProviderEvent {
  readonly provider: PaymentProvider;
  readonly eventId: string;
  readonly eventType: string;
  /** Ours, carried through the provider (Stripe metadata, Razorpay notes or reference id). */
  readonly paymentId: string;
  readonly outcome: 'paid' | 'failed' | 'expired' | 'ignored';
  /** What the provider says was paid, when it says. */
  readonly amountPaise?: number | undefined;
}

export interface SettlementResult {
  /** True when this provider event id was processed before: nothing changed. */
  readonly duplicate: boolean;
  readonly outcome: string;
}

/** Accounts, the credit ledger, postpaid invoices and payments; the gates live in `gate`. */
export interface BillingService {
  readonly gate: BillingGate;
  createAccount(
    principal: Principal,
    account: NewAccount,
    requestId?: string,
  ): Promise<{ account: BillingAccount; created: boolean }>;
  listAccounts(principal: Principal): Promise<BillingAccount[]>;
  account(principal: Principal, id: string): Promise<BillingAccount>;
  ledger(principal: Principal, id: string, page: { limit: number; offset: number }): Promise<Page<LedgerEntry>>;
  grant(
    principal: Principal,
    id: string,
    grant: { credits: number; reason: string; idempotencyKey: string },
    requestId?: string,
  ): Promise<{ entry: LedgerEntry; created: boolean; account: BillingAccount }>;
  /**
   * Corrects an account's balance by some credits either way (an `adjustment`), with a reason;
   * taking credits away never leaves less than zero available (409 ADJUSTMENT_EXCEEDS_AVAILABLE).
   */
  adjust(
    principal: Principal,
    id: string,
    adjustment: { credits: number; reason: string; idempotencyKey: string },
    requestId?: string,
  ): Promise<{ entry: LedgerEntry; created: boolean; account: BillingAccount }>;
  /**
   * Gives back credits a report consumed (a `refund`), to the account it consumed them from:
   * all it has left to refund when `credits` is absent, never more (409 REFUND_EXCEEDS_CONSUMED).
   */
  refund(
    principal: Principal,
    reportId: string,
    refund: { credits?: number | undefined; reason: string; idempotencyKey: string },
    requestId?: string,
  ): Promise<{ entry: LedgerEntry; created: boolean; account: BillingAccount }>;
  invoices(
    principal: Principal,
    query: { accountId?: string | undefined; state?: InvoiceState | undefined; limit: number; offset: number },
  ): Promise<Page<Invoice>>;
  invoice(principal: Principal, id: string): Promise<Invoice>;
  changeInvoice(
    principal: Principal,
    id: string,
    change: { state: Exclude<InvoiceState, 'draft'>; reason?: string | undefined },
    requestId?: string,
  ): Promise<Invoice>;
  /** A pending payment of the given purpose, whose amount the host computes; the provider link is attached after. */
  preparePayment(principal: Principal, request: PaymentRequest, requestId?: string): Promise<Payment>;
  attachPaymentLink(
    principal: Principal,
    paymentId: string,
    link: { providerRef: string; url: string },
  ): Promise<Payment>;
  /** Across tenants: the payment a provider event names; `undefined` when it is not ours. */
  findPayment(paymentId: string): Promise<Payment | undefined>;
  findPaymentByRef(provider: PaymentProvider, providerRef: string): Promise<Payment | undefined>;
  /** Applies a verified provider event exactly once per provider event id. */
  settle(event: ProviderEvent): Promise<SettlementResult>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UNIQUE_VIOLATION = '23505';

export function createBillingService(deps: { knex: Knex; audit: AuditService }): BillingService {
  const { knex, audit } = deps;
  const gate = createBillingGate(audit);
  const actorOf = (principal: Principal, requestId?: string): AuditActor => ({
    kind: 'principal',
    principal,
    requestId,
  });

  async function accountIn(trx: Knex.Transaction, id: string): Promise<AccountRow> {
    const row = (await trx('billing_accounts').where({ id }).first()) as AccountRow | undefined;
    if (!row) throw billingErrors.accountNotFound(id);
    return row;
  }

  async function viewOf(trx: Knex.Transaction, row: AccountRow): Promise<BillingAccount> {
    return toBillingAccount(row, await balanceOf(trx, row.id));
  }

  /**
   * Moves `account`'s balance by an admin's grant or adjustment: one ledger entry per
   * idempotency key, audited when it is new; a repeat answers the first entry.
   */
  async function changeBalance(
    trx: Knex.Transaction,
    principal: Principal,
    requestId: string | undefined,
    account: AccountRow,
    change: { kind: 'grant' | 'adjustment'; credits: number; idempotencyKey: string; reason: string; action: string },
  ): Promise<{ entry: LedgerEntry; created: boolean; account: BillingAccount }> {
    const { row, created } = await appendEntry(trx, {
      tenantId: principal.tenantId,
      accountId: account.id,
      kind: change.kind,
      balanceDelta: change.credits,
      reservedDelta: 0,
      idempotencyKey: change.idempotencyKey,
      reason: change.reason,
      createdBy: principal.label,
    });
    if (created) {
      await audit.record(trx, actorOf(principal, requestId), {
        action: change.action,
        targetType: 'billing_account',
        targetId: account.id,
        after: { credits: change.credits, ledgerEntryId: Number(row.id) },
        reason: change.reason,
      });
    }
    return { entry: toLedgerEntry(row), created, account: await viewOf(trx, account) };
  }

  async function invoiceIn(trx: Knex.Transaction, id: string, forUpdate = false): Promise<InvoiceRow> {
    const query = trx('billing_invoices').where({ id }).first();
    const row = (await (forUpdate ? query.forUpdate() : query)) as InvoiceRow | undefined;
    if (!row) throw billingErrors.invoiceNotFound(id);
    return row;
  }

  async function paymentWhere(where: Record<string, string>): Promise<Payment | undefined> {
    // A webhook names a payment before any tenant is known; the row says whose it is.
    const row = (await withSystem(knex, (trx) => trx('billing_payments').where(where).first())) as
      PaymentRow | undefined;
    return row ? toPayment(row) : undefined;
  }

  /** Marks an invoice paid from issued (or from draft, through issued, when payment came first). */
  async function payInvoice(
    trx: Knex.Transaction,
    actor: AuditActor,
    invoice: InvoiceRow,
    via: string,
    reason?: string,
  ): Promise<InvoiceRow> {
    if (invoice.state === 'draft') {
      await trx('billing_invoices')
        .where({ id: invoice.id })
        .update({ state: 'issued', issued_at: trx.fn.now(), updated_at: trx.fn.now() });
    }
    const [paid] = (await trx('billing_invoices')
      .where({ id: invoice.id })
      .update({ state: 'paid', paid_at: trx.fn.now(), paid_via: via, updated_at: trx.fn.now() })
      .returning('*')) as [InvoiceRow];
    await audit.record(trx, actor, {
      action: 'billing.invoice.paid',
      targetType: 'invoice',
      targetId: invoice.id,
      before: { state: invoice.state },
      after: { state: 'paid', paidVia: via },
      reason,
    });
    return paid;
  }

  return {
    gate,

    async createAccount(principal, request, requestId) {
      const externalKey = request.externalKey ?? null;
      const existing = await withTenant(knex, principal.tenantId, async (trx) => {
        const query = trx('billing_accounts');
        const row = (await (
          externalKey === null ? query.whereNull('external_key') : query.where({ external_key: externalKey })
        ).first()) as AccountRow | undefined;
        return row ? viewOf(trx, row) : undefined;
      });
      if (existing) {
        if (existing.mode !== request.mode) throw billingErrors.accountExists(externalKey);
        return { account: existing, created: false };
      }
      try {
        const account = await withTenant(knex, principal.tenantId, async (trx) => {
          const [row] = (await trx('billing_accounts')
            .insert({
              tenant_id: principal.tenantId,
              external_key: externalKey,
              mode: request.mode,
              plan_credits: request.planCredits ?? 0,
              credit_price_paise: request.creditPricePaise,
              created_by: principal.label,
            })
            .returning('*')) as [AccountRow];
          await audit.record(trx, actorOf(principal, requestId), {
            action: 'billing.account.created',
            targetType: 'billing_account',
            targetId: row.id,
            after: {
              mode: row.mode,
              externalKey,
              planCredits: row.plan_credits,
              creditPricePaise: Number(row.credit_price_paise),
            },
          });
          return viewOf(trx, row);
        });
        return { account, created: true };
      } catch (error) {
        if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw billingErrors.accountExists(externalKey);
        throw error;
      }
    },

    listAccounts(principal) {
      return withTenant(knex, principal.tenantId, async (trx) => {
        const rows = (await trx('billing_accounts').orderBy('created_at')) as AccountRow[];
        return Promise.all(rows.map((row) => viewOf(trx, row)));
      });
    },

    account(principal, id) {
      return withTenant(knex, principal.tenantId, async (trx) => viewOf(trx, await accountIn(trx, id)));
    },

    ledger(principal, id, page) {
      return withTenant(knex, principal.tenantId, async (trx) => {
        await accountIn(trx, id);
        const rows = (await trx('billing_ledger')
          .where({ account_id: id })
          .orderBy('id', 'desc')
          .limit(page.limit)
          .offset(page.offset)) as LedgerRow[];
        const counted = (await trx('billing_ledger').where({ account_id: id }).count({ n: '*' }).first()) as {
          n: number | string;
        };
        return { items: rows.map(toLedgerEntry), total: Number(counted.n) };
      });
    },

    grant(principal, id, grant, requestId) {
      return withTenant(knex, principal.tenantId, async (trx) => {
        const account = await lockAccount(trx, id);
        if (!account) throw billingErrors.accountNotFound(id);
        return changeBalance(trx, principal, requestId, account, {
          kind: 'grant',
          credits: grant.credits,
          idempotencyKey: `grant:${grant.idempotencyKey}`,
          reason: grant.reason,
          action: 'billing.credits.granted',
        });
      });
    },

    adjust(principal, id, adjustment, requestId) {
      return withTenant(knex, principal.tenantId, async (trx) => {
        const account = await lockAccount(trx, id);
        if (!account) throw billingErrors.accountNotFound(id);
        const idempotencyKey = `adjustment:${adjustment.idempotencyKey}`;
        // A repeat answers its entry, whatever the balance has become since.
        if (!(await entryByKey(trx, idempotencyKey)) && adjustment.credits < 0) {
          const { available } = await balanceOf(trx, id);
          if (available + adjustment.credits < 0)
            throw billingErrors.adjustmentExceedsAvailable(adjustment.credits, available);
        }
        return changeBalance(trx, principal, requestId, account, {
          kind: 'adjustment',
          credits: adjustment.credits,
          idempotencyKey,
          reason: adjustment.reason,
          action: 'billing.credits.adjusted',
        });
      });
    },

    refund(principal, reportId, refund, requestId) {
      return withTenant(knex, principal.tenantId, async (trx) => {
        if (!(await trx('reports').where({ id: reportId }).first())) {
          throw new NotFoundError(`Report ${reportId}`, 'REPORT_NOT_FOUND');
        }
        const idempotencyKey = `refund:${refund.idempotencyKey}`;
        const consumption = (await trx('billing_ledger')
          .where({ report_id: reportId, kind: 'consume' })
          .select('account_id')
          .first()) as { account_id: string } | undefined;
        const account = consumption ? await lockAccount(trx, consumption.account_id) : undefined;
        const seen = await entryByKey(trx, idempotencyKey);
        if (seen) {
          const same =
            seen.kind === 'refund' &&
            seen.report_id === reportId &&
            (refund.credits === undefined || seen.balance_delta === refund.credits);
          if (!same || !account) throw keyReused(seen);
          return { entry: toLedgerEntry(seen), created: false, account: await viewOf(trx, account) };
        }
        if (!account) throw billingErrors.refundExceedsConsumed(reportId, refund.credits ?? null, 0);
        // Read under the account's lock: two refunds of one report never both pass.
        const sums = (await trx('billing_ledger')
          .where({ report_id: reportId, account_id: account.id })
          .whereIn('kind', ['consume', 'refund'])
          .select(trx.raw('coalesce(-sum(balance_delta), 0)::int AS refundable'))
          .first()) as { refundable: number };
        const refundable = Number(sums.refundable);
        const credits = refund.credits ?? refundable;
        if (credits < 1 || credits > refundable)
          throw billingErrors.refundExceedsConsumed(reportId, refund.credits ?? null, refundable);
        const { row } = await appendEntry(trx, {
          tenantId: principal.tenantId,
          accountId: account.id,
          kind: 'refund',
          balanceDelta: credits,
          reservedDelta: 0,
          reportId,
          idempotencyKey,
          reason: refund.reason,
          createdBy: principal.label,
        });
        await audit.record(trx, actorOf(principal, requestId), {
          action: 'billing.credits.refunded',
          targetType: 'billing_account',
          targetId: account.id,
          after: { reportId, credits, refundableBefore: refundable, ledgerEntryId: Number(row.id) },
          reason: refund.reason,
        });
        return { entry: toLedgerEntry(row), created: true, account: await viewOf(trx, account) };
      });
    },

    invoices(principal, query) {
      return withTenant(knex, principal.tenantId, async (trx) => {
        const filtered = () => {
          const builder = trx('billing_invoices');
          if (query.accountId) void builder.where({ account_id: query.accountId });
          if (query.state) void builder.where({ state: query.state });
          return builder;
        };
        const rows = (await filtered()
          .orderBy([
            { column: 'created_at', order: 'desc' },
            { column: 'id', order: 'desc' },
          ])
          .limit(query.limit)
          .offset(query.offset)) as InvoiceRow[];
        const counted = (await filtered().count({ n: '*' }).first()) as { n: number | string };
        return { items: rows.map(toInvoice), total: Number(counted.n) };
      });
    },

    invoice(principal, id) {
      return withTenant(knex, principal.tenantId, async (trx) => toInvoice(await invoiceIn(trx, id)));
    },

    changeInvoice(principal, id, change, requestId) {
      return withTenant(knex, principal.tenantId, async (trx) => {
        const invoice = await invoiceIn(trx, id, true);
        if (invoice.state === change.state) return toInvoice(invoice);
        const legal =
          (invoice.state === 'draft' && change.state !== 'paid') ||
          (invoice.state === 'issued' && change.state !== 'issued');
        if (!legal) throw billingErrors.invoiceState(invoice.state, change.state);
        const actor = actorOf(principal, requestId);
        if (change.state === 'paid') return toInvoice(await payInvoice(trx, actor, invoice, 'manual', change.reason));
        const stamp = change.state === 'issued' ? { issued_at: trx.fn.now() } : { voided_at: trx.fn.now() };
        const [row] = (await trx('billing_invoices')
          .where({ id })
          .update({ state: change.state, ...stamp, updated_at: trx.fn.now() })
          .returning('*')) as [InvoiceRow];
        await audit.record(trx, actor, {
          action: change.state === 'issued' ? 'billing.invoice.issued' : 'billing.invoice.voided',
          targetType: 'invoice',
          targetId: id,
          before: { state: invoice.state },
          after: { state: row.state },
          reason: change.reason,
        });
        return toInvoice(row);
      });
    },

    preparePayment(principal, request, requestId) {
      return withTenant(knex, principal.tenantId, async (trx) => {
        const account = await accountIn(trx, request.accountId);
        let values: {
          purpose: 'top_up' | 'invoice';
          credits: number | null;
          invoice_id: string | null;
          amount_paise: number;
        };
        if (request.credits !== undefined && request.invoiceId === undefined) {
          if (account.mode !== 'CREDIT')
            throw billingErrors.paymentPurpose('Credits are bought for a CREDIT account only');
          values = {
            purpose: 'top_up',
            credits: request.credits,
            invoice_id: null,
            amount_paise: request.credits * Number(account.credit_price_paise),
          };
        } else if (request.invoiceId !== undefined && request.credits === undefined) {
          const invoice = await invoiceIn(trx, request.invoiceId);
          if (invoice.account_id !== account.id)
            throw billingErrors.paymentPurpose('The invoice belongs to another account');
          if (invoice.state !== 'draft' && invoice.state !== 'issued')
            throw billingErrors.invoiceState(invoice.state, 'paid');
          if (Number(invoice.amount_paise) <= 0) throw billingErrors.paymentPurpose('The invoice has nothing to pay');
          values = {
            purpose: 'invoice',
            credits: null,
            invoice_id: invoice.id,
            amount_paise: Number(invoice.amount_paise),
          };
        } else {
          throw billingErrors.paymentPurpose('Give either credits or invoiceId');
        }
        const [row] = (await trx('billing_payments')
          .insert({
            tenant_id: principal.tenantId,
            account_id: account.id,
            provider: request.provider,
            ...values,
            created_by: principal.label,
          })
          .returning('*')) as [PaymentRow];
        await audit.record(trx, actorOf(principal, requestId), {
          action: 'billing.payment.created',
          targetType: 'payment',
          targetId: row.id,
          after: {
            provider: row.provider,
            purpose: row.purpose,
            credits: row.credits,
            invoiceId: row.invoice_id,
            amountPaise: Number(row.amount_paise),
          },
        });
        return toPayment(row);
      });
    },

    attachPaymentLink(principal, paymentId, link) {
      return withTenant(knex, principal.tenantId, async (trx) => {
        const [row] = (await trx('billing_payments')
          .where({ id: paymentId })
          .whereNull('provider_ref')
          .update({ provider_ref: link.providerRef, url: link.url, updated_at: trx.fn.now() })
          .returning('*')) as PaymentRow[];
        if (!row) throw billingErrors.paymentNotFound(paymentId);
        return toPayment(row);
      });
    },

    findPayment(paymentId) {
      return UUID.test(paymentId) ? paymentWhere({ id: paymentId }) : Promise.resolve(undefined);
    },

    findPaymentByRef(provider, providerRef) {
      return paymentWhere({ provider, provider_ref: providerRef });
    },

    async settle(event) {
      const payment = UUID.test(event.paymentId)
        ? await paymentWhere({ id: event.paymentId, provider: event.provider })
        : undefined;
      if (!payment) return { duplicate: false, outcome: 'unknown-payment' };
      const actor: AuditActor = { kind: 'system', tenantId: payment.tenantId, label: `webhook:${event.provider}` };
      try {
        return await withTenant(knex, payment.tenantId, async (trx) => {
          const locked = (await trx('billing_payments').where({ id: payment.id }).forUpdate().first()) as PaymentRow;
          const seen = await trx<{ outcome: string; provider: string; event_id: string }>('billing_payment_events')
            .where({ provider: event.provider, event_id: event.eventId })
            .first();
          if (seen) return { duplicate: true, outcome: seen.outcome };
          const outcome = await apply(trx, actor, locked, event);
          await trx('billing_payment_events').insert({
            tenant_id: payment.tenantId,
            provider: event.provider,
            event_id: event.eventId,
            event_type: event.eventType,
            payment_id: payment.id,
            outcome,
          });
          await audit.record(trx, actor, {
            action: 'billing.payment.event',
            targetType: 'payment',
            targetId: payment.id,
            before: { state: locked.state },
            after: { eventId: event.eventId, eventType: event.eventType, outcome },
          });
          return { duplicate: false, outcome };
        });
      } catch (error) {
        // The same event delivered twice at once: the loser's insert meets the winner's row.
        if ((error as { code?: string }).code === UNIQUE_VIOLATION) return { duplicate: true, outcome: 'duplicate' };
        throw error;
      }
    },
  };

  async function apply(
    trx: Knex.Transaction,
    actor: AuditActor,
    payment: PaymentRow,
    event: ProviderEvent,
  ): Promise<string> {
    if (event.outcome === 'ignored') return 'ignored';
    if (event.outcome !== 'paid') {
      // A late failure or expiry never undoes a payment that arrived first.
      if (payment.state !== 'pending') return `stale-${event.outcome}`;
      await trx('billing_payments')
        .where({ id: payment.id })
        .update({ state: event.outcome, updated_at: trx.fn.now() });
      return event.outcome;
    }
    if (payment.state === 'paid') return 'already-paid';
    if (event.amountPaise !== undefined && event.amountPaise !== Number(payment.amount_paise)) return 'amount-mismatch';
    await trx('billing_payments').where({ id: payment.id }).update({ state: 'paid', updated_at: trx.fn.now() });
    if (payment.purpose === 'top_up') {
      const account = await lockAccount(trx, payment.account_id);
      if (!account) throw new ConflictError('BILLING_ACCOUNT_GONE', `The account of payment ${payment.id} is gone`);
      const { row, created } = await appendEntry(trx, {
        tenantId: payment.tenant_id,
        accountId: payment.account_id,
        kind: 'top_up',
        balanceDelta: payment.credits ?? 0,
        reservedDelta: 0,
        paymentId: payment.id,
        idempotencyKey: `payment:${payment.id}`,
        reason: `${event.provider} ${event.eventId}`,
        createdBy: actor.kind === 'system' ? actor.label : actor.principal.label,
      });
      if (created) {
        await audit.record(trx, actor, {
          action: 'billing.credits.topped-up',
          targetType: 'billing_account',
          targetId: payment.account_id,
          after: { credits: payment.credits, paymentId: payment.id, ledgerEntryId: Number(row.id) },
        });
      }
      return 'credits-granted';
    }
    const invoice = await invoiceIn(trx, payment.invoice_id as string, true);
    if (invoice.state === 'paid') return 'invoice-already-paid';
    // Money for a voided invoice stays recorded on the payment, for a person to refund.
    if (invoice.state === 'void') return 'invoice-void';
    await payInvoice(trx, actor, invoice, `${event.provider}:${event.eventId}`);
    return 'invoice-paid';
  }
}
