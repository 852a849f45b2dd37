import { lazy, Suspense, useMemo, useState } from 'react';
import type { Me } from '../api/api-types';
import { AppLink } from '../app/app-link';
import { StatusLine } from '../app/status-line';
import { AuditTimeline } from './audit-timeline';
import { ChecklistPanel } from './checklist-panel';
import { GeneratePanel } from './generate-panel';
import { ProposalsPanel } from './proposals-panel';
import { ReleasePanel } from './release-panel';
import type { FieldFocus } from './report-form';
import { UploadHub } from './upload-hub';
import { usePackVersion, useReport } from './use-report';
import { ValuesPanel } from './values-panel';

/** The generated form carries rjsf and Ajv: loaded when the operator first opens it. */
const ReportForm = lazy(() => import('./report-form').then((module) => ({ default: module.ReportForm })));

/** The firm's flow: upload first, confirm, review what was read, type the rest, check, generate, release. */
const STEPS = [
  { id: 'upload', label: '1. Upload' },
  { id: 'checklist', label: '2. Checklist' },
  { id: 'review', label: '3. Auto-filled review' },
  { id: 'form', label: '4. Manual inputs' },
  { id: 'values', label: '5. Values' },
  { id: 'generate', label: '6. Generate' },
  { id: 'release', label: '7. Release' },
  { id: 'audit', label: 'Audit' },
] as const;
type Step = (typeof STEPS)[number]['id'];

export function ReportWorkspace({ reportId, me }: { reportId: string; me: Me }) {
  const report = useReport(reportId);
  const pack = usePackVersion(report.data?.packKey, report.data?.packVersion);
  const [step, setStep] = useState<Step>('upload');
  const [focus, setFocus] = useState<FieldFocus | undefined>();
  const canWrite = me.role === 'admin' || me.role === 'operator';
  const reasonRequired = useMemo(() => new Set(pack.data?.reasonRequired ?? []), [pack.data]);

  if (report.isPending) return <StatusLine pending label="Loading the report (computing its values)…" />;
  if (report.error) {
    return (
      <section>
        <StatusLine error={report.error} />
        <AppLink to="/reports">Back to reports</AppLink>
      </section>
    );
  }
  const data = report.data;
  const goToField = (pointer: string) => {
    setStep('form');
    setFocus({ pointer, at: Date.now() });
  };

  return (
    <section aria-labelledby="report-title" className="workspace">
      <div className="screen-head">
        <div>
          <AppLink to="/reports" className="small">
            ← Reports
          </AppLink>
          <h1 id="report-title">{data.title}</h1>
          <p className="muted small">
            <code>
              {data.packKey}@{data.packVersion}
            </code>{' '}
            · <span className={`badge status-${data.status}`}>{data.status}</span>
            {data.externalKey ? ` · ${data.externalKey}` : ''}
            {data.bank ? <span data-testid="report-bank"> · for {data.bank}</span> : null}
            {data.expectedValue !== null ? ` · expected value ₹${data.expectedValue.toLocaleString('en-IN')}` : ''} · {data.warnings.length} warning(s) · {data.readiness.ready ? 'ready' : 'not ready'}
            {report.isFetching ? ' · refreshing…' : ''}
          </p>
        </div>
      </div>
      <nav className="steps-nav" aria-label="Report steps">
        {STEPS.map((s) => (
          <button key={s.id} type="button" className={s.id === step ? 'active' : ''} aria-current={s.id === step ? 'step' : undefined} onClick={() => setStep(s.id)}>
            {s.label}
          </button>
        ))}
      </nav>
      <div className="step-body">
        {step === 'upload' ? <UploadHub reportId={reportId} canWrite={canWrite} /> : null}
        {step === 'checklist' ? <ChecklistPanel reportId={reportId} canWrite={canWrite} /> : null}
        {step === 'review' ? <ProposalsPanel reportId={reportId} canWrite={canWrite} reasonRequired={reasonRequired} /> : null}
        {step === 'form' ? (
          pack.data ? (
            <Suspense fallback={<StatusLine pending label="Loading the form…" />}>
              <ReportForm report={data} pack={pack.data} focus={focus} canWrite={canWrite} />
            </Suspense>
          ) : (
            <StatusLine pending={pack.isPending} error={pack.error} label="Loading the pack's form…" />
          )
        ) : null}
        {step === 'values' ? <ValuesPanel report={data} onField={goToField} /> : null}
        {step === 'generate' ? <GeneratePanel report={data} canWrite={canWrite} /> : null}
        {step === 'release' ? <ReleasePanel report={data} me={me} canWrite={canWrite} /> : null}
        {step === 'audit' ? <AuditTimeline reportId={reportId} /> : null}
      </div>
    </section>
  );
}
