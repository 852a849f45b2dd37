import { createRequire } from 'node:module';
import path from 'node:path';
import type { OcrLine } from '@repogen/sdk';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import { UnavailableError } from '../errors/domain-error.js';

/** A rectangle in an image's pixels: left, top, right and bottom edges. */
export interface PixelBox {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** A recognised line with where it lies in the image that was read. */
export interface OcrBoxedLine extends OcrLine {
  readonly box: PixelBox;
}

export interface OcrResult {
  readonly text: string;
  /** Mean confidence of the page, 0–100. */
  readonly confidence: number;
  readonly lines: readonly OcrBoxedLine[];
}

export type OcrLayout = 'block' | 'page';

/** Reads text from a prepared image; a small pool of warm tesseract workers behind it. */
export interface OcrEngine {
  recognize(png: Buffer, layout: OcrLayout): Promise<OcrResult>;
  close(): Promise<void>;
}

export interface TesseractEngineOptions {
  /** Workers side by side; one is right on two cores (a second gives nothing there). */
  readonly workers?: number;
  /** The folder holding `eng.traineddata.gz`; the `@tesseract.js-data/eng` package's by default. */
  readonly languageDir?: string;
}

const require = createRequire(import.meta.url);

/**
 * The English model shipped in the `@tesseract.js-data/eng` npm package: tesseract.js fetches
 * language data from a CDN unless `langPath` names a local folder, and nothing may download
 * at run time.
 */
export function englishLanguageDir(): string {
  return path.join(path.dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
}

/** One worker of the pool: started on its first call, its calls one after another. */
interface Slot {
  worker: Promise<Worker> | undefined;
  queue: Promise<unknown>;
  pending: number;
}

/**
 * Workers start on the first recognition (0.5–1.5 s each) and stay warm until `close`. A
 * failure costs only the call in flight: a worker that did not start, or whose recognition
 * failed, is dropped, and the next call on its slot starts a fresh one.
 */
export function createTesseractEngine(options: TesseractEngineOptions = {}): OcrEngine {
  const size = Math.max(1, options.workers ?? 1);
  const languageDir = options.languageDir ?? englishLanguageDir();
  const slots: Slot[] = [];

  function startWorker(): Promise<Worker> {
    return new Promise<Worker>((resolve, reject) => {
      const failed = (error: unknown) =>
        reject(new UnavailableError('OCR_UNAVAILABLE', `The OCR engine did not start: ${describe(error)}`));
      createWorker('eng', OEM.LSTM_ONLY, {
        langPath: languageDir,
        gzip: true,
        // The default cache writes the model into the current directory.
        cacheMethod: 'none',
        // tesseract.js throws a failed job's error from its message listener (a crash) unless a
        // handler takes it; a failed language load reaches only the handler, never createWorker.
        // Once started, the failed call rejects by itself, so a later error settles nothing here.
        errorHandler: failed,
      })
        .then(async (worker) => {
          await worker.setParameters({ user_defined_dpi: '300', preserve_interword_spaces: '1' });
          resolve(worker);
        })
        .catch(failed);
    });
  }

  /** The least busy slot, adding another while the pool is below its size. */
  function slot(): Slot {
    const idle = slots.find((candidate) => candidate.pending === 0);
    if (idle) return idle;
    if (slots.length < size) {
      const created: Slot = { worker: undefined, queue: Promise.resolve(), pending: 0 };
      slots.push(created);
      return created;
    }
    return slots.reduce((least, candidate) => (candidate.pending < least.pending ? candidate : least));
  }

  async function runOn(entry: Slot, png: Buffer, layout: OcrLayout): Promise<OcrResult> {
    const starting = (entry.worker ??= startWorker());
    const drop = () => {
      if (entry.worker === starting) entry.worker = undefined;
    };
    let worker: Worker;
    try {
      worker = await starting;
    } catch (error) {
      drop();
      throw error;
    }
    try {
      return await run(worker, png, layout);
    } catch (error) {
      // After a failed recognition the worker's state is unknown: it is replaced, not reused.
      drop();
      await worker.terminate().catch(() => undefined);
      throw new UnavailableError('OCR_UNAVAILABLE', `The OCR engine failed: ${describe(error)}`);
    }
  }

  async function run(worker: Worker, png: Buffer, layout: OcrLayout): Promise<OcrResult> {
    // Page segmentation is a worker parameter, not a per-call option, so it is set before each call.
    await worker.setParameters({ tessedit_pageseg_mode: layout === 'block' ? PSM.SINGLE_BLOCK : PSM.AUTO });
    const result = await worker.recognize(png, {}, { text: true, blocks: true });
    const lines: OcrBoxedLine[] = [];
    for (const block of result.data.blocks ?? []) {
      for (const paragraph of block.paragraphs) {
        for (const line of paragraph.lines) {
          const { x0, y0, x1, y1 } = line.bbox;
          lines.push({ text: line.text.trim(), confidence: line.confidence, box: { x0, y0, x1, y1 } });
        }
      }
    }
    return {
      text: result.data.text,
      confidence: result.data.confidence,
      lines: lines.filter((line) => line.text !== ''),
    };
  }

  return {
    recognize(png, layout) {
      const chosen = slot();
      chosen.pending += 1;
      const job = chosen.queue.then(() => runOn(chosen, png, layout));
      chosen.queue = job
        .catch(() => undefined)
        .finally(() => {
          chosen.pending -= 1;
        });
      return job;
    },
    async close() {
      const closing = slots.splice(0);
      await Promise.all(closing.map(async (entry) => (await entry.worker?.catch(() => undefined))?.terminate()));
    },
  };
}

/** tesseract.js rejects with a string or an Error. */
function describe(error: unknown): string {
  return error instanceof Error ? error.message : typeof error === 'string' ? error : JSON.stringify(error);
}
