import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../api/api-error';
import { apiFetch } from '../api/api-fetch';
import type { Proposal } from '../api/api-types';
import { StatusLine } from '../app/status-line';
import { formatValue } from './format-value';
import { ProposalSource } from './proposal-source';
import { ReasonPrompt } from './reason-prompt';
import { useEvidence, useProposals } from './use-evidence';

interface Decision {
  readonly proposal: Proposal;
  readonly value?: unknown;
  readonly reason?: string;
}

/** Values read from the evidence (OCR, EXIF), beside the image region they came from, with confidence. */
export function ProposalsPanel({ reportId, canWrite, reasonRequired }: { reportId: string; canWrite: boolean; reasonRequired: ReadonlySet<string> }) {
  const client = useQueryClient();
  const evidence = useEvidence(reportId);
  const ocrPending = (evidence.data ?? []).some((item) => item.ocr.status === 'queued');
  const proposals = useProposals(reportId, ocrPending);
  const [overriding, setOverriding] = useState<string | null>(null);
  const [overrideText, setOverrideText] = useState('');
  const [asking, setAsking] = useState<Decision | null>(null);

  const refresh = () => Promise.all(['proposals', 'report', 'audit'].map((name) => client.invalidateQueries({ queryKey: [name, reportId] })));
  const accept = useMutation({
    mutationFn: (decision: Decision) =>
      apiFetch(`/v1/proposals/${decision.proposal.id}/accept`, {
        method: 'POST',
        body: { ...(decision.value !== undefined ? { value: decision.value } : {}), ...(decision.reason ? { reason: decision.reason } : {}) },
      }),
    onSuccess: () => {
      setAsking(null);
      setOverriding(null);
      return refresh();
    },
    onError: (error, decision) => {
      if (error instanceof ApiError && error.code === 'REASON_REQUIRED') setAsking(decision);
    },
  });
  const reject = useMutation({
    mutationFn: (id: string) => apiFetch(`/v1/proposals/${id}/reject`, { method: 'POST' }),
    onSuccess: refresh,
  });
  const byId = new Map((evidence.data ?? []).map((item) => [item.id, item]));
  const items = proposals.data ?? [];
  const open = items.filter((p) => p.status === 'proposed');

  const overrideValue = (proposal: Proposal): unknown => (typeof proposal.value === 'number' ? Number(overrideText) : overrideText);
  const decide = (decision: Decision) => {
    if (decision.value !== undefined && reasonRequired.has(decision.proposal.field) && !decision.reason) setAsking(decision);
    else accept.mutate(decision);
  };

  return (
    <section aria-labelledby="proposals-title">
      <h2 id="proposals-title">Auto-filled review</h2>
      {ocrPending ? <StatusLine pending label="Reading the GPS photos and screenshots…" /> : null}
      <StatusLine pending={proposals.isPending} error={proposals.error ?? (accept.error instanceof ApiError && accept.error.code === 'REASON_REQUIRED' ? undefined : accept.error) ?? reject.error} label="Loading proposals…" />
      {proposals.data && items.length === 0 && !ocrPending ? <p className="muted">Nothing proposed yet: upload GPS-camera photos and guideline screenshots.</p> : null}
      {canWrite && open.length > 1 ? (
        <button type="button" onClick={() => void Promise.all(open.map((proposal) => accept.mutateAsync({ proposal }).catch(() => undefined)))} disabled={accept.isPending}>
          Accept all {open.length} proposals
        </button>
      ) : null}
      <ul className="proposals">
        {items.map((proposal) => {
          const source = byId.get(proposal.evidenceId);
          return (
            <li key={proposal.id} className={`proposal proposal-${proposal.status}`} data-testid="proposal">
              {source?.mime.startsWith('image/') ? <ProposalSource evidence={source} region={proposal.region} field={proposal.field} /> : null}
              <div className="proposal-body">
                <p>
                  <code>{proposal.field}</code> = <strong>{formatValue(proposal.value)}</strong>
                </p>
                <p className="small">
                  <label htmlFor={`conf-${proposal.id}`}>Confidence {Math.round(proposal.confidence * 100)}%</label>{' '}
                  <meter id={`conf-${proposal.id}`} min={0} max={1} low={0.6} high={0.85} optimum={1} value={proposal.confidence} /> · {proposal.source}
                  {source ? ` · ${source.filename}` : ''}
                </p>
                {proposal.sourceText ? <blockquote className="small">“{proposal.sourceText}”</blockquote> : null}
                {proposal.warnings.map((w) => (
                  <p key={w.code} className="warn small">
                    {w.message}
                  </p>
                ))}
                {proposal.status !== 'proposed' ? (
                  <p className="small muted">
                    {proposal.status} {proposal.decidedBy ? `by ${proposal.decidedBy}` : ''}
                  </p>
                ) : canWrite ? (
                  <div className="row-actions">
                    <button type="button" className="primary" onClick={() => decide({ proposal })} disabled={accept.isPending}>
                      Accept
                    </button>
                    <button type="button" onClick={() => reject.mutate(proposal.id)} disabled={reject.isPending}>
                      Reject
                    </button>
                    <button
                      type="button"
                      onClick={() => {
                        setOverriding(proposal.id);
                        setOverrideText(formatValue(proposal.value).replace(/,/g, ''));
                      }}
                    >
                      Override…
                    </button>
                  </div>
                ) : null}
                {overriding === proposal.id ? (
                  <form
                    className="override"
                    onSubmit={(event) => {
                      event.preventDefault();
                      decide({ proposal, value: overrideValue(proposal) });
                    }}
                  >
                    <label htmlFor={`override-${proposal.id}`}>Your value for {proposal.field}</label>
                    <input id={`override-${proposal.id}`} value={overrideText} onChange={(e) => setOverrideText(e.target.value)} autoFocus />
                    <button type="submit" className="primary">
                      Use my value
                    </button>
                    <button type="button" onClick={() => setOverriding(null)}>
                      Cancel
                    </button>
                  </form>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
      {asking ? (
        <ReasonPrompt fields={[asking.proposal.field]} pending={accept.isPending} onSubmit={(reason) => accept.mutate({ ...asking, reason })} onCancel={() => setAsking(null)} />
      ) : null}
    </section>
  );
}
