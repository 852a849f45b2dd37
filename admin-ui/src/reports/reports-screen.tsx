import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { apiFetch } from '../api/api-fetch';
import type { Me, ReportList } from '../api/api-types';
import { AppLink } from '../app/app-link';
import { StatusLine } from '../app/status-line';
import { useSettled } from '../app/use-settled';
import { CreateReportForm } from './create-report-form';
import { usePacks } from './use-packs';

const PAGE = 20;
const STATUSES = ['draft', 'generated', 'released', 'cancelled'];
const TYPING_PAUSE_MS = 250;

/** A day of the operator's own calendar as the instant it starts or (`end`) its last millisecond. */
function dayBound(day: string, end: boolean): string {
  return new Date(`${day}T${end ? '23:59:59.999' : '00:00:00.000'}`).toISOString();
}

export function ReportsScreen({ me }: { me: Me }) {
  const packs = usePacks();
  const [qText, setQText] = useState('');
  const q = useSettled(qText.trim(), TYPING_PAUSE_MS);
  const [packKey, setPackKey] = useState('');
  const [status, setStatus] = useState('');
  const [bankText, setBankText] = useState('');
  const bank = useSettled(bankText.trim(), TYPING_PAUSE_MS);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [offset, setOffset] = useState(0);
  const [creating, setCreating] = useState(false);
  const canWrite = me.role === 'admin' || me.role === 'operator';

  const list = useQuery({
    queryKey: ['reports', { q, packKey, status, bank, from, to, offset }],
    placeholderData: keepPreviousData,
    queryFn: () => {
      const query = new URLSearchParams({ limit: String(PAGE), offset: String(offset) });
      if (q) query.set('q', q);
      if (packKey) query.set('packKey', packKey);
      if (status) query.set('status', status);
      if (bank) query.set('bank', bank);
      if (from) query.set('createdFrom', dayBound(from, false));
      if (to) query.set('createdTo', dayBound(to, true));
      return apiFetch<ReportList>(`/v1/reports?${query.toString()}`);
    },
  });
  const items = list.data?.items ?? [];
  const reset = (apply: () => void) => {
    apply();
    setOffset(0);
  };
  const total = list.data?.total ?? 0;

  return (
    <section aria-labelledby="reports-title">
      <div className="screen-head">
        <h1 id="reports-title">Reports</h1>
        {canWrite && !creating ? (
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            New report
          </button>
        ) : null}
      </div>
      {creating ? <CreateReportForm onCancel={() => setCreating(false)} /> : null}
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label htmlFor="filter-q">Search</label>
          <input id="filter-q" type="search" value={qText} onChange={(e) => reset(() => setQText(e.target.value))} placeholder="Title or assignment key" />
        </div>
        <div>
          <label htmlFor="filter-pack">Pack</label>
          <select id="filter-pack" value={packKey} onChange={(e) => reset(() => setPackKey(e.target.value))}>
            <option value="">All packs</option>
            {(packs.data ?? []).map((pack) => (
              <option key={pack.key} value={pack.key}>
                {pack.key}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-status">Status</label>
          <select id="filter-status" value={status} onChange={(e) => reset(() => setStatus(e.target.value))}>
            <option value="">Any status</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-bank">Bank</label>
          <input id="filter-bank" type="search" value={bankText} onChange={(e) => reset(() => setBankText(e.target.value))} placeholder="Part of the bank's name" />
        </div>
        <div>
          <label htmlFor="filter-from">Created from</label>
          <input id="filter-from" type="date" value={from} max={to || undefined} onChange={(e) => reset(() => setFrom(e.target.value))} />
        </div>
        <div>
          <label htmlFor="filter-to">Created to</label>
          <input id="filter-to" type="date" value={to} min={from || undefined} onChange={(e) => reset(() => setTo(e.target.value))} />
        </div>
      </form>
      <StatusLine pending={list.isFetching} error={list.error} label="Loading reports…" />
      <table className="table" aria-describedby="reports-count">
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Bank</th>
            <th scope="col">Pack</th>
            <th scope="col">Status</th>
            <th scope="col">Versions</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {items.map((report) => (
            <tr key={report.id} data-testid="report-row">
              <td>
                <AppLink to={`/reports/${report.id}`}>{report.title}</AppLink>
                {report.externalKey ? <div className="muted small">{report.externalKey}</div> : null}
              </td>
              <td>{report.bank ?? <span className="muted">—</span>}</td>
              <td>
                <code>
                  {report.packKey}@{report.packVersion}
                </code>
              </td>
              <td>
                <span className={`badge status-${report.status}`}>{report.status}</span>
              </td>
              <td>{report.latestVersion > 0 ? `v${report.latestVersion}` : '—'}</td>
              <td>{new Date(report.createdAt).toLocaleString('en-IN')}</td>
            </tr>
          ))}
          {list.data && items.length === 0 ? (
            <tr>
              <td colSpan={6} className="muted">
                No reports match.
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
      <div className="pager">
        <span id="reports-count" className="muted">
          {total === 0 ? 'No reports' : `${offset + 1}–${Math.min(offset + PAGE, total)} of ${total}`}
        </span>
        <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
          Previous
        </button>
        <button type="button" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
          Next
        </button>
      </div>
    </section>
  );
}
