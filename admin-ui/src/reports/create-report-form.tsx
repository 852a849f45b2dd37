import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { apiFetch } from '../api/api-fetch';
import type { PackSelection, ReportSummary } from '../api/api-types';
import { StatusLine } from '../app/status-line';
import { navigate } from '../app/use-route';
import { usePacks } from './use-packs';

/** Create a report: the host's selection rule suggests a pack from bank and expected value. */
export function CreateReportForm({ onCancel }: { onCancel: () => void }) {
  const client = useQueryClient();
  const packs = usePacks();
  const [title, setTitle] = useState('');
  const [externalKey, setExternalKey] = useState('');
  const [bank, setBank] = useState('');
  const [value, setValue] = useState('');
  const [family, setFamily] = useState('valuation');
  const [packKey, setPackKey] = useState('');
  const usable = (packs.data ?? []).filter((pack) => pack.latest !== null);

  const expectedValue = value !== '' && Number.isFinite(Number(value)) && Number(value) >= 0 ? Math.round(Number(value)) : undefined;

  const suggestion = useQuery({
    queryKey: ['pack-select', family, bank.trim(), expectedValue],
    enabled: bank.trim() !== '' || value !== '',
    queryFn: () => {
      const query = new URLSearchParams({ family });
      if (bank.trim()) query.set('bank', bank.trim());
      if (expectedValue !== undefined) query.set('value', String(expectedValue));
      return apiFetch<PackSelection>(`/v1/packs/select?${query.toString()}`);
    },
  });

  const create = useMutation({
    mutationFn: () =>
      apiFetch<ReportSummary>('/v1/reports', {
        method: 'POST',
        // The bank and the expected value chose the pack; the report keeps them for its list and summary.
        body: {
          packKey,
          title: title.trim(),
          ...(externalKey.trim() ? { externalKey: externalKey.trim() } : {}),
          ...(bank.trim() ? { bank: bank.trim() } : {}),
          ...(expectedValue !== undefined ? { expectedValue } : {}),
        },
      }),
    onSuccess: async (report) => {
      await client.invalidateQueries({ queryKey: ['reports'] });
      navigate(`/reports/${report.id}`);
    },
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const suggested = suggestion.data?.pack;

  return (
    <form className="card create-report" onSubmit={onSubmit} aria-labelledby="create-title">
      <h2 id="create-title">New report</h2>
      <div className="grid-2">
        <div>
          <label htmlFor="new-title">Title</label>
          <input id="new-title" required maxLength={300} value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Valuation of Plot 17, Nashik" />
        </div>
        <div>
          <label htmlFor="new-external">Assignment key (optional)</label>
          <input id="new-external" maxLength={200} value={externalKey} onChange={(e) => setExternalKey(e.target.value)} placeholder="v1:assignment:123" />
        </div>
        <div>
          <label htmlFor="new-family">Assignment</label>
          <select id="new-family" value={family} onChange={(e) => setFamily(e.target.value)}>
            <option value="valuation">Property valuation</option>
            <option value="project-finance">Project finance (DPR, stage progress, TEV)</option>
            <option value="custom">A bank's custom format</option>
          </select>
        </div>
        <div>
          <label htmlFor="new-bank">Bank</label>
          <input id="new-bank" value={bank} onChange={(e) => setBank(e.target.value)} placeholder="State Bank of India" />
        </div>
        <div>
          <label htmlFor="new-value">Expected value (₹)</label>
          <input id="new-value" type="number" min={0} step={1} value={value} onChange={(e) => setValue(e.target.value)} placeholder="12500000" />
        </div>
      </div>
      <StatusLine pending={suggestion.isFetching} error={suggestion.error} label="Asking the selection rule…" />
      {suggested ? (
        <div className="suggestion" role="status" data-testid="pack-suggestion">
          <p>
            Suggested: <strong>{suggested.title}</strong> <code>{suggested.key}@{suggested.version}</code>
          </p>
          <p className="muted">{suggestion.data?.reason}</p>
          <button type="button" onClick={() => setPackKey(suggested.key)}>
            Use this pack
          </button>
        </div>
      ) : suggestion.data ? (
        <p className="muted">{suggestion.data.reason ?? 'No pack fits; choose one below.'}</p>
      ) : null}
      <label htmlFor="new-pack">Pack</label>
      <select id="new-pack" required value={packKey} onChange={(e) => setPackKey(e.target.value)}>
        <option value="">Choose a pack…</option>
        {usable.map((pack) => (
          <option key={pack.key} value={pack.key}>
            {pack.title} ({pack.key}@{pack.latest})
          </option>
        ))}
      </select>
      <StatusLine pending={packs.isPending} error={packs.error} label="Loading packs…" />
      <div className="actions">
        <button type="submit" className="primary" disabled={create.isPending || !packKey || !title.trim()}>
          {create.isPending ? 'Creating…' : 'Create report'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <StatusLine pending={create.isPending} error={create.error} label="Creating the report…" />
    </form>
  );
}
