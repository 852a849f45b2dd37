import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { apiFetch } from '../api/api-fetch';
import type { Me, PackRequest, PackRequestStatus } from '../api/api-types';
import { StatusLine } from '../app/status-line';
import { usePacks } from '../reports/use-packs';

const QUERY_KEY = ['pack-requests'] as const;
const STATUS_LABELS: Record<PackRequestStatus, string> = {
  submitted: 'submitted',
  in_progress: 'in progress',
  delivered: 'delivered',
  declined: 'declined',
};
const NEXT: Record<PackRequestStatus, readonly PackRequestStatus[]> = {
  submitted: ['in_progress', 'declined'],
  in_progress: ['delivered', 'declined', 'submitted'],
  delivered: ['in_progress'],
  declined: ['submitted'],
};

function NewRequestForm() {
  const client = useQueryClient();
  const packs = usePacks();
  const [title, setTitle] = useState('');
  const [basePackKey, setBasePackKey] = useState('');
  const [differences, setDifferences] = useState('');
  const [samples, setSamples] = useState('');
  const create = useMutation({
    mutationFn: () =>
      apiFetch<PackRequest>('/v1/pack-requests', {
        method: 'POST',
        body: {
          title: title.trim(),
          differences: differences.trim(),
          ...(basePackKey ? { basePackKey } : {}),
          sampleFiles: samples.split('\n').map((line) => line.trim()).filter(Boolean),
        },
      }),
    onSuccess: () => {
      setTitle('');
      setDifferences('');
      setSamples('');
      return client.invalidateQueries({ queryKey: QUERY_KEY });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="new-request-title">
      <h2 id="new-request-title">Ask for your own format</h2>
      <div className="grid-2">
        <div>
          <label htmlFor="request-title">Title</label>
          <input id="request-title" required maxLength={300} value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Our home-loan valuation format" />
        </div>
        <div>
          <label htmlFor="request-base">Start from pack</label>
          <select id="request-base" value={basePackKey} onChange={(e) => setBasePackKey(e.target.value)}>
            <option value="">No base pack</option>
            {(packs.data ?? []).map((pack) => (
              <option key={pack.key} value={pack.key}>
                {pack.title} ({pack.key})
              </option>
            ))}
          </select>
        </div>
      </div>
      <label htmlFor="request-differences">What differs from the base pack</label>
      <textarea id="request-differences" required maxLength={20000} value={differences} onChange={(e) => setDifferences(e.target.value)} placeholder="Clauses, tables, cover page, annexures…" />
      <label htmlFor="request-samples">Sample reports you will share (one file name a line)</label>
      <textarea id="request-samples" value={samples} onChange={(e) => setSamples(e.target.value)} placeholder="sample-report-2025.docx" />
      <div className="actions">
        <button type="submit" className="primary" disabled={create.isPending || !title.trim() || !differences.trim()}>
          {create.isPending ? 'Sending…' : 'Send request'}
        </button>
      </div>
      <StatusLine pending={create.isPending} error={create.error} label="Sending the request…" />
    </form>
  );
}

function StatusControl({ request }: { request: PackRequest }) {
  const client = useQueryClient();
  const [status, setStatus] = useState<PackRequestStatus | ''>('');
  const [note, setNote] = useState('');
  const change = useMutation({
    mutationFn: () =>
      apiFetch<PackRequest>(`/v1/pack-requests/${request.id}/status`, { method: 'POST', body: { status, ...(note.trim() ? { note: note.trim() } : {}) } }),
    onSuccess: () => {
      setStatus('');
      setNote('');
      return client.invalidateQueries({ queryKey: QUERY_KEY });
    },
  });
  return (
    <form
      className="override"
      onSubmit={(event) => {
        event.preventDefault();
        change.mutate();
      }}
    >
      <label htmlFor={`status-${request.id}`}>Move to</label>
      <select id={`status-${request.id}`} value={status} onChange={(e) => setStatus(e.target.value as PackRequestStatus)}>
        <option value="">—</option>
        {NEXT[request.status].map((next) => (
          <option key={next} value={next}>
            {STATUS_LABELS[next]}
          </option>
        ))}
      </select>
      <label htmlFor={`note-${request.id}`} className="visually-hidden">
        Note for the bank
      </label>
      <input id={`note-${request.id}`} value={note} onChange={(e) => setNote(e.target.value)} placeholder="Note for the bank" />
      <button type="submit" disabled={!status || change.isPending}>
        {change.isPending ? 'Saving…' : 'Update'}
      </button>
      <StatusLine error={change.error} />
    </form>
  );
}

/** A bank's custom pack requests and their status; the firm answers them here. */
export function PackRequestsScreen({ me }: { me: Me }) {
  const requests = useQuery({ queryKey: QUERY_KEY, queryFn: async () => (await apiFetch<{ items: PackRequest[] }>('/v1/pack-requests')).items });
  const isFirm = me.tenant.kind === 'firm';
  const canAsk = me.role === 'bank' || (me.role === 'admin' && !isFirm);
  const canAnswer = isFirm && (me.role === 'admin' || me.role === 'author');
  return (
    <section aria-labelledby="requests-title">
      <div className="screen-head">
        <h1 id="requests-title">Custom pack requests</h1>
      </div>
      {canAsk ? <NewRequestForm /> : null}
      <StatusLine pending={requests.isFetching} error={requests.error} label="Loading requests…" />
      <ul className="versions" aria-label="Requests">
        {(requests.data ?? []).map((request) => (
          <li key={request.id} data-testid="pack-request">
            <strong>{request.title}</strong> <span className={`badge request-${request.status}`}>{STATUS_LABELS[request.status]}</span>
            <div className="muted small">
              {request.basePackKey ? <>from <code>{request.basePackKey}</code> · </> : null}
              asked by {request.createdBy} on {new Date(request.createdAt).toLocaleString('en-IN')}
              {request.deliveredPackKey ? (
                <>
                  {' '}
                  · delivered as <code>{request.deliveredPackKey}</code>
                </>
              ) : null}
            </div>
            <p className="small">{request.differences}</p>
            {request.sampleFiles.length > 0 ? <p className="small muted">Samples: {request.sampleFiles.join(', ')}</p> : null}
            {request.statusNote ? <p className="small reason">Firm’s note: {request.statusNote}</p> : null}
            {canAnswer ? <StatusControl request={request} /> : null}
          </li>
        ))}
        {requests.data?.length === 0 ? <li className="muted">No requests yet.</li> : null}
      </ul>
    </section>
  );
}
