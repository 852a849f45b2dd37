import { DomainError, UnavailableError, UnprocessableError } from '../errors/domain-error.js';

/**
 * The stable codes the renderer raises. User errors (422) are the template's or the layout's
 * fault and fail the job; operational errors (503) are the machine's and are worth a retry.
 */
export const RENDER_ERROR_CODES = {
  /** The template is not a DOCX carbone can read, or its tags do not parse. */
  templateInvalid: 'RENDER_TEMPLATE_INVALID',
  /** An annexure page breaks the layout contract (grid, number of items, id syntax). */
  layoutInvalid: 'RENDER_LAYOUT_INVALID',
  /** A picture or an annexure page names evidence that was not supplied. */
  evidenceMissing: 'RENDER_EVIDENCE_MISSING',
  /** Evidence bytes that are not a JPEG or PNG image, or that contradict their declared type. */
  evidenceUnsupported: 'RENDER_EVIDENCE_UNSUPPORTED',
  /** A pack's chart spec breaks the chart contract (`values.charts`). */
  chartInvalid: 'RENDER_CHART_INVALID',
  /** A document to append is not a PDF pdf-lib can read (corrupt or encrypted). */
  documentInvalid: 'RENDER_DOCUMENT_INVALID',
  /** `finalise` was given a PDF this renderer did not stamp. */
  pdfNotStamped: 'RENDER_PDF_NOT_STAMPED',
  /** LibreOffice, its Python bridge or the stamping font is not installed. */
  rendererUnavailable: 'RENDERER_UNAVAILABLE',
  /** LibreOffice did not convert in time; it was restarted. */
  timeout: 'RENDER_TIMEOUT',
  /** LibreOffice failed or died during a conversion; it was restarted. */
  conversionFailed: 'RENDER_CONVERSION_FAILED',
  /** The service was closed. */
  closed: 'RENDERER_CLOSED',
} as const;

export type RenderErrorCode = (typeof RENDER_ERROR_CODES)[keyof typeof RENDER_ERROR_CODES];

/** Operational render failure carrying details (the 503 class has none). */
class RenderOperationalError extends DomainError {
  constructor(code: RenderErrorCode, message: string, details?: Readonly<Record<string, unknown>>) {
    super(code, message, 503, 'operational', details);
  }
}

export const renderErrors = {
  templateInvalid: (reason: string) =>
    new UnprocessableError(RENDER_ERROR_CODES.templateInvalid, `The report template cannot be rendered: ${reason}`),
  layoutInvalid: (message: string) => new UnprocessableError(RENDER_ERROR_CODES.layoutInvalid, message),
  evidenceMissing: (evidenceId: string) =>
    new UnprocessableError(
      RENDER_ERROR_CODES.evidenceMissing,
      `Evidence '${evidenceId}' is placed in the report but was not supplied`,
      { evidenceId },
    ),
  evidenceUnsupported: (evidenceId: string, reason: string) =>
    new UnprocessableError(
      RENDER_ERROR_CODES.evidenceUnsupported,
      `Evidence '${evidenceId}' cannot be placed as an image: ${reason}`,
      { evidenceId },
    ),
  chartInvalid: (message: string) => new UnprocessableError(RENDER_ERROR_CODES.chartInvalid, message),
  documentInvalid: (index: number, title: string, reason: string) =>
    new UnprocessableError(
      RENDER_ERROR_CODES.documentInvalid,
      `Appended document ${index + 1} ("${title}") is not a readable PDF: ${reason}`,
      { index, title },
    ),
  pdfNotStamped: () =>
    new UnprocessableError(
      RENDER_ERROR_CODES.pdfNotStamped,
      'The PDF was not stamped by this renderer, so its watermark cannot be removed',
    ),
  rendererUnavailable: (message: string, missingPackages: readonly string[]) =>
    new RenderOperationalError(RENDER_ERROR_CODES.rendererUnavailable, message, { missingPackages }),
  timeout: (timeoutMs: number) =>
    new RenderOperationalError(
      RENDER_ERROR_CODES.timeout,
      `LibreOffice did not convert the document within ${timeoutMs} ms; it was restarted`,
      { timeoutMs },
    ),
  conversionFailed: (reason: string) =>
    new RenderOperationalError(
      RENDER_ERROR_CODES.conversionFailed,
      `LibreOffice could not convert the document: ${reason}`,
    ),
  closed: () => new UnavailableError(RENDER_ERROR_CODES.closed, 'The render service is closed'),
};
