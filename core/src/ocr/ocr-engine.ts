import { createRequire } from 'node:module';
import path from 'node:path';
import type { OcrLine } from '@repogen/sdk';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import { UnavailableError } from '../errors/domain-error.js';

export interface OcrResult {
  readonly text: string;
  /** Mean confidence of the page, 0–100. */
  readonly confidence: number;
  readonly lines: readonly OcrLine[];
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

/** Workers start on the first recognition (0.5–1.5 s each) and stay warm until `close`. */
export function createTesseractEngine(options: TesseractEngineOptions = {}): OcrEngine {
  const size = Math.max(1, options.workers ?? 1);
  const slots: { worker: Promise<Worker>; queue: Promise<unknown>; pending: number }[] = [];
  let failure: unknown;

  async function startWorker(): Promise<Worker> {
    try {
      const worker = await createWorker('eng', OEM.LSTM_ONLY, {
        langPath: englishLanguageDir(),
        gzip: true,
        // The default cache writes the model into the current directory.
        cacheMethod: 'none',
        // Without a handler a worker's load failure crashes the process.
        errorHandler: (error: unknown) => {
          failure = error;
        },
      });
      await worker.setParameters({ user_defined_dpi: '300', preserve_interword_spaces: '1' });
      return worker;
    } catch (error) {
      throw new UnavailableError('OCR_UNAVAILABLE', `The OCR engine did not start: ${(error as Error).message}`);
    }
  }

  /** The least busy worker, starting another while the pool is below its size. */
  function slot() {
    const idle = slots.find((candidate) => candidate.pending === 0);
    if (idle) return idle;
    if (slots.length < size) {
      const created = { worker: startWorker(), queue: Promise.resolve() as Promise<unknown>, pending: 0 };
      slots.push(created);
      return created;
    }
    return slots.reduce((least, candidate) => (candidate.pending < least.pending ? candidate : least));
  }

  async function run(worker: Worker, png: Buffer, layout: OcrLayout): Promise<OcrResult> {
    // Page segmentation is a worker parameter, not a per-call option, so it is set before each call.
    await worker.setParameters({ tessedit_pageseg_mode: layout === 'block' ? PSM.SINGLE_BLOCK : PSM.AUTO });
    const result = await worker.recognize(png, {}, { text: true, blocks: true });
    if (failure)
      throw new UnavailableError(
        'OCR_UNAVAILABLE',
        `The OCR engine failed: ${failure instanceof Error ? failure.message : JSON.stringify(failure)}`,
      );
    const lines: OcrLine[] = [];
    for (const block of result.data.blocks ?? []) {
      for (const paragraph of block.paragraphs) {
        for (const line of paragraph.lines) lines.push({ text: line.text.trim(), confidence: line.confidence });
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
      const job = chosen.queue.then(async () => run(await chosen.worker, png, layout));
      chosen.queue = job
        .catch(() => undefined)
        .finally(() => {
          chosen.pending -= 1;
        });
      return job;
    },
    async close() {
      const closing = slots.splice(0);
      await Promise.all(closing.map(async (entry) => (await entry.worker.catch(() => undefined))?.terminate()));
    },
  };
}
