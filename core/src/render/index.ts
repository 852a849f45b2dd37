export * from './annexure-template-data.js';
export { CHART_SPECS_SCHEMA, readChartSpecs, renderChartImages, renderChartPng } from './chart-images.js';
export { CHART_SIZE_PX, chartSvg } from './chart-svg.js';
export { CarboneDocumentRenderer, type CarboneDocumentRendererOptions } from './carbone-document-renderer.js';
export { CarboneDocxFiller, type CarboneDocxFillerOptions } from './carbone-docx-filler.js';
export type { DocumentRenderer, PlacedImage } from './document-renderer.js';
export * from './docx-builder.js';
export { cellBox, fitInside, placeImages, readSlot, type PictureSlot } from './docx-image-placer.js';
export { normaliseImage, type ImageNormaliserOptions, type NormalisedImage } from './image-normaliser.js';
export { LibreOfficeConverter, type LibreOfficeConverterOptions } from './libreoffice-converter.js';
export {
  locateLibreOffice,
  type LibreOfficeInstallation,
  type LocateLibreOfficeOptions,
} from './libreoffice-locator.js';
export * from './page-geometry.js';
export {
  assembleReportPdf,
  assembleReportPdfWithSource,
  releaseReportPdf,
  type AppendedDocument,
  type AssemblePdfRequest,
  type PdfMetadata,
} from './pdf-assembler.js';
export { appendOutlineEntries, readOutlineTitles, type OutlineEntry } from './pdf-outline.js';
export { FINDINGS_HEADING, type DraftFindings } from './pdf-findings-pages.js';
export { restoreIndirectStreamLengths } from './pdf-stream-lengths.js';
export { RENDER_ERROR_CODES, renderErrors, type RenderErrorCode } from './render-errors.js';
export { INDIAN_NUMBER_FORMATTERS } from './indian-number-formatters.js';
export { NormalisedImageCache } from './normalised-image-cache.js';
