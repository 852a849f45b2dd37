import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { apiFetch } from '../api/api-fetch';
import type { BillingAccount, LedgerEntry } from '../api/api-types';
import { BillingErrorLine } from './billing-error-line';
import { BILLING_ACCOUNT_QUERY_KEY } from './use-billing-account';

/** An admin grants credits with a reason; one Idempotency-Key per grant, so a retry never grants twice. */
export function GrantCreditsForm({ account }: { account: BillingAccount }) {
  const client = useQueryClient();
  const [credits, setCredits] = useState('');
  const [reason, setReason] = useState('');
  const key = useRef<string | null>(null);
  const grant = useMutation({
    mutationFn: () => {
      key.current ??= crypto.randomUUID();
      return apiFetch<{ entry: LedgerEntry; account: BillingAccount }>(`/v1/billing/accounts/${account.id}/grants`, {
        method: 'POST',
        body: { credits: Number(credits), reason: reason.trim() },
        headers: { 'idempotency-key': key.current },
      });
    },
    onSuccess: () => {
      key.current = null;
      setCredits('');
      setReason('');
      void client.invalidateQueries({ queryKey: [BILLING_ACCOUNT_QUERY_KEY] });
      void client.invalidateQueries({ queryKey: ['billing-ledger'] });
    },
  });
  const valid = Number.isInteger(Number(credits)) && Number(credits) >= 1 && reason.trim().length >= 3;
  return (
    <form
      className="card"
      aria-labelledby="grant-title"
      onSubmit={(event) => {
        event.preventDefault();
        grant.mutate();
      }}
    >
      <h2 id="grant-title">Grant credits</h2>
      <label htmlFor="grant-credits">Credits to grant</label>
      <input id="grant-credits" type="number" min={1} max={1_000_000} step={1} required value={credits} onChange={(event) => setCredits(event.target.value)} />
      <label htmlFor="grant-reason">Reason for the grant</label>
      <textarea id="grant-reason" required minLength={3} maxLength={2000} value={reason} onChange={(event) => setReason(event.target.value)} />
      <div className="actions">
        <button type="submit" className="primary" disabled={grant.isPending || !valid}>
          {grant.isPending ? 'Granting…' : 'Grant'}
        </button>
        {grant.data ? (
          <span role="status">
            Granted {grant.data.entry.balanceDelta}; {grant.data.account.available} available now.
          </span>
        ) : null}
      </div>
      <BillingErrorLine error={grant.error} />
    </form>
  );
}
