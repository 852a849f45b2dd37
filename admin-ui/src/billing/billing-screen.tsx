import type { Me } from '../api/api-types';
import { StatusLine } from '../app/status-line';
import { useBillingAccount } from './use-billing-account';

/** The tenant's billing account as the billing API answers it; absent while the host has none. */
export function BillingScreen({ me }: { me: Me }) {
  const account = useBillingAccount(me.tenant.id);
  return (
    <section aria-labelledby="billing-title">
      <div className="screen-head">
        <h1 id="billing-title">Billing</h1>
      </div>
      <StatusLine pending={account.isPending} label="Loading the billing account…" />
      {account.data ? (
        <dl className="card billing-figures" data-testid="billing-account">
          <dt>Mode</dt>
          <dd>{account.data.mode === 'CREDIT' ? 'Prepaid credits' : account.data.mode === 'POSTPAID' ? 'Postpaid (service invoices)' : account.data.mode}</dd>
          <dt>Balance</dt>
          <dd>{account.data.balance.toLocaleString('en-IN')}</dd>
          <dt>Reserved for work in progress</dt>
          <dd>{account.data.reserved.toLocaleString('en-IN')}</dd>
          <dt>Available</dt>
          <dd>
            <strong>{account.data.available.toLocaleString('en-IN')}</strong>
          </dd>
        </dl>
      ) : account.data === null ? (
        <p className="muted">This host has no billing account for {me.tenant.name}.</p>
      ) : null}
    </section>
  );
}
