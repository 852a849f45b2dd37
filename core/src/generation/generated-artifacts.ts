import type { AuditActor } from '../audit/audit-service.js';
import type { BlobStore } from '../blobs/blob-store.js';
import type { ArtifactKind } from '../reports/report-records.js';
import type { GenerationStore, NewArtifact } from './generation-store.js';
import { step, type ProgressListener } from './generation-steps.js';
import type { PipelineResult } from './report-pipeline.js';

export const ARTIFACT_CONTENT_TYPES: Readonly<Record<ArtifactKind, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  trace: 'application/json',
  'pdf-source': 'application/pdf',
  'pdf-released': 'application/pdf',
};

/** The trace artifact: what the numbers are and where they come from, for the version's record. */
export function traceDocument(result: Pick<PipelineResult, 'inputSha256' | 'values' | 'trace' | 'warnings' | 'pages'>, pack: { key: string; version: string }): Buffer {
  const document = { pack, inputSha256: result.inputSha256, values: result.values, trace: result.trace, warnings: result.warnings, annexurePages: result.pages };
  return Buffer.from(`${JSON.stringify(document, null, 2)}\n`);
}

/** A download name from the report's reference: `v1-assignment-123-v2.pdf`. */
export function artifactFilename(reference: string, n: number, kind: ArtifactKind): string {
  const stem = reference.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'report';
  if (kind === 'trace') return `${stem}-v${n}-trace.json`;
  if (kind === 'pdf-released') return `${stem}-v${n}-released.pdf`;
  if (kind === 'pdf-source') return `${stem}-v${n}-source.pdf`;
  return `${stem}-v${n}.${kind}`;
}

/** Puts the documents in the blob store and records them as version N of the report. */
export async function storeGeneratedVersion(
  deps: { blobs: BlobStore; store: GenerationStore },
  request: { tenantId: string; requestId: string; actor: AuditActor; reference: string; n: number; result: PipelineResult; onProgress?: ProgressListener },
): Promise<{ versionId: string; n: number }> {
  const { result } = request;
  const pack = { key: result.packKey, version: result.packVersion };
  return step(request.onProgress, 'store', async () => {
    const files: [ArtifactKind, Buffer][] = [['docx', result.docx], ['trace', traceDocument(result, pack)]];
    if (result.pdf) files.push(['pdf', result.pdf]);
    if (result.pdfSource && result.pdfSource !== result.pdf) files.push(['pdf-source', result.pdfSource]);
    const artifacts: NewArtifact[] = [];
    for (const [kind, bytes] of files) {
      artifacts.push({ kind, sha256: await deps.blobs.put(bytes), size: bytes.length, contentType: ARTIFACT_CONTENT_TYPES[kind], filename: artifactFilename(request.reference, request.n, kind) });
    }
    return deps.store.storeVersion(request.tenantId, request.requestId, request.actor, {
      n: request.n,
      packKey: pack.key,
      packVersion: pack.version,
      input: result.input,
      inputSha256: result.inputSha256,
      values: result.values,
      trace: result.trace,
      warnings: result.warnings,
      artifacts,
    });
  });
}
