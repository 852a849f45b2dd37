import type { Knex } from 'knex';
import { ConflictError } from '../errors/domain-error.js';
import type { AccountBalance, AccountRow, LedgerKind, LedgerRow } from './billing-records.js';

/**
 * The ledger as seen inside one tenant transaction. Every change to an account's credits takes
 * the account row's lock first, so checks and appends on one account never interleave (on
 * PostgreSQL; PGlite has one connection and runs one transaction at a time anyway).
 */
export async function lockAccount(trx: Knex.Transaction, accountId: string): Promise<AccountRow | undefined> {
  return (await trx('billing_accounts').where({ id: accountId }).forUpdate().first()) as AccountRow | undefined;
}

/** The tenant's default account (no external key), locked; `undefined` when the tenant is not billed. */
export async function lockDefaultAccount(trx: Knex.Transaction): Promise<AccountRow | undefined> {
  return (await trx('billing_accounts').whereNull('external_key').forUpdate().first()) as AccountRow | undefined;
}

/** The account a report is billed to, locked: the one it names, else the tenant's default. */
export async function lockAccountFor(
  trx: Knex.Transaction,
  billingAccountId: string | null,
): Promise<AccountRow | undefined> {
  return billingAccountId === null ? lockDefaultAccount(trx) : lockAccount(trx, billingAccountId);
}

/** The tenant's account opened for an external key (`v1:partner:42`). */
export async function accountByExternalKey(
  trx: Knex.Transaction,
  externalKey: string,
): Promise<AccountRow | undefined> {
  return (await trx('billing_accounts').where({ external_key: externalKey }).first()) as AccountRow | undefined;
}

export async function balanceOf(trx: Knex.Transaction, accountId: string): Promise<AccountBalance> {
  const row = (await trx('billing_ledger')
    .where({ account_id: accountId })
    .select(
      trx.raw('coalesce(sum(balance_delta), 0)::int AS balance'),
      trx.raw('coalesce(sum(reserved_delta), 0)::int AS reserved'),
    )
    .first()) as { balance: number; reserved: number };
  const balance = Number(row.balance);
  const reserved = Number(row.reserved);
  return { balance, reserved, available: balance - reserved };
}

/** A report's credits on the ledger: what it holds now, how many reservations it made, whether it was consumed. */
export interface ReportHold {
  readonly accountId: string | undefined;
  readonly held: number;
  readonly reservations: number;
  readonly consumed: boolean;
}

export async function reportHold(trx: Knex.Transaction, reportId: string): Promise<ReportHold> {
  const rows = (await trx('billing_ledger').where({ report_id: reportId }).orderBy('id')) as LedgerRow[];
  return {
    accountId: rows[0]?.account_id,
    held: rows.reduce((sum, row) => sum + row.reserved_delta, 0),
    reservations: rows.filter((row) => row.kind === 'reserve').length,
    consumed: rows.some((row) => row.kind === 'consume'),
  };
}

export interface NewLedgerEntry {
  readonly tenantId: string;
  readonly accountId: string;
  readonly kind: LedgerKind;
  readonly balanceDelta: number;
  readonly reservedDelta: number;
  readonly idempotencyKey: string;
  readonly createdBy: string;
  readonly reportId?: string | undefined;
  readonly paymentId?: string | undefined;
  readonly reason?: string | undefined;
}

/**
 * Appends an entry once per idempotency key: a repeat answers the entry already written
 * (`created: false`); the same key with a different entry is a conflict, never a second write.
 */
export async function appendEntry(
  trx: Knex.Transaction,
  entry: NewLedgerEntry,
): Promise<{ row: LedgerRow; created: boolean }> {
  const inserted = (await trx('billing_ledger')
    .insert({
      tenant_id: entry.tenantId,
      account_id: entry.accountId,
      kind: entry.kind,
      balance_delta: entry.balanceDelta,
      reserved_delta: entry.reservedDelta,
      report_id: entry.reportId ?? null,
      payment_id: entry.paymentId ?? null,
      idempotency_key: entry.idempotencyKey,
      reason: entry.reason ?? null,
      created_by: entry.createdBy,
    })
    .onConflict(['tenant_id', 'idempotency_key'])
    .ignore()
    .returning('*')) as LedgerRow[];
  if (inserted[0]) return { row: inserted[0], created: true };
  const existing = (await entryByKey(trx, entry.idempotencyKey)) as LedgerRow;
  const same =
    existing.account_id === entry.accountId &&
    existing.kind === entry.kind &&
    existing.balance_delta === entry.balanceDelta &&
    existing.reserved_delta === entry.reservedDelta;
  if (!same) throw keyReused(existing);
  return { row: existing, created: false };
}

/** The entry written with an idempotency key, if any. */
export async function entryByKey(trx: Knex.Transaction, idempotencyKey: string): Promise<LedgerRow | undefined> {
  return (await trx('billing_ledger').where({ idempotency_key: idempotencyKey }).first()) as LedgerRow | undefined;
}

export function keyReused(existing: LedgerRow): ConflictError {
  return new ConflictError(
    'IDEMPOTENCY_KEY_REUSED',
    'This idempotency key was used for another ledger entry; use a new key',
    { ledgerEntryId: Number(existing.id) },
  );
}
