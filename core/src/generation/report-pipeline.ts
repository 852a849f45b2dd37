import {
  isDocumentEvidence,
  type AnnexurePage,
  type ComputeResult,
  type EvidenceManifestItem,
  type JsonValue,
} from '@repogen/sdk';
import { UnprocessableError } from '../errors/domain-error.js';
import type { RunnablePack } from '../packs/pack-registry-service.js';
import {
  assembleReportPdfWithSource,
  renderChartImages,
  renderErrors,
  type AppendedDocument,
  type DocumentRenderer,
  type PlacedImage,
} from '../render/index.js';
import type { PackSandbox } from '../sandbox/index.js';
import type { EvidenceItem, EvidenceSource } from './evidence-source.js';
import { step, type ProgressListener } from './generation-steps.js';
import { snapshotInput } from './input-snapshot.js';
import { buildReportTemplateData, formatIndianDate } from './report-template-data.js';

/** The manifest template id of a pack's main report. */
export const REPORT_TEMPLATE_ID = 'report';

export interface PipelineRequest {
  readonly pack: RunnablePack;
  /** The tenant the pack runs for (the sandbox's pool key). */
  readonly callerTenantId: string;
  readonly input: JsonValue;
  readonly evidence: EvidenceSource;
  readonly report: {
    readonly title: string;
    readonly reference: string;
    readonly version: number;
    readonly draft: boolean;
  };
  /** The instant the pack and the document see as "now". */
  readonly now: Date;
  readonly pdf: boolean;
  readonly onProgress?: ProgressListener | undefined;
}

export interface PipelineResult extends ComputeResult {
  readonly packKey: string;
  readonly packVersion: string;
  readonly input: JsonValue;
  readonly inputSha256: string;
  readonly pages: readonly AnnexurePage[];
  readonly docx: Buffer;
  readonly pdf: Buffer | undefined;
  /** The PDF before its DRAFT watermark, kept for release; never served. */
  readonly pdfSource: Buffer | undefined;
}

export interface PipelineDeps {
  readonly sandbox: PackSandbox;
  readonly renderer: DocumentRenderer;
}

/**
 * One report from data and evidence to a DOCX (and a PDF): snapshot, compute and lay out in
 * the sandbox, fill the pack's template, convert, append documents and stamp. Storing the
 * result is the caller's business, so the job and the CLI share this.
 */
