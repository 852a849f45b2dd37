import type { Knex } from 'knex';
import type { AuditActor, AuditService } from '../audit/audit-service.js';
import type { Principal } from '../auth/principal.js';
import { billingErrors } from './billing-errors.js';
import { appendEntry, balanceOf, lockAccount, lockAccountFor, reportHold } from './billing-ledger.js';
import type { AccountRow, InvoiceRow } from './billing-records.js';

/** What the gate did for a release, as the release answers and audits it. */
export type ReleaseGateOutcome =
  | { readonly mode: 'UNBILLED' }
  | { readonly mode: 'CREDIT'; readonly consumed: number }
  | {
      readonly mode: 'POSTPAID';
      readonly invoiceId: string | null;
      readonly via: 'paid' | 'override';
      readonly reason?: string;
    };

export interface GenerationCharge {
  readonly reportId: string;
  readonly reportTitle: string;
  /** The pack manifest's `credits`. */
  readonly credits: number;
  /** The account the report names (`reports.billing_account_id`); null bills the tenant's default account. */
  readonly billingAccountId: string | null;
}

/**
 * The billing checks that generation, release and cancellation run inside their own
 * transactions, so that a refused check leaves nothing behind and an accepted one lands with
 * the change it pays for. Each runs on the account the report is billed to: the one it names,
 * else the tenant's default (a tenant without one is not billed).
 */
export interface BillingGate {
  /**
   * CREDIT: reserves the report's credits unless it holds them already (or was consumed);
   * 402 INSUFFICIENT_CREDITS when the available balance is short. POSTPAID: a draft invoice
   * for the report, once.
   */
  reserveForGeneration(trx: Knex.Transaction, actor: AuditActor, charge: GenerationCharge): Promise<void>;
  /** Gives back what the report holds; voids its unpaid invoice when `voidInvoice`. Answers the credits released. */
  releaseHold(
    trx: Knex.Transaction,
    actor: AuditActor,
    reportId: string,
    cause: string,
    voidInvoice: 'none' | 'draft' | 'unpaid',
  ): Promise<number>;
  /** CREDIT consumes the reservation (reserving first if it was released); POSTPAID needs the invoice paid or an admin override. */
  passRelease(
    trx: Knex.Transaction,
    principal: Principal,
    requestId: string | undefined,
    charge: GenerationCharge,
    override: { reason: string } | undefined,
  ): Promise<ReleaseGateOutcome>;
}

const actorLabel = (actor: AuditActor) => (actor.kind === 'principal' ? actor.principal.label : actor.label);

