import type { Me } from '../api/api-types';
import { StatusLine } from '../app/status-line';
import { GrantCreditsForm } from './grant-credits-form';
import { InvoiceTable } from './invoice-table';
import { LedgerTable } from './ledger-table';
import { TopUpForm } from './top-up-form';
import { useBillingAccount } from './use-billing-account';

const MODES: Record<string, string> = { CREDIT: 'Prepaid credits', POSTPAID: 'Postpaid (service invoices)', UNBILLED: 'Not billed' };

/** The tenant's default billing account: figures, ledger and invoices; on a credit account admins grant and anyone who may pay tops up. */
export function BillingScreen({ me }: { me: Me }) {
  const account = useBillingAccount(me.tenant.id);
  const isAdmin = me.role === 'admin';
  return (
    <section aria-labelledby="billing-title">
      <div className="screen-head">
        <h1 id="billing-title">Billing</h1>
      </div>
      <StatusLine pending={account.isPending} error={account.error} label="Loading the billing account…" />
      {account.data === null ? <p className="muted">This host has no billing account for {me.tenant.name}.</p> : null}
      {account.data ? (
        <>
          <dl className="card billing-figures" data-testid="billing-account">
            <dt>Mode</dt>
            <dd>{MODES[account.data.mode] ?? account.data.mode}</dd>
            <dt>Balance</dt>
            <dd>{account.data.balance.toLocaleString('en-IN')}</dd>
            <dt>Reserved for work in progress</dt>
            <dd>{account.data.reserved.toLocaleString('en-IN')}</dd>
            <dt>Available</dt>
            <dd>
              <strong>{account.data.available.toLocaleString('en-IN')}</strong>
            </dd>
            {account.data.planCredits > 0 ? (
              <>
                <dt>Monthly plan</dt>
                <dd>{account.data.planCredits.toLocaleString('en-IN')} credits</dd>
              </>
            ) : null}
          </dl>
          <div className="billing-actions">
            {isAdmin && account.data.mode === 'CREDIT' ? <GrantCreditsForm account={account.data} /> : null}
            {account.data.mode === 'CREDIT' ? <TopUpForm account={account.data} /> : null}
          </div>
          <LedgerTable accountId={account.data.id} />
          <InvoiceTable accountId={account.data.id} isAdmin={isAdmin} />
        </>
      ) : null}
    </section>
  );
}