export async function runReportPipeline(deps: PipelineDeps, request: PipelineRequest): Promise<PipelineResult> {
  const { pack, onProgress } = request;
  const limits = pack.detail.manifest.limits;
  const snapshot = await step(onProgress, 'snapshot', () => Promise.resolve(snapshotInput(request.input)));

  const evidence = await request.evidence.list();
  // Layout reads only the evidence manifest, so it runs beside compute (a second warm isolate).
  const [computed, pages] = await Promise.all([
    step(onProgress, 'compute', async () => {
      const problems = pack.validateInput(snapshot.input);
      if (problems.length > 0) {
        throw new UnprocessableError(
          'REPORT_INPUT_INVALID',
          `The report data does not match the pack schema: ${problems
            .map((p) => `${p.path} ${p.message}`)
            .slice(0, 5)
            .join('; ')}`,
          { problems },
        );
      }
      const settings = pack.settings;
      const call = {
        input: snapshot.input,
        now: request.now.toISOString(),
        ...(Object.keys(settings).length > 0 ? { settings } : {}),
      };
      return (await deps.sandbox.call(pack.sandboxRef, request.callerTenantId, 'compute', call, limits)).result;
    }),
    step(onProgress, 'layout', async () => {
      if (evidence.length === 0) return [];
      const manifest = evidence.map(toManifestItem);
      return (
        await deps.sandbox.call(pack.sandboxRef, request.callerTenantId, 'layout', { evidence: manifest }, limits)
      ).result.pages;
    }),
  ]);
  const byId = new Map(evidence.map((item) => [item.id, item]));
  const isDocument = (id: string) => {
    const item = byId.get(id);
    return item !== undefined && isDocumentEvidence(item);
  };
  // Documents (PDFs, scans) are appended to the PDF after the body; the DOCX carries the pictures.
  const imagePages = pages.filter((page) => !page.evidenceIds.some(isDocument));
  const documentIds = pages.filter((page) => page.evidenceIds.some(isDocument)).flatMap((page) => page.evidenceIds);

  const docx = await step(onProgress, 'render-docx', async () => {
    const template = templateOf(pack);
    const data = buildReportTemplateData({
      header: {
        title: request.report.title,
        reference: request.report.reference,
        version: request.report.version,
        generatedOn: formatIndianDate(request.now),
        packKey: pack.detail.key,
        packVersion: pack.detail.version,
        inputSha256: snapshot.sha256,
      },
      input: snapshot.input,
      values: computed.values,
      warnings: computed.warnings,
      pages: imagePages,
    });
    // The pack's charts are numbers; the host draws them and places them like evidence.
    const [images, charts] = await Promise.all([
      readImages(request.evidence, byId, imagePages),
      renderChartImages(computed.values),
    ]);
    return deps.renderer.renderDocx(template, data, [...images, ...charts]);
  });

  let pdf: Buffer | undefined;
  let pdfSource: Buffer | undefined;
  if (request.pdf) {
    const body = await step(onProgress, 'convert-pdf', () => deps.renderer.convertToPdf(docx));
    ({ pdf, source: pdfSource } = await step(onProgress, 'assemble-pdf', async () =>
      assembleReportPdfWithSource({
        body,
        appendices: await readDocuments(
          request.evidence,
          documentIds.map((id) => byId.get(id)).filter((item) => item !== undefined),
        ),
        metadata: {
          title: request.report.title,
          packKey: pack.detail.key,
          packVersion: pack.detail.version,
          inputHash: snapshot.sha256,
          createdAt: request.now,
        },
        released: !request.report.draft,
        findings: request.report.draft
          ? {
              provenance: `Draft version ${request.report.version} generated on ${formatIndianDate(request.now)} (${pack.detail.key} ${pack.detail.version}, input ${snapshot.sha256})`,
              items: computed.warnings,
            }
          : undefined,
        footerLeft: request.report.reference,
        footerRight: `v${request.report.version} · ${formatIndianDate(request.now)}`,
      }),
    ));
  }
  return {
    ...computed,
    packKey: pack.detail.key,
    packVersion: pack.detail.version,
    input: snapshot.input,
    inputSha256: snapshot.sha256,
    pages,
    docx,
    pdf,
    pdfSource,
  };
}

function templateOf(pack: RunnablePack): Buffer {
  const templates = pack.detail.manifest.templates;
  const entry = templates.find((template) => template.id === REPORT_TEMPLATE_ID) ?? templates[0];
  if (!entry) {
    throw new UnprocessableError(
      'PACK_TEMPLATE_MISSING',
      `Pack ${pack.detail.key}@${pack.detail.version} has no report template (manifest "templates" is empty)`,
    );
  }
  const bytes = pack.archive.files.get(entry.file);
  if (!bytes)
    throw new UnprocessableError(
      'PACK_TEMPLATE_MISSING',
      `Pack ${pack.detail.key}@${pack.detail.version} names template ${entry.file}, which its archive lacks`,
    );
  return bytes;
}

function toManifestItem(item: EvidenceItem): EvidenceManifestItem {
  const { title: _title, sha256: _sha256, ...manifest } = item;
  return manifest;
}

async function readImages(
  evidence: EvidenceSource,
  byId: ReadonlyMap<string, EvidenceItem>,
  pages: readonly AnnexurePage[],
): Promise<PlacedImage[]> {
  const ids = [...new Set(pages.flatMap((page) => page.evidenceIds))];
  return Promise.all(
    ids.map(async (id) => {
      const sha256 = byId.get(id)?.sha256;
      return { id, data: await readOne(evidence, id), ...(sha256 ? { sha256 } : {}) };
    }),
  );
}

async function readDocuments(evidence: EvidenceSource, items: readonly EvidenceItem[]): Promise<AppendedDocument[]> {
  return Promise.all(
    items.map(async (item) => ({
      kind: item.mime === 'application/pdf' ? ('pdf' as const) : ('image' as const),
      title: item.title,
      data: await readOne(evidence, item.id),
    })),
  );
}

async function readOne(evidence: EvidenceSource, id: string): Promise<Buffer> {
  try {
    return await evidence.read(id);
  } catch {
    throw renderErrors.evidenceMissing(id);
  }
}
