import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { apiFetch, errorFromResponse } from '../api/api-fetch';
import type { Artifact, GenerationJob, ReportDetail } from '../api/api-types';
import { StatusLine } from '../app/status-line';
import { BillingErrorLine } from '../billing/billing-error-line';
import { BILLING_ACCOUNT_QUERY_KEY } from '../billing/use-billing-account';

const DONE = new Set(['completed', 'failed', 'cancelled']);

/** Generate (one Idempotency-Key per click, so a retried request never makes two jobs), watch the job, list the versions. */
export function GeneratePanel({ report, canWrite }: { report: ReportDetail; canWrite: boolean }) {
  const client = useQueryClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const keyRef = useRef<string | null>(null);
  const [preview, setPreview] = useState<{ url: string; name: string } | null>(null);

  const generate = useMutation({
    mutationFn: () => {
      keyRef.current ??= crypto.randomUUID();
      return apiFetch<{ jobId: string; created: boolean }>(`/v1/reports/${report.id}/generate`, { method: 'POST', headers: { 'idempotency-key': keyRef.current } });
    },
    onSuccess: (queued) => {
      keyRef.current = null;
      setJobId(queued.jobId);
    },
  });

  const job = useQuery({
    queryKey: ['job', jobId],
    enabled: jobId !== null,
    queryFn: () => apiFetch<GenerationJob>(`/v1/jobs/${jobId}`),
    refetchInterval: (query) => (query.state.data && DONE.has(query.state.data.state) ? false : 1000),
  });
  const finished = job.data && DONE.has(job.data.state);
  useEffect(() => {
    if (!finished) return;
    void Promise.all(['report', 'audit'].map((name) => client.invalidateQueries({ queryKey: [name, report.id] })));
    void client.invalidateQueries({ queryKey: [BILLING_ACCOUNT_QUERY_KEY] });
  }, [finished, client, report.id]);

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

  const versions = [...report.versions].sort((a, b) => b.n - a.n);
  // The job reports each step as started, then done or failed, across its attempts: show each step once, in its latest state.
  const steps = [...new Map((job.data?.progress ?? []).map((step) => [step.step, step])).values()];
  return (
    <section aria-labelledby="generate-title">
      <h2 id="generate-title">Generate</h2>
      {canWrite ? (
        <button type="button" className="primary" onClick={() => generate.mutate()} disabled={generate.isPending || (job.data !== undefined && !finished)}>
          {generate.isPending ? 'Queueing…' : `Generate v${(versions[0]?.n ?? 0) + 1}`}
        </button>
      ) : null}
      {!report.readiness.ready ? <p className="muted small">The report is not ready: it will generate with its warnings and gaps marked.</p> : null}
      <StatusLine pending={generate.isPending} label="Queueing the generation…" />
      <BillingErrorLine error={generate.error} />
      {job.data ? (
        <div className="card job" aria-live="polite" data-testid="job">
          <p>
            Job <span className={`badge state-${job.data.state}`}>{job.data.state}</span> {!finished ? <span className="spinner" aria-label="working" /> : null}
          </p>
          <progress value={steps.filter((step) => step.state === 'done').length} max={Math.max(steps.length, 1)} aria-label="Generation progress" />
          <ol className="steps">
            {steps.map((step, index) => (
              <li key={`${step.step}-${index}`} className={`step-${step.state}`}>
                {step.step}: {step.state}
                {step.code !== undefined ? <span className="muted small"> [{step.code}]</span> : null}
                {step.ms !== undefined ? <span className="muted small"> ({Math.round(step.ms)} ms)</span> : null}
              </li>
            ))}
          </ol>
          {job.data.error ? (
            <p className="error" role="alert">
              {job.data.error.message} [{job.data.error.code}]
            </p>
          ) : null}
        </div>
      ) : null}
      <StatusLine error={job.error} />
      <h3>Versions</h3>
      {versions.length === 0 ? <p className="muted">No version generated yet.</p> : null}
      <ul className="versions">
        {versions.map((version) => (
          <li key={version.id} data-testid="version">
            <strong>v{version.n}</strong> <span className="muted small">{new Date(version.createdAt).toLocaleString('en-IN')} by {version.createdBy} · {version.packKey}@{version.packVersion}</span>
            {version.warnings.length > 0 ? <span className="badge warn">{version.warnings.length} warning(s)</span> : null}
            <div className="row-actions">
              {version.artifacts
                .filter((artifact) => artifact.kind !== 'trace')
                .map((artifact) => (
                  <a key={artifact.id} className="button-like" href={`/v1/artifacts/${artifact.id}`} download={artifact.filename}>
                    {artifact.kind === 'pdf-released' ? 'Download released PDF' : `Download ${artifact.kind.toUpperCase()}`}
                  </a>
                ))}
              {version.artifacts
                .filter((artifact) => artifact.kind === 'pdf')
                .map((artifact) => (
                  <button key={`preview-${artifact.id}`} type="button" onClick={() => showPdf.mutate(artifact)} disabled={showPdf.isPending}>
                    Preview PDF
                  </button>
                ))}
            </div>
          </li>
        ))}
      </ul>
      <StatusLine pending={showPdf.isPending} error={showPdf.error} label="Loading the PDF…" />
      {preview ? <iframe className="pdf-preview" title={`Preview of ${preview.name}`} src={preview.url} /> : null}
    </section>
  );
}
