/** An image for the template's picture slots: the slot whose description names `id` receives it. */
export interface PlacedImage {
  readonly id: string;
  /** JPEG, PNG, WebP, TIFF or HEIF bytes as uploaded; the renderer normalises them. */
  readonly data: Buffer;
  /** The bytes' sha256 when the caller knows it; the renderer keys its cache of normalised images on it. */
  readonly sha256?: string;
}

/**
 * The document engine behind report generation: fills a DOCX template and converts DOCX to
 * PDF. Carbone with the host's LibreOffice is one implementation; another DOCX engine can
 * replace it without touching the jobs that call it. The API stays report-centric: nothing
 * exposes "render any template with any data" to clients (Carbone Community License).
 */
export interface DocumentRenderer {
  /** Fills the template's tags with `data`, then places `images` into the picture slots. */
  renderDocx(template: Buffer, data: object, images: readonly PlacedImage[]): Promise<Buffer>;
  /** Converts a DOCX to PDF; throws RENDER_TIMEOUT or RENDER_CONVERSION_FAILED (both operational). */
  convertToPdf(docx: Buffer): Promise<Buffer>;
  /** Stops the converter and removes temporary files; later calls throw RENDERER_CLOSED. */
  close(): Promise<void>;
}
