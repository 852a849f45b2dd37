import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { apiFetch } from '../api/api-fetch';
import type { LedgerEntry, Page } from '../api/api-types';
import { AppLink } from '../app/app-link';
import { StatusLine } from '../app/status-line';

const PAGE = 10;
const signed = (n: number) => (n > 0 ? `+${n}` : n === 0 ? '0' : String(n));

/** The account's ledger, newest first, a page at a time. */
export function LedgerTable({ accountId }: { accountId: string }) {
  const [offset, setOffset] = useState(0);
  const ledger = useQuery({
    queryKey: ['billing-ledger', accountId, offset],
    placeholderData: keepPreviousData,
    queryFn: () => apiFetch<Page<LedgerEntry>>(`/v1/billing/accounts/${accountId}/ledger?limit=${PAGE}&offset=${offset}`),
  });
  const total = ledger.data?.total ?? 0;
  return (
    <section aria-labelledby="ledger-title">
      <h2 id="ledger-title">Ledger</h2>
      <StatusLine pending={ledger.isPending} error={ledger.error} label="Loading the ledger…" />
      {ledger.data?.items.length === 0 ? <p className="muted">No entries yet.</p> : null}
      {ledger.data && ledger.data.items.length > 0 ? (
        <table className="table" data-testid="ledger">
          <thead>
            <tr>
              <th>When</th>
              <th>Entry</th>
              <th>Balance</th>
              <th>Reserved</th>
              <th>Report</th>
              <th>Reason</th>
              <th>By</th>
            </tr>
          </thead>
          <tbody>
            {ledger.data.items.map((entry) => (
              <tr key={entry.id} data-testid="ledger-entry">
                <td>{new Date(entry.createdAt).toLocaleString('en-IN')}</td>
                <td>
                  <span className="badge">{entry.kind}</span>
                </td>
                <td className="number">{signed(entry.balanceDelta)}</td>
                <td className="number">{signed(entry.reservedDelta)}</td>
                <td>{entry.reportId ? <AppLink to={`/reports/${entry.reportId}`}>{entry.reportId.slice(0, 8)}</AppLink> : '—'}</td>
                <td>{entry.reason ?? ''}</td>
                <td>{entry.createdBy}</td>
              </tr>
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