export function createBillingGate(audit: AuditService): BillingGate {
  async function reserve(
    trx: Knex.Transaction,
    actor: AuditActor,
    account: AccountRow,
    charge: GenerationCharge,
    reservations: number,
    cause: string,
  ): Promise<void> {
    const { available } = await balanceOf(trx, account.id);
    if (available < charge.credits) throw billingErrors.insufficientCredits(charge.credits, available);
    const { created } = await appendEntry(trx, {
      tenantId: account.tenant_id,
      accountId: account.id,
      kind: 'reserve',
      balanceDelta: 0,
      reservedDelta: charge.credits,
      reportId: charge.reportId,
      idempotencyKey: `report:${charge.reportId}:reserve:${reservations + 1}`,
      reason: cause,
      createdBy: actorLabel(actor),
    });
    if (created) {
      await audit.record(trx, actor, {
        action: 'billing.credits.reserved',
        targetType: 'billing_account',
        targetId: account.id,
        after: { reportId: charge.reportId, credits: charge.credits, availableBefore: available },
        reason: cause,
      });
    }
  }

  async function openInvoiceOf(trx: Knex.Transaction, reportId: string): Promise<InvoiceRow | undefined> {
    return (await trx('billing_invoices')
      .where({ report_id: reportId })
      .whereNot({ state: 'void' })
      .forUpdate()
      .first()) as InvoiceRow | undefined;
  }

  return {
    async reserveForGeneration(trx, actor, charge) {
      const account = await lockAccountFor(trx, charge.billingAccountId);
      if (!account) return;
      if (account.mode === 'POSTPAID') {
        if (await openInvoiceOf(trx, charge.reportId)) return;
        const [invoice] = (await trx('billing_invoices')
          .insert({
            tenant_id: account.tenant_id,
            account_id: account.id,
            report_id: charge.reportId,
            amount_paise: charge.credits * Number(account.credit_price_paise),
            description: `Report: ${charge.reportTitle}`.slice(0, 500),
            created_by: actorLabel(actor),
          })
          .returning('*')) as [InvoiceRow];
        await audit.record(trx, actor, {
          action: 'billing.invoice.created',
          targetType: 'invoice',
          targetId: invoice.id,
          after: {
            reportId: charge.reportId,
            accountId: account.id,
            amountPaise: Number(invoice.amount_paise),
            state: invoice.state,
          },
        });
        return;
      }
      const hold = await reportHold(trx, charge.reportId);
      if (hold.consumed || hold.held > 0 || charge.credits === 0) return;
      await reserve(trx, actor, account, charge, hold.reservations, 'report.generate');
    },

    async releaseHold(trx, actor, reportId, cause, voidInvoice) {
      const hold = await reportHold(trx, reportId);
      let released = 0;
      if (hold.accountId !== undefined) {
        const account = await lockAccount(trx, hold.accountId);
        // Read again under the lock: a concurrent release or consume may have landed first.
        const current = await reportHold(trx, reportId);
        if (account && current.held > 0) {
          const { created } = await appendEntry(trx, {
            tenantId: account.tenant_id,
            accountId: account.id,
            kind: 'release',
            balanceDelta: 0,
            reservedDelta: -current.held,
            reportId,
            idempotencyKey: `report:${reportId}:release:${current.reservations}`,
            reason: cause,
            createdBy: actorLabel(actor),
          });
          if (created) {
            released = current.held;
            await audit.record(trx, actor, {
              action: 'billing.credits.released',
              targetType: 'billing_account',
              targetId: account.id,
              after: { reportId, credits: current.held },
              reason: cause,
            });
          }
        }
      }
      if (voidInvoice !== 'none') {
        const invoice = await openInvoiceOf(trx, reportId);
        if (invoice && (invoice.state === 'draft' || (voidInvoice === 'unpaid' && invoice.state === 'issued'))) {
          await trx('billing_invoices')
            .where({ id: invoice.id })
            .update({ state: 'void', voided_at: trx.fn.now(), updated_at: trx.fn.now() });
          await audit.record(trx, actor, {
            action: 'billing.invoice.voided',
            targetType: 'invoice',
            targetId: invoice.id,
            before: { state: invoice.state },
            after: { state: 'void' },
            reason: cause,
          });
        }
      }
      return released;
    },

    async passRelease(trx, principal, requestId, charge, override) {
      const actor: AuditActor = { kind: 'principal', principal, requestId };
      const hold = await reportHold(trx, charge.reportId);
      // Credits held are consumed from the account that holds them, whatever the report names now.
      const account = await lockAccountFor(trx, hold.accountId ?? charge.billingAccountId);
      if (!account) return { mode: 'UNBILLED' };
      if (account.mode === 'POSTPAID') {
        const invoice = await openInvoiceOf(trx, charge.reportId);
        if (invoice?.state === 'paid') return { mode: 'POSTPAID', invoiceId: invoice.id, via: 'paid' };
        if (!override) throw billingErrors.invoiceUnpaid(invoice?.id ?? null, invoice?.state ?? null);
        if (principal.role !== 'admin') throw billingErrors.overrideForbidden();
        await audit.record(trx, actor, {
          action: 'billing.release.override',
          targetType: 'report',
          targetId: charge.reportId,
          before: { invoiceId: invoice?.id ?? null, invoiceState: invoice?.state ?? null },
          reason: override.reason,
        });
        return { mode: 'POSTPAID', invoiceId: invoice?.id ?? null, via: 'override', reason: override.reason };
      }
      let current = await reportHold(trx, charge.reportId);
      if (current.consumed) return { mode: 'CREDIT', consumed: 0 };
      if (current.held === 0 && charge.credits > 0) {
        await reserve(trx, actor, account, charge, current.reservations, 'report.release');
        current = await reportHold(trx, charge.reportId);
      }
      if (current.held === 0) return { mode: 'CREDIT', consumed: 0 };
      await appendEntry(trx, {
        tenantId: account.tenant_id,
        accountId: account.id,
        kind: 'consume',
        balanceDelta: -current.held,
        reservedDelta: -current.held,
        reportId: charge.reportId,
        idempotencyKey: `report:${charge.reportId}:consume`,
        reason: 'report.release',
        createdBy: principal.label,
      });
      await audit.record(trx, actor, {
        action: 'billing.credits.consumed',
        targetType: 'billing_account',
        targetId: account.id,
        after: { reportId: charge.reportId, credits: current.held },
      });
      return { mode: 'CREDIT', consumed: current.held };
    },
  };
}
