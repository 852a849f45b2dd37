import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { apiFetch } from '../api/api-fetch';
import type { PackSummary, PackVersionDetail } from '../api/api-types';
import { StatusLine } from '../app/status-line';
import { diffSchemas } from './schema-diff';

/** The schema of one version against another, field by field. */
export function SchemaDiffView({ pack }: { pack: PackSummary }) {
  const versions = pack.versions.map((v) => v.version);
  const [from, setFrom] = useState(versions[1] ?? versions[0] ?? '');
  const [to, setTo] = useState(versions[0] ?? '');
  const diff = useQuery({
    queryKey: ['schema-diff', pack.key, from, to],
    enabled: from !== '' && to !== '',
    queryFn: async () => {
      const [a, b] = await Promise.all([from, to].map((v) => apiFetch<PackVersionDetail>(`/v1/packs/${pack.key}/versions/${v}`)));
      return diffSchemas(a!.schema, b!.schema);
    },
  });
  return (
    <div className="card schema-diff">
      <h3>Schema diff</h3>
      <div className="grid-2">
        <div>
          <label htmlFor="diff-from">From version</label>
          <select id="diff-from" value={from} onChange={(e) => setFrom(e.target.value)}>
            {versions.map((v) => (
              <option key={v}>{v}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="diff-to">To version</label>
          <select id="diff-to" value={to} onChange={(e) => setTo(e.target.value)}>
            {versions.map((v) => (
              <option key={v}>{v}</option>
            ))}
          </select>
        </div>
      </div>
      <StatusLine pending={diff.isFetching} error={diff.error} label="Comparing the schemas…" />
      {diff.data ? (
        diff.data.added.length + diff.data.removed.length + diff.data.changed.length === 0 ? (
          <p className="muted">The schemas are the same.</p>
        ) : (
          <ul className="diff">
            {diff.data.added.map((f) => (
              <li key={`+${f.pointer}`} className="added">
                + <code>{f.pointer}</code> {f.summary}
              </li>
            ))}
            {diff.data.removed.map((f) => (
              <li key={`-${f.pointer}`} className="removed">
                − <code>{f.pointer}</code> {f.summary}
              </li>
            ))}
            {diff.data.changed.map((f) => (
              <li key={`~${f.pointer}`} className="changed">
                ~ <code>{f.pointer}</code>: {f.before} → {f.after}
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}
