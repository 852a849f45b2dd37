import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiFetch } from '../api/api-fetch';
import type { Me, PackVersionDetail, PackVersionSummary } from '../api/api-types';
import { StatusLine } from '../app/status-line';
import { PACKS_QUERY_KEY, usePacks } from '../reports/use-packs';
import { PackUpload } from './pack-upload';
import { PackVersionView } from './pack-version-view';
import { SchemaDiffView } from './schema-diff-view';

/**
 * The catalog: versions and status. Authors and admins upload; the platform's admins publish
 * and deprecate; a bank reads the packs it may use (its own and the published global ones).
 */
export function PacksScreen({ me }: { me: Me }) {
  const client = useQueryClient();
  const packs = usePacks();
  const [selected, setSelected] = useState<{ key: string; version: string } | null>(null);
  // Review belongs to the platform's admins; the host refuses anyone else with PACK_REVIEW_FORBIDDEN.
  const isReviewer = me.role === 'admin' && me.tenant.kind === 'firm';
  const canUpload = me.role === 'admin' || me.role === 'author';
  const detail = useQuery({
    queryKey: ['pack-version', selected?.key, selected?.version],
    enabled: selected !== null,
    queryFn: () => apiFetch<PackVersionDetail>(`/v1/packs/${selected!.key}/versions/${selected!.version}`),
  });
  const transition = useMutation({
    mutationFn: ({ version, action }: { version: PackVersionSummary; action: 'publish' | 'deprecate' }) =>
      apiFetch<PackVersionSummary>(`/v1/packs/${version.key}/versions/${version.version}/${action}`, { method: 'POST' }),
    onSuccess: (version) => {
      void client.invalidateQueries({ queryKey: PACKS_QUERY_KEY });
      void client.invalidateQueries({ queryKey: ['pack-version', version.key, version.version] });
    },
  });
  const selectedPack = packs.data?.find((pack) => pack.key === selected?.key);

  return (
    <section aria-labelledby="packs-title">
      <div className="screen-head">
        <h1 id="packs-title">Packs</h1>
      </div>
      {canUpload ? <PackUpload /> : <p className="muted">The packs {me.tenant.name} can use: its own formats and the published common ones. Ask for a new format under Pack requests.</p>}
      <StatusLine pending={packs.isFetching} error={packs.error ?? transition.error} label="Loading the catalog…" />
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Pack</th>
            <th scope="col">Version</th>
            <th scope="col">Status</th>
            <th scope="col">Uploaded</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {(packs.data ?? []).flatMap((pack) =>
            pack.versions.map((version, index) => (
              <tr key={`${pack.key}@${version.version}`} data-testid="pack-version-row" data-pack-key={pack.key} data-version={version.version}>
                <td>{index === 0 ? <><strong>{pack.title}</strong><div className="muted small"><code>{pack.key}</code> · {pack.family} · {pack.scope}</div></> : null}</td>
                <td>
                  <code>{version.version}</code>
                </td>
                <td>
                  <span className={`badge pack-${version.status}`}>{version.status}</span>
                </td>
                <td className="small">{new Date(version.createdAt).toLocaleString('en-IN')}</td>
                <td className="row-actions">
                  <button type="button" onClick={() => setSelected({ key: pack.key, version: version.version })}>
                    {canUpload ? 'Review' : 'Details'}
                  </button>
                  {isReviewer && (version.status === 'draft' || version.status === 'deprecated') ? (
                    <button type="button" className="primary" disabled={transition.isPending} onClick={() => transition.mutate({ version, action: 'publish' })}>
                      Publish
                    </button>
                  ) : null}
                  {isReviewer && version.status === 'published' ? (
                    <button type="button" disabled={transition.isPending} onClick={() => transition.mutate({ version, action: 'deprecate' })}>
                      Deprecate
                    </button>
                  ) : null}
                </td>
              </tr>
            )),
          )}
        </tbody>
      </table>
      {selected ? (
        <div className="card">
          <StatusLine pending={detail.isPending} error={detail.error} label="Loading the version…" />
          {detail.data ? <PackVersionView detail={detail.data} /> : null}
          {selectedPack && selectedPack.versions.length > 1 ? <SchemaDiffView pack={selectedPack} /> : null}
        </div>
      ) : null}
    </section>
  );
}
