import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { apiFetch } from '../api/api-fetch';
import type { BillingAccount, PaymentLink } from '../api/api-types';
import { BillingErrorLine } from './billing-error-line';
import { formatPaise } from './format-paise';
import { PAYMENT_PROVIDERS, type PaymentProvider } from './payment-providers';

const PROVIDERS = PAYMENT_PROVIDERS;
type Provider = PaymentProvider;

/** Buys credits: the host prices them and asks the provider for a link; the webhook credits the account, never the redirect. */
export function TopUpForm({ account }: { account: BillingAccount }) {
  const [credits, setCredits] = useState('10');
  const [provider, setProvider] = useState<Provider>('razorpay');
  const link = useMutation({
    mutationFn: () => apiFetch<PaymentLink>(PROVIDERS[provider].path, { method: 'POST', body: { accountId: account.id, credits: Number(credits) } }),
    onSuccess: (answer) => {
      window.open(answer.url, '_blank', 'noopener');
    },
  });
  const count = Number(credits);
  const valid = Number.isInteger(count) && count >= 1 && count <= 100_000;
  return (
    <form
      className="card"
      aria-labelledby="topup-title"
      onSubmit={(event) => {
        event.preventDefault();
        link.mutate();
      }}
    >
      <h2 id="topup-title">Top up</h2>
      <label htmlFor="topup-credits">Credits to buy</label>
      <input id="topup-credits" type="number" min={1} max={100_000} step={1} required value={credits} onChange={(event) => setCredits(event.target.value)} />
      <p className="muted small">{valid ? `${formatPaise(count * account.creditPricePaise)} at ${formatPaise(account.creditPricePaise)} a credit` : 'Between 1 and 100,000 credits.'}</p>
      <label htmlFor="topup-provider">Pay with</label>
      <select id="topup-provider" value={provider} onChange={(event) => setProvider(event.target.value as Provider)}>
        {Object.entries(PROVIDERS).map(([key, value]) => (
          <option key={key} value={key}>
            {value.label}
          </option>
        ))}
      </select>
      <div className="actions">
        <button type="submit" className="primary" disabled={link.isPending || !valid}>
          {link.isPending ? 'Asking for a payment link…' : 'Get a payment link'}
        </button>
      </div>
      {link.data ? (
        <p role="status">
          A payment link for {formatPaise(link.data.amountPaise, link.data.currency)} opened in a new tab:{' '}
          <a href={link.data.url} target="_blank" rel="noopener noreferrer">
            open it again
          </a>
          . The credits arrive when the provider confirms the payment.
        </p>
      ) : null}
      <BillingErrorLine error={link.error} payment />
    </form>
  );
}
