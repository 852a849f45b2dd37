import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiFetch } from '../api/api-fetch';
import type { Invoice, InvoiceState, Page, PaymentLink } from '../api/api-types';
import { AppLink } from '../app/app-link';
import { StatusLine } from '../app/status-line';
import { BillingErrorLine } from './billing-error-line';
import { formatPaise } from './format-paise';
import { invoiceLabel } from './invoice-label';
import { PAYMENT_PROVIDERS, type PaymentProvider } from './payment-providers';

const PAGE = 20;
/** The moves the host allows: draft → issued → paid, and void from draft or issued. */
const NEXT: Record<InvoiceState, readonly ('issued' | 'paid' | 'void')[]> = { draft: ['issued', 'void'], issued: ['paid', 'void'], paid: [], void: [] };

function InvoiceRow({ invoice, isAdmin }: { invoice: Invoice; isAdmin: boolean }) {
  const client = useQueryClient();
  const moves = NEXT[invoice.state];
  const [to, setTo] = useState<'issued' | 'paid' | 'void' | ''>(moves[0] ?? '');
  const [reason, setReason] = useState('');
  const needsReason = to === 'paid' || to === 'void';
  const change = useMutation({
    mutationFn: () => apiFetch<Invoice>(`/v1/billing/invoices/${invoice.id}/state`, { method: 'POST', body: needsReason || reason.trim() ? { state: to, reason: reason.trim() } : { state: to } }),
    onSuccess: () => {
      setReason('');
      void client.invalidateQueries({ queryKey: ['billing-invoices'] });
    },
  });
  const pay = useMutation({
    mutationFn: (provider: PaymentProvider) => apiFetch<PaymentLink>(PAYMENT_PROVIDERS[provider].path, { method: 'POST', body: { accountId: invoice.accountId, invoiceId: invoice.id } }),
    onSuccess: (answer) => {
      window.open(answer.url, '_blank', 'noopener');
    },
  });
  return (
    <tr data-testid="invoice">
      <td className="nowrap">{invoiceLabel(invoice.id)}</td>
      <td>
        <span className={`badge state-${invoice.state}`}>{invoice.state}</span>
        {invoice.paidVia ? <span className="muted small"> via {invoice.paidVia}</span> : null}
      </td>
      <td className="number">{formatPaise(invoice.amountPaise, invoice.currency)}</td>
      <td>
        {invoice.description}
        {invoice.reportId ? (
          <>
            {' '}
            <AppLink to={`/reports/${invoice.reportId}`} className="small">
              report
            </AppLink>
          </>
        ) : null}
        {invoice.state === 'issued' ? (
          <div className="row-actions">
            {(Object.keys(PAYMENT_PROVIDERS) as PaymentProvider[]).map((provider) => (
              <button key={provider} type="button" onClick={() => pay.mutate(provider)} disabled={pay.isPending}>
                Pay via {PAYMENT_PROVIDERS[provider].short}
              </button>
            ))}
          </div>
        ) : null}
        {pay.data ? (
          <p role="status" className="small">
            Payment link opened:{' '}
            <a href={pay.data.url} target="_blank" rel="noopener noreferrer">
              open it again
            </a>
          </p>
        ) : null}
        <BillingErrorLine error={pay.error} payment />
      </td>
      <td>{new Date(invoice.createdAt).toLocaleDateString('en-IN')}</td>
      {isAdmin ? (
        <td>
          {moves.length > 0 ? (
            <form
              className="invoice-move"
              onSubmit={(event) => {
                event.preventDefault();
                change.mutate();
              }}
            >
              <label className="visually-hidden" htmlFor={`move-${invoice.id}`}>
                Move {invoiceLabel(invoice.id)} to
              </label>
              <select id={`move-${invoice.id}`} value={to} onChange={(event) => setTo(event.target.value as typeof to)}>
                {moves.map((move) => (
                  <option key={move} value={move}>
                    {move === 'paid' ? 'paid (received outside the providers)' : move}
                  </option>
                ))}
              </select>
              <input aria-label={`Reason for ${invoiceLabel(invoice.id)}`} placeholder={needsReason ? 'reason (required)' : 'reason (optional)'} value={reason} onChange={(event) => setReason(event.target.value)} required={needsReason} minLength={3} maxLength={2000} />
              <button type="submit" disabled={change.isPending || (needsReason && reason.trim().length < 3)}>
                {change.isPending ? 'Saving…' : 'Change'}
              </button>
              <BillingErrorLine error={change.error} />
            </form>
          ) : (
            <span className="muted small">final</span>
          )}
        </td>
      ) : null}
    </tr>
  );
}

/** The account's service invoices with their state; an admin moves them along. */
export function InvoiceTable({ accountId, isAdmin }: { accountId: string; isAdmin: boolean }) {
  const [offset, setOffset] = useState(0);
  const invoices = useQuery({
    queryKey: ['billing-invoices', accountId, offset],
    placeholderData: keepPreviousData,
    queryFn: () => apiFetch<Page<Invoice>>(`/v1/billing/invoices?accountId=${accountId}&limit=${PAGE}&offset=${offset}`),
  });
  const total = invoices.data?.total ?? 0;
  return (
    <section aria-labelledby="invoices-title">
      <h2 id="invoices-title">Invoices</h2>
      <StatusLine pending={invoices.isPending} error={invoices.error} label="Loading the invoices…" />
      {invoices.data?.items.length === 0 ? <p className="muted">No invoices.</p> : null}
      {invoices.data && invoices.data.items.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th>Invoice</th>
              <th>State</th>
              <th>Amount</th>
              <th>For</th>
              <th>Created</th>
              {isAdmin ? <th>Change state</th> : null}
            </tr>
          </thead>
          <tbody>
            {invoices.data.items.map((invoice) => (
              <InvoiceRow key={`${invoice.id}-${invoice.state}`} invoice={invoice} isAdmin={isAdmin} />
            ))}
          </tbody>
        </table>
      ) : null}
      {total > PAGE ? (
        <div className="pager">
          <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            Newer
          </button>
          <span className="muted small">
            {offset + 1}–{Math.min(offset + PAGE, total)} of {total}
          </span>
          <button type="button" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
            Older
          </button>
        </div>
      ) : null}
    </section>
  );
}
