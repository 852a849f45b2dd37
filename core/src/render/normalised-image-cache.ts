import crypto from 'node:crypto';
import type { NormalisedImage } from './image-normaliser.js';

/**
 * Normalised images by the sha256 of their original bytes, least recently used dropped first
 * once `maxBytes` is exceeded. Evidence is content-addressed and a report is generated again
 * and again with the same photos; decoding a 12-megapixel photo is most of a DOCX render.
 */
export class NormalisedImageCache {
  readonly #entries = new Map<string, Promise<NormalisedImage>>();
  readonly #sizes = new Map<string, number>();
  readonly #maxBytes: number;
  #bytes = 0;

  constructor(maxBytes = 96 * 1024 * 1024) {
    this.#maxBytes = maxBytes;
  }

  /** `sha256` is the original's digest when the caller knows it; hashing a 5 MB photo costs milliseconds. */
  get(
    original: Buffer,
    sha256: string | undefined,
    normalise: () => Promise<NormalisedImage>,
  ): Promise<NormalisedImage> {
    const key = sha256 ?? crypto.createHash('sha256').update(original).digest('hex');
    const cached = this.#entries.get(key);
    if (cached) {
      this.#entries.delete(key);
      this.#entries.set(key, cached);
      return cached;
    }
    const pending = normalise();
    this.#entries.set(key, pending);
    pending.then(
      (image) => this.#account(key, image.data.length),
      () => this.#entries.delete(key),
    );
    return pending;
  }

  clear(): void {
    this.#entries.clear();
    this.#sizes.clear();
    this.#bytes = 0;
  }

  #account(key: string, size: number): void {
    if (!this.#entries.has(key)) return;
    this.#sizes.set(key, size);
    this.#bytes += size;
    for (const oldest of this.#entries.keys()) {
      if (this.#bytes <= this.#maxBytes) break;
      const oldestSize = this.#sizes.get(oldest);
      // Entries still being normalised have no size yet and stay.
      if (oldestSize === undefined) continue;
      this.#entries.delete(oldest);
      this.#sizes.delete(oldest);
      this.#bytes -= oldestSize;
    }
  }
}
