import { CarboneDocxFiller, type CarboneDocxFillerOptions } from './carbone-docx-filler.js';
import type { DocumentRenderer, PlacedImage } from './document-renderer.js';
import { placeImages } from './docx-image-placer.js';
import { normaliseImage, type ImageNormaliserOptions, type NormalisedImage } from './image-normaliser.js';
import { LibreOfficeConverter, type LibreOfficeConverterOptions } from './libreoffice-converter.js';
import { NormalisedImageCache } from './normalised-image-cache.js';
import { renderErrors } from './render-errors.js';

export interface CarboneDocumentRendererOptions {
  readonly carbone?: CarboneDocxFillerOptions;
  readonly converter?: LibreOfficeConverterOptions;
  readonly images?: ImageNormaliserOptions;
  /** Normalised images kept between renders, in bytes; 96 MB when omitted. */
  readonly imageCacheBytes?: number;
}

/**
 * carbone fills the DOCX, the host's image step places the pictures, and a kept-alive
 * LibreOffice converts. LibreOffice is looked for on first use of `converter`, so DOCX-only
 * work runs without it; a worker that converts calls `converter.start()` at boot, which fails
 * there with RENDERER_UNAVAILABLE rather than in the middle of a job, and warms the office.
 */
export class CarboneDocumentRenderer implements DocumentRenderer {
  readonly #filler: CarboneDocxFiller;
  readonly #converterOptions: LibreOfficeConverterOptions | undefined;
  #converter: LibreOfficeConverter | undefined;
  readonly #imageOptions: ImageNormaliserOptions;
  readonly #imageCache: NormalisedImageCache;
  #closed = false;

  constructor(options: CarboneDocumentRendererOptions = {}) {
    this.#converterOptions = options.converter;
    this.#filler = new CarboneDocxFiller(options.carbone);
    this.#imageOptions = options.images ?? {};
    this.#imageCache = new NormalisedImageCache(options.imageCacheBytes);
  }

  /** The converter, for supervision (its office pid, its restarts). */
  get converter(): LibreOfficeConverter {
    if (this.#closed) throw renderErrors.closed();
    this.#converter ??= new LibreOfficeConverter(this.#converterOptions);
    return this.#converter;
  }

  async renderDocx(template: Buffer, data: object, images: readonly PlacedImage[]): Promise<Buffer> {
    if (this.#closed) throw renderErrors.closed();
    const [filled, normalised] = await Promise.all([this.#filler.fill(template, data), this.#normaliseAll(images)]);
    return placeImages(filled, normalised);
  }

  convertToPdf(docx: Buffer): Promise<Buffer> {
    try {
      return this.converter.convertToPdf(docx);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#imageCache.clear();
    await Promise.all([this.#converter?.close(), this.#filler.close()]);
  }

  async #normaliseAll(images: readonly PlacedImage[]): Promise<Map<string, NormalisedImage>> {
    const entries = await Promise.all(
      images.map(
        async (image) =>
          [
            image.id,
            await this.#imageCache.get(image.data, image.sha256, () => normaliseImage(image.id, image.data, this.#imageOptions)),
          ] as const,
      ),
    );
    return new Map(entries);
  }
}
