import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import { normaliseImage } from './image-normaliser.js';
import { PAGE_GEOMETRY, mmToPoints } from './page-geometry.js';
import { appendOutlineEntries, mergeRepeatedOutlineEntries, type OutlineEntry } from './pdf-outline.js';
import { appendFindingsPages, type DraftFindings } from './pdf-findings-pages.js';
import { drawWatermark, stampPage } from './pdf-page-stamper.js';
import { restoreIndirectStreamLengths } from './pdf-stream-lengths.js';
import { renderErrors } from './render-errors.js';
import { loadStampFont } from './stamp-font.js';

/** A document annexure appended after the report body: an uploaded PDF or an image of a scan. */
export interface AppendedDocument {
  readonly kind: 'pdf' | 'image';
  /** The bookmark of its first page. */
  readonly title: string;
  readonly data: Buffer;
}

export interface PdfMetadata {
  readonly title: string;
  readonly packKey: string;
  readonly packVersion: string;
  /** sha256 of the input snapshot the report was generated from. */
  readonly inputHash: string;
  readonly author?: string;
  /** Fixed by the caller so that the same input gives the same file. */
  readonly createdAt: Date;
}

export interface AssemblePdfRequest {
  /** The report body as LibreOffice converted it; its heading bookmarks are kept. */
  readonly body: Buffer;
  readonly appendices: readonly AppendedDocument[];
  readonly metadata: PdfMetadata;
  /** Until release every page carries a diagonal DRAFT watermark. */
  readonly released: boolean;
  /** On a draft, the checker's findings on pages of their own after the report (never in the released PDF). */
  readonly findings?: DraftFindings | undefined;
  readonly footerLeft?: string;
  readonly footerRight?: string;
}

/** Room around a scanned image on its own page; the bottom keeps clear of the footer band. */
const SCAN_MARGIN_MM = { side: 12, top: 12, bottom: 20 } as const;

/**
 * Assembles the PDF a bank receives: the converted body, then the appended documents in the
 * given order, every page stamped `Page x of y` (and DRAFT until release), with metadata and a
 * bookmark per appended document after the body's section bookmarks.
 */
export async function assembleReportPdf(request: AssemblePdfRequest): Promise<Buffer> {
  return (await assembleReportPdfWithSource(request)).pdf;
}

/**
 * As `assembleReportPdf`, and also the same document before the DRAFT watermark (footers and
 * metadata in place): the source that release turns into the final PDF without rendering again.
 */
export async function assembleReportPdfWithSource(
  request: AssemblePdfRequest,
): Promise<{ pdf: Buffer; source: Buffer }> {
  const doc = await loadPdf(request.body, -1);
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(loadStampFont(), { subset: true });

  mergeRepeatedOutlineEntries(doc);
  const bookmarks: OutlineEntry[] = [];
  for (const [index, appendix] of request.appendices.entries()) {
    const firstPage =
      appendix.kind === 'pdf'
        ? await appendPdf(doc, appendix.data, index, appendix.title)
        : await appendImagePage(doc, appendix.data, index);
    bookmarks.push({ title: appendix.title, page: firstPage });
  }
  appendOutlineEntries(doc, bookmarks);

  stampFooters(doc.getPages(), font, request, 'Page');
  setMetadata(doc, request.metadata, request.released);
  const source = Buffer.from(await doc.save());
  if (request.released) return { pdf: source, source };

  // A fresh load, so that the watermark's glyphs join a font subset of their own.
  const draft = await loadPdf(source, -1);
  draft.registerFontkit(fontkit);
  const draftFont = await draft.embedFont(loadStampFont(), { subset: true });
  if (request.findings) {
    // Numbered apart from the report's pages, which stay exactly those of the released PDF.
    const findingsPages = appendFindingsPages(draft, draftFont, request.findings);
    stampFooters(findingsPages, draftFont, request, 'Findings');
    appendOutlineEntries(draft, [{ title: 'Checker findings (draft only)', page: findingsPages[0]! }]);
  }
  for (const page of draft.getPages()) drawWatermark(page, draftFont);
  setMetadata(draft, request.metadata, false);
  return { pdf: Buffer.from(await draft.save()), source };
}

