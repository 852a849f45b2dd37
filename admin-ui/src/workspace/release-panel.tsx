import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { apiFetch, errorFromResponse } from '../api/api-fetch';
import type { Artifact, AuditEntry, Me, ReleaseGate, ReportCancelled, ReportDetail, ReportRelease } from '../api/api-types';
import { BillingErrorLine } from '../billing/billing-error-line';
import { invoiceLabel } from '../billing/invoice-label';
import { BILLING_ACCOUNT_QUERY_KEY } from '../billing/use-billing-account';
import { StatusLine } from '../app/status-line';

function gateText(gate: ReleaseGate | null, by: string): string {
  if (!gate || gate.mode === 'UNBILLED') return 'Released; this tenant is not billed.';
  if (gate.mode === 'CREDIT') return `Released: ${gate.consumed} ${gate.consumed === 1 ? 'credit' : 'credits'} consumed.`;
  if (gate.via === 'override') return `Released with an override by ${by} because ${gate.reason ?? '(no reason given)'}.`;
  return `Released: invoice ${invoiceLabel(gate.invoiceId)} is paid.`;
}

/**
 * Release the latest version through the billing gate (an admin may override an unpaid
 * invoice with a reason), then offer the released PDF; or cancel, which gives the credit back.
 */
export function ReleasePanel({ report, me, canWrite }: { report: ReportDetail; me: Me; canWrite: boolean }) {
  const client = useQueryClient();
  const [override, setOverride] = useState(false);
  const [overrideReason, setOverrideReason] = useState('');
  const [cancelReason, setCancelReason] = useState('');
  const [preview, setPreview] = useState<{ url: string; name: string } | null>(null);
  const releaseKey = useRef<string | null>(null);
  const cancelKey = useRef<string | null>(null);
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['report', report.id] }),
      client.invalidateQueries({ queryKey: ['audit', report.id] }),
      client.invalidateQueries({ queryKey: [BILLING_ACCOUNT_QUERY_KEY] }),
      client.invalidateQueries({ queryKey: ['billing-ledger'] }),
    ]);

  const release = useMutation({
    mutationFn: () => {
      releaseKey.current ??= crypto.randomUUID();
      const body = override ? { override: { reason: overrideReason.trim() } } : {};
      return apiFetch<ReportRelease>(`/v1/reports/${report.id}/release`, { method: 'POST', body, headers: { 'idempotency-key': releaseKey.current } });
    },
    onSuccess: () => {
      releaseKey.current = null;
      void refresh();
    },
    onError: () => {
      releaseKey.current = null;
    },
  });
  const cancel = useMutation({
    mutationFn: () => {
      cancelKey.current ??= crypto.randomUUID();
      return apiFetch<ReportCancelled>(`/v1/reports/${report.id}/cancel`, { method: 'POST', body: { reason: cancelReason.trim() }, headers: { 'idempotency-key': cancelKey.current } });
    },
    onSuccess: () => {
      cancelKey.current = null;
      void refresh();
    },
    onError: () => {
      cancelKey.current = null;
    },
  });

  const showPdf = useMutation({
    mutationFn: async (artifact: Artifact) => {
      const response = await fetch(`/v1/artifacts/${artifact.id}`, { credentials: 'same-origin' });
      if (!response.ok) throw await errorFromResponse(response);
      return { url: URL.createObjectURL(await response.blob()), name: artifact.filename };
    },
    onSuccess: (next) =>
      setPreview((old) => {
        if (old) URL.revokeObjectURL(old.url);
        return next;
      }),
  });
  useEffect(() => () => (preview ? URL.revokeObjectURL(preview.url) : undefined), [preview]);

  const latest = [...report.versions].sort((a, b) => b.n - a.n)[0];
  const released = report.status === 'released' || release.data !== undefined;
  const releasedPdf = release.data?.artifact ?? latest?.artifacts.find((artifact) => artifact.kind === 'pdf-released');
  const cancelled = report.status === 'cancelled' || cancel.data !== undefined;
  // After a reload, the audit entry of the release still tells what the gate answered and who released it.
  const releasedEntry = useQuery({
    queryKey: ['audit', report.id, 'report.released'],
    enabled: report.status === 'released' && release.data === undefined,
    queryFn: async () =>
      (await apiFetch<{ items: readonly AuditEntry[] }>(`/v1/audit?target=report:${report.id}&action=report.released&limit=1`)).items[0] ?? null,
  });
  const earlier = releasedEntry.data?.after as { version?: number; gate?: ReleaseGate | null } | undefined;
  const isAdmin = me.role === 'admin';
  const overrideReady = !override || overrideReason.trim().length >= 3;

  return (
    <section aria-labelledby="release-title">
      <h2 id="release-title">Release</h2>
      <p className="muted small">
        Releasing passes the billing gate (a prepaid credit is consumed, or the postpaid invoice must be paid) and stores the latest version’s PDF without its DRAFT watermark.
      </p>
      {!latest ? <p className="muted">Generate a version first: there is nothing to release yet.</p> : null}

      {release.data ? (
        <p className="card release-outcome" role="status" data-testid="release-outcome">
          {release.data.released ? gateText(release.data.gate, me.user.label) : `Already released (v${release.data.version}); nothing changed.`}
        </p>
      ) : released ? (
        <p className="card release-outcome" data-testid="release-outcome">
          {releasedEntry.data && earlier
            ? `${gateText(earlier.gate ?? null, releasedEntry.data.actorLabel)} (v${earlier.version ?? '?'}, by ${releasedEntry.data.actorLabel}, ${new Date(releasedEntry.data.createdAt).toLocaleString('en-IN')})`
            : `Released (v${latest?.n ?? '?'}).`}
        </p>
      ) : null}
      {cancel.data ? (
        <p className="card release-outcome" role="status" data-testid="cancel-outcome">
          Cancelled.{' '}
          {cancel.data.creditsReleased > 0
            ? `${cancel.data.creditsReleased} reserved ${cancel.data.creditsReleased === 1 ? 'credit was' : 'credits were'} given back to the account.`
            : 'No credit was held for it, so none was given back.'}
        </p>
      ) : cancelled ? (
        <p className="card release-outcome">This report is cancelled.</p>
      ) : null}

      {releasedPdf ? (
        <div className="row-actions" data-testid="released-pdf">
          <a className="button-like" href={`/v1/artifacts/${releasedPdf.id}`} download={releasedPdf.filename}>
            Download released PDF
          </a>
          <button type="button" onClick={() => showPdf.mutate(releasedPdf)} disabled={showPdf.isPending}>
            Preview released PDF
          </button>
          <span className="muted small">without the DRAFT watermark</span>
        </div>
      ) : null}

      {canWrite && latest && !released && !cancelled ? (
        <form
          className="card"
          onSubmit={(event) => {
            event.preventDefault();
            release.mutate();
          }}
        >
          {isAdmin ? (
            <>
              <label className="inline">
                <input type="checkbox" checked={override} onChange={(event) => setOverride(event.target.checked)} /> Release with an override (unpaid invoice)
              </label>
              {override ? (
                <>
                  <label htmlFor="override-reason">Reason for the override</label>
                  <textarea id="override-reason" required minLength={3} maxLength={2000} value={overrideReason} onChange={(event) => setOverrideReason(event.target.value)} />
                </>
              ) : null}
            </>
          ) : null}
          <div className="actions">
            <button type="submit" className="primary" disabled={release.isPending || !overrideReady}>
              {release.isPending ? 'Releasing…' : override ? `Release v${latest.n} with override` : `Release v${latest.n}`}
            </button>
          </div>
        </form>
      ) : null}
      <StatusLine pending={release.isPending} label="Passing the billing gate and stamping the PDF…" />
      <BillingErrorLine error={release.error} />

      {canWrite && !released && !cancelled ? (
        <form
          className="card"
          onSubmit={(event) => {
            event.preventDefault();
            cancel.mutate();
          }}
        >
          <label htmlFor="cancel-reason">Reason for cancelling</label>
          <textarea id="cancel-reason" required minLength={3} maxLength={2000} value={cancelReason} onChange={(event) => setCancelReason(event.target.value)} />
          <div className="actions">
            <button type="submit" disabled={cancel.isPending || cancelReason.trim().length < 3}>
              {cancel.isPending ? 'Cancelling…' : 'Cancel report'}
            </button>
            <span className="muted small">gives its reserved credit back and voids its unpaid invoice</span>
          </div>
        </form>
      ) : null}
      <BillingErrorLine error={cancel.error} />

      <StatusLine pending={showPdf.isPending} error={showPdf.error} label="Loading the PDF…" />
      {preview ? <iframe className="pdf-preview" title={`Preview of ${preview.name}`} src={preview.url} /> : null}
    </section>
  );
}
