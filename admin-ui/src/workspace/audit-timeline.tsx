import { useInfiniteQuery } from '@tanstack/react-query';
import { apiFetch } from '../api/api-fetch';
import type { AuditEntry } from '../api/api-types';
import { StatusLine } from '../app/status-line';
import { formatValue } from './format-value';

interface AuditPage {
  readonly items: AuditEntry[];
  readonly nextBefore: number | null;
}

function change(entry: AuditEntry): string {
  const before = entry.before as { field?: string; value?: unknown } | null;
  const after = entry.after as { field?: string; value?: unknown } | null;
  if (after && typeof after === 'object' && 'field' in after) return `${after.field}: ${formatValue(before?.value)} → ${formatValue(after.value)}`;
  if (after === null || after === undefined || typeof after !== 'object') return after == null ? '' : formatValue(after);
  return Object.entries(after)
    .map(([key, value]) => `${key}: ${formatValue(value)}`)
    .join(' · ')
    .slice(0, 300);
}

/** Who changed what, when and why, newest first. */
export function AuditTimeline({ reportId }: { reportId: string }) {
  const audit = useInfiniteQuery({
    queryKey: ['audit', reportId],
    initialPageParam: null as number | null,
    queryFn: ({ pageParam }) =>
      apiFetch<AuditPage>(`/v1/audit?target=${encodeURIComponent(`report:${reportId}`)}&limit=50${pageParam ? `&before=${pageParam}` : ''}`),
    getNextPageParam: (last) => last.nextBefore,
  });
  const entries = audit.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">Audit timeline</h2>
      <StatusLine pending={audit.isPending} error={audit.error} label="Loading the audit log…" />
      <ol className="timeline">
        {entries.map((entry) => (
          <li key={entry.id}>
            <time dateTime={entry.createdAt}>{new Date(entry.createdAt).toLocaleString('en-IN')}</time> <strong>{entry.actorLabel}</strong> <code>{entry.action}</code>
            <div className="small">{change(entry)}</div>
            {entry.reason ? <div className="small reason">Reason: {entry.reason}</div> : null}
          </li>
        ))}
        {audit.data && entries.length === 0 ? <li className="muted">Nothing recorded yet.</li> : null}
      </ol>
      {audit.hasNextPage ? (
        <button type="button" onClick={() => void audit.fetchNextPage()} disabled={audit.isFetchingNextPage}>
          {audit.isFetchingNextPage ? 'Loading…' : 'Older entries'}
        </button>
      ) : null}
    </section>
  );
}
