import type { Knex } from 'knex';
import type { BlobStore } from '../blobs/blob-store.js';
import type { EvidenceItem, EvidenceSource, ReportEvidenceProvider } from '../generation/evidence-source.js';
import { withTenant } from '../store/tenant-scope.js';
import type { EvidenceRow } from './evidence-records.js';

/**
 * A report's uploads as a generation's evidence source: live, not excluded, in the operator's
 * order within each kind. Bytes are read from the blob store only for items the layout places.
 */
export function createUploadedEvidenceProvider(knex: Knex, blobs: BlobStore): ReportEvidenceProvider {
  return {
    async forReport(tenantId, reportId) {
      const rows = (await withTenant(knex, tenantId, (trx) =>
        trx('evidence')
          .where({ report_id: reportId, excluded: false })
          .whereNull('deleted_at')
          .orderBy([{ column: 'kind' }, { column: 'order' }, { column: 'created_at' }]),
      )) as EvidenceRow[];
      const digests = new Map(rows.map((row) => [row.id, row.sha256]));
      const items: EvidenceItem[] = rows.map((row, index) => ({
        id: row.id,
        kind: row.kind,
        mime: row.mime,
        size: row.size,
        // Orders are per kind but may repeat after edits; the position breaks ties stably.
        order: rows.filter((other, at) => other.kind === row.kind && at < index).length,
        title: row.filename.replace(/\.[^.]+$/, ''),
        sha256: row.sha256,
        ...(row.width !== null ? { width: row.width } : {}),
        ...(row.height !== null ? { height: row.height } : {}),
        ...(row.exif.takenAt ? { takenAt: row.exif.takenAt } : {}),
        ...(typeof row.exif.lat === 'number' ? { lat: row.exif.lat } : {}),
        ...(typeof row.exif.long === 'number' ? { long: row.exif.long } : {}),
      }));
      const source: EvidenceSource = {
        list: () => Promise.resolve(items),
        async read(id) {
          const digest = digests.get(id);
          const bytes = digest ? await blobs.get(digest) : undefined;
          if (!bytes) throw new Error(`Evidence ${id} of report ${reportId} has no content`);
          return bytes;
        },
      };
      return source;
    },
  };
}
