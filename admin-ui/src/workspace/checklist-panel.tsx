import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../api/api-fetch';
import { StatusLine } from '../app/status-line';
import { kindLabel } from './evidence-kinds';
import { useChecklist } from './use-evidence';

/** The pack's evidence profile against the uploads, and detected document types to confirm. */
export function ChecklistPanel({ reportId, canWrite }: { reportId: string; canWrite: boolean }) {
  const client = useQueryClient();
  const checklist = useChecklist(reportId);
  const refresh = () => Promise.all(['checklist', 'evidence', 'audit'].map((name) => client.invalidateQueries({ queryKey: [name, reportId] })));
  const change = useMutation({
    mutationFn: ({ id, body }: { id: string; body: Record<string, unknown> }) => apiFetch(`/v1/evidence/${id}`, { method: 'PATCH', body }),
    onSettled: refresh,
  });
  // One move numbers every document afresh and refreshes once at the end: a list read between its writes would be half moved.
  const reorder = useMutation({
    mutationFn: async (ordered: readonly { evidenceId: string; order: number }[]) => {
      for (const [position, doc] of ordered.entries()) {
        if (doc.order !== position) await apiFetch(`/v1/evidence/${doc.evidenceId}`, { method: 'PATCH', body: { order: position } });
      }
    },
    onSettled: refresh,
  });
  const documents = [...(checklist.data?.documents ?? [])].sort((a, b) => a.order - b.order);
  const busy = change.isPending || reorder.isPending;

  const move = (index: number, direction: -1 | 1) => {
    const target = index + direction;
    if (target < 0 || target >= documents.length) return;
    const reordered = [...documents];
    [reordered[index], reordered[target]] = [reordered[target]!, reordered[index]!];
    reorder.mutate(reordered);
  };

  return (
    <section aria-labelledby="checklist-title">
      <h2 id="checklist-title">
        Checklist{' '}
        {checklist.data ? <span className={checklist.data.complete ? 'badge ok' : 'badge warn'}>{checklist.data.complete ? 'complete' : `${checklist.data.missing.length} missing`}</span> : null}
      </h2>
      <StatusLine pending={checklist.isPending} error={checklist.error ?? change.error ?? reorder.error} label="Comparing uploads with the pack's profile…" />
      <ul className="checklist">
        {(checklist.data?.items ?? []).map((item) => (
          <li key={item.kind} className={item.satisfied ? 'ok' : 'missing'}>
            <span aria-hidden="true">{item.satisfied ? '✔' : '○'}</span> {item.label}{' '}
            <span className="muted small">
              ({item.present} of at least {item.min}, {kindLabel(item.kind)})
            </span>
            <span className="visually-hidden">{item.satisfied ? 'present' : 'missing'}</span>
          </li>
        ))}
      </ul>
      {documents.length > 0 ? (
        <>
          <h3>Documents, in order of importance</h3>
          <ol className="documents">
            {documents.map((doc, index) => (
              <li key={doc.evidenceId}>
                <span className="name">{doc.filename}</span> <span className="muted small">{kindLabel(doc.kind)}</span>
                {doc.detectedKind && doc.detectedKind !== doc.kind ? (
                  <>
                    {' '}
                    <span className="badge warn">looks like {kindLabel(doc.detectedKind)}</span>
                    {canWrite ? (
                      <button type="button" disabled={busy} onClick={() => change.mutate({ id: doc.evidenceId, body: { kind: doc.detectedKind } })}>
                        Confirm
                      </button>
                    ) : null}
                  </>
                ) : null}
                {canWrite ? (
                  <span className="row-actions">
                    <button type="button" aria-label={`Move ${doc.filename} up`} disabled={busy || index === 0} onClick={() => move(index, -1)}>
                      ↑
                    </button>
                    <button type="button" aria-label={`Move ${doc.filename} down`} disabled={busy || index === documents.length - 1} onClick={() => move(index, 1)}>
                      ↓
                    </button>
                  </span>
                ) : null}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}
