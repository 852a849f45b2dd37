import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type DragEvent } from 'react';
import { messageOf } from '../api/api-error';
import { apiFetch } from '../api/api-fetch';
import type { Evidence } from '../api/api-types';
import { uploadWithProgress } from '../api/upload-with-progress';
import { StatusLine } from '../app/status-line';
import { EVIDENCE_KINDS, kindLabel } from './evidence-kinds';
import { useEvidence } from './use-evidence';

interface QueuedUpload {
  readonly key: string;
  readonly name: string;
  readonly size: number;
  progress: number;
  state: 'uploading' | 'done' | 'refused';
  message?: string;
}

/** Drag and drop many files; each goes up on its own so one refused file does not stop the rest. */
export function UploadHub({ reportId, canWrite }: { reportId: string; canWrite: boolean }) {
  const client = useQueryClient();
  const evidence = useEvidence(reportId);
  const [queue, setQueue] = useState<QueuedUpload[]>([]);
  const [kind, setKind] = useState('');
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const refresh = () =>
    Promise.all(['evidence', 'checklist', 'proposals', 'report', 'audit'].map((name) => client.invalidateQueries({ queryKey: [name, reportId] })));

  const update = (key: string, change: Partial<QueuedUpload>) => setQueue((items) => items.map((item) => (item.key === key ? { ...item, ...change } : item)));

  const send = async (files: File[]) => {
    const batch = files.map((file, index) => ({ key: `${Date.now()}-${index}-${file.name}`, name: file.name, size: file.size, progress: 0, state: 'uploading' as const, file }));
    setQueue((items) => [...batch.map(({ file: _file, ...rest }) => rest), ...items]);
    await Promise.all(
      batch.map(async ({ key, file }) => {
        const form = new FormData();
        if (kind) form.append('kind', kind);
        form.append('files', file, file.name);
        try {
          const answer = await uploadWithProgress<{ items: Evidence[] }>({ url: `/v1/reports/${reportId}/evidence`, body: form, onProgress: (progress) => update(key, { progress }) });
          update(key, { state: 'done', progress: 1, message: answer.items[0]?.duplicate ? 'Already uploaded (same bytes)' : undefined });
          // Each file's thumbnail appears as it lands, not when the slowest of the batch does.
          void client.invalidateQueries({ queryKey: ['evidence', reportId] });
        } catch (error) {
          update(key, { state: 'refused', message: messageOf(error) });
        }
      }),
    );
    await refresh();
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (canWrite && event.dataTransfer.files.length > 0) void send([...event.dataTransfer.files]);
  };

  const change = useMutation({
    mutationFn: ({ id, body }: { id: string; body: Record<string, unknown> }) => apiFetch<Evidence>(`/v1/evidence/${id}`, { method: 'PATCH', body }),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: string) => apiFetch<undefined>(`/v1/evidence/${id}`, { method: 'DELETE' }),
    onSettled: refresh,
  });

  // One move numbers the kind's items afresh and refreshes once at the end: a list read between its writes would be half moved.
  const reorder = useMutation({
    mutationFn: async (ordered: readonly Evidence[]) => {
      for (const [position, other] of ordered.entries()) {
        if (other.order !== position) await apiFetch<Evidence>(`/v1/evidence/${other.id}`, { method: 'PATCH', body: { order: position } });
      }
    },
    onSettled: refresh,
  });
  const busy = change.isPending || reorder.isPending;

  /** Swaps an item with its neighbour among the items of the same kind. */
  const move = (item: Evidence, direction: -1 | 1) => {
    const sameKind = (evidence.data ?? []).filter((other) => other.kind === item.kind);
    const index = sameKind.findIndex((other) => other.id === item.id);
    const target = index + direction;
    if (target < 0 || target >= sameKind.length) return;
    const reordered = [...sameKind];
    [reordered[index], reordered[target]] = [reordered[target]!, reordered[index]!];
    reorder.mutate(reordered);
  };

  const items = evidence.data ?? [];
  return (
    <section aria-labelledby="upload-title" className="upload-hub">
      <h2 id="upload-title">Upload hub</h2>
      {canWrite ? (
        <>
          <div className="grid-2">
            <div>
              <label htmlFor="upload-kind">File the next uploads as</label>
              <select id="upload-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
                <option value="">Detect from the file (photos: exterior, PDFs: document)</option>
                {EVIDENCE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {kindLabel(k)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div
            className={over ? 'drop-zone over' : 'drop-zone'}
            onDragOver={(event) => {
              event.preventDefault();
              setOver(true);
            }}
            onDragLeave={() => setOver(false)}
            onDrop={onDrop}
            data-testid="drop-zone"
          >
            <p>Drop photos, screenshots and documents here</p>
            <label htmlFor="upload-input" className="button-like">
              or choose files…
            </label>
            <input
              id="upload-input"
              ref={input}
              className="visually-hidden-input"
              type="file"
              multiple
              accept="image/jpeg,image/png,image/webp,application/pdf"
              onChange={(event) => {
                const files = [...(event.target.files ?? [])];
                if (input.current) input.current.value = '';
                if (files.length > 0) void send(files);
              }}
            />
          </div>
        </>
      ) : null}
      {queue.length > 0 ? (
        <ul className="upload-queue" aria-label="Uploads">
          {queue.map((item) => (
            <li key={item.key} className={`upload-${item.state}`}>
              <span className="name">{item.name}</span>
              <progress value={item.progress} max={1} aria-label={`Upload of ${item.name}`} />
              <span className="state">{item.state === 'uploading' ? `${Math.round(item.progress * 100)}%` : item.state === 'done' ? 'Uploaded' : 'Refused'}</span>
              {item.message ? (
                <span className={item.state === 'refused' ? 'error small' : 'muted small'} role={item.state === 'refused' ? 'alert' : undefined}>
                  {item.message}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <StatusLine pending={evidence.isPending} error={evidence.error ?? change.error ?? reorder.error ?? remove.error} label="Loading evidence…" />
      <ul className="evidence-grid" aria-label="Evidence">
        {items.map((item) => (
          <li key={item.id} className={item.excluded ? 'evidence excluded' : 'evidence'} data-testid="evidence-item">
            {item.mime.startsWith('image/') ? (
              <img src={`/v1/evidence/${item.id}/thumbnail`} alt={`Thumbnail of ${item.filename}`} loading="lazy" width={160} height={120} />
            ) : (
              <div className="thumb-doc" aria-hidden="true">
                PDF{item.pages ? ` · ${item.pages} p.` : ''}
              </div>
            )}
            <div className="evidence-meta">
              <span className="name" title={item.filename}>
                {item.filename}
              </span>
              <label htmlFor={`kind-${item.id}`} className="small">
                Kind
              </label>
              <select id={`kind-${item.id}`} value={item.kind} disabled={!canWrite || busy} onChange={(e) => change.mutate({ id: item.id, body: { kind: e.target.value } })}>
                {EVIDENCE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {kindLabel(k)}
                  </option>
                ))}
              </select>
              <span className="small muted">
                {item.ocr.status === 'queued' ? (
                  <>
                    <span className="spinner" aria-hidden="true" /> reading text…
                  </>
                ) : item.ocr.status === 'done' ? (
                  `read${item.ocr.confidence !== null ? ` (${Math.round(item.ocr.confidence * 100)}%)` : ''}${item.ocr.detectedKind ? `, looks like ${kindLabel(item.ocr.detectedKind)}` : ''}`
                ) : item.ocr.status === 'failed' ? (
                  'text could not be read'
                ) : null}
                {item.exif.lat !== null && item.exif.long !== null ? ` · GPS ${item.exif.lat.toFixed(5)}, ${item.exif.long.toFixed(5)}` : ''}
              </span>
              {canWrite ? (
                <div className="row-actions">
                  <button type="button" aria-label={`Move ${item.filename} earlier`} onClick={() => move(item, -1)} disabled={busy}>
                    ↑
                  </button>
                  <button type="button" aria-label={`Move ${item.filename} later`} onClick={() => move(item, 1)} disabled={busy}>
                    ↓
                  </button>
                  <label className="inline small">
                    <input type="checkbox" checked={item.excluded} onChange={(e) => change.mutate({ id: item.id, body: { excluded: e.target.checked } })} /> leave out
                  </label>
                  <button type="button" className="danger" onClick={() => remove.mutate(item.id)} disabled={remove.isPending}>
                    Delete
                  </button>
                </div>
              ) : null}
            </div>
          </li>
        ))}
        {evidence.data && items.length === 0 ? <li className="muted">No evidence yet.</li> : null}
      </ul>
    </section>
  );
}