/** Footers on `pages`, numbered `<label> n of count` among themselves. */
function stampFooters(pages: readonly PDFPage[], font: PDFFont, request: AssemblePdfRequest, label: string): void {
  pages.forEach((page, index) =>
    stampPage(page, font, {
      pageLabel: `${label} ${index + 1} of ${pages.length}`,
      footerLeft: request.footerLeft,
      footerRight: request.footerRight,
    }),
  );
}

/**
 * The released PDF from the source `assembleReportPdfWithSource` kept: the same pages and
 * footers, no watermark, and metadata that says released.
 */
export async function releaseReportPdf(
  source: Buffer,
  metadata: Omit<PdfMetadata, 'createdAt' | 'title'>,
): Promise<Buffer> {
  const doc = await loadPdf(source, -1);
  const createdAt = doc.getCreationDate() ?? new Date(0);
  setMetadata(doc, { ...metadata, title: doc.getTitle() ?? '', author: doc.getAuthor(), createdAt }, true);
  return Buffer.from(await doc.save());
}

/** Loads the body (`index` −1) or the appended document `index`, named `title` in an error. */
async function loadPdf(data: Buffer, index: number, title = ''): Promise<PDFDocument> {
  try {
    const doc = await PDFDocument.load(data, { updateMetadata: false });
    restoreIndirectStreamLengths(doc);
    return doc;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (index < 0) throw renderErrors.conversionFailed(`the converted body is not a readable PDF: ${reason}`);
    throw renderErrors.documentInvalid(index, title, reason);
  }
}

async function appendPdf(doc: PDFDocument, data: Buffer, index: number, title: string): Promise<PDFPage> {
  const source = await loadPdf(data, index, title);
  if (source.getPageCount() === 0) throw renderErrors.documentInvalid(index, title, 'it has no pages');
  const copied = await doc.copyPages(source, source.getPageIndices());
  copied.forEach((page) => doc.addPage(page));
  return copied[0] as PDFPage;
}

/** A scan on an A4 page of its own orientation, as large as the margins allow. */
async function appendImagePage(doc: PDFDocument, data: Buffer, index: number): Promise<PDFPage> {
  const image = await normaliseImage(`appended document ${index + 1}`, data);
  const embedded = image.mime === 'image/png' ? await doc.embedPng(image.data) : await doc.embedJpg(image.data);
  const landscape = image.widthPx > image.heightPx;
  const [width, height] = [mmToPoints(PAGE_GEOMETRY.a4.widthMm), mmToPoints(PAGE_GEOMETRY.a4.heightMm)];
  const page = doc.addPage(landscape ? [height, width] : [width, height]);
  const box = {
    x: mmToPoints(SCAN_MARGIN_MM.side),
    y: mmToPoints(SCAN_MARGIN_MM.bottom),
    width: page.getWidth() - 2 * mmToPoints(SCAN_MARGIN_MM.side),
    height: page.getHeight() - mmToPoints(SCAN_MARGIN_MM.top) - mmToPoints(SCAN_MARGIN_MM.bottom),
  };
  const scale = Math.min(box.width / embedded.width, box.height / embedded.height);
  const [drawWidth, drawHeight] = [embedded.width * scale, embedded.height * scale];
  page.drawImage(embedded, {
    x: box.x + (box.width - drawWidth) / 2,
    y: box.y + (box.height - drawHeight) / 2,
    width: drawWidth,
    height: drawHeight,
  });
  return page;
}

function setMetadata(doc: PDFDocument, metadata: PdfMetadata, released: boolean): void {
  const packRef = `${metadata.packKey}@${metadata.packVersion}`;
  doc.setTitle(metadata.title, { showInWindowTitleBar: true });
  doc.setSubject(`${released ? 'Report' : 'Draft report'} ${packRef}, input sha256 ${metadata.inputHash}`);
  doc.setKeywords([`pack:${packRef}`, `input-sha256:${metadata.inputHash}`, released ? 'released' : 'draft']);
  if (metadata.author) doc.setAuthor(metadata.author);
  doc.setCreator('Repogen');
  doc.setProducer('Repogen (LibreOffice, pdf-lib)');
  doc.setCreationDate(metadata.createdAt);
  doc.setModificationDate(metadata.createdAt);
  doc.setLanguage('en-IN');
}
