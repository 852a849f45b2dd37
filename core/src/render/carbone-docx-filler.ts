import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Carbone } from 'carbone';
import { INDIAN_NUMBER_FORMATTERS } from './indian-number-formatters.js';
import { renderErrors } from './render-errors.js';

export interface CarboneDocxFillerOptions {
  /** carbone's formatter locale; `en-in` groups digits the Indian way in `formatN`/`formatC`. */
  readonly lang?: string;
  readonly timezone?: string;
  readonly tempDir?: string;
}

/**
 * Fills a DOCX template's carbone tags with data, and nothing else: carbone's own LibreOffice
 * converter is never used. carbone reads templates from files, so each distinct template is
 * written once, under its sha256, to a private folder.
 */
export class CarboneDocxFiller {
  readonly #lang: string;
  readonly #timezone: string;
  readonly #tempDir: string;
  #templateDir: Promise<string> | undefined;
  readonly #writtenTemplates = new Map<string, Promise<string>>();

  constructor(options: CarboneDocxFillerOptions = {}) {
    this.#lang = options.lang ?? 'en-in';
    this.#timezone = options.timezone ?? 'Asia/Kolkata';
    this.#tempDir = options.tempDir ?? os.tmpdir();
  }

  async fill(template: Buffer, data: object): Promise<Buffer> {
    const [carbone, templatePath] = await Promise.all([loadCarbone(), this.#templateFile(template)]);
    return new Promise<Buffer>((resolve, reject) => {
      carbone.render(templatePath, data, { lang: this.#lang, timezone: this.#timezone }, (error, result) => {
        if (error !== null)
          return reject(renderErrors.templateInvalid(String(error instanceof Error ? error.message : error)));
        if (!Buffer.isBuffer(result)) return reject(renderErrors.templateInvalid('carbone returned no document'));
        resolve(result);
      });
    });
  }

  async close(): Promise<void> {
    const dir = await this.#templateDir;
    this.#writtenTemplates.clear();
    this.#templateDir = undefined;
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  }

  #templateFile(template: Buffer): Promise<string> {
    const digest = crypto.createHash('sha256').update(template).digest('hex');
    let written = this.#writtenTemplates.get(digest);
    if (!written) {
      written = this.#writeTemplate(digest, template);
      this.#writtenTemplates.set(digest, written);
      written.catch(() => this.#writtenTemplates.delete(digest));
    }
    return written;
  }

  async #writeTemplate(digest: string, template: Buffer): Promise<string> {
    this.#templateDir ??= fs.mkdtemp(path.join(this.#tempDir, 'repogen-templates-'));
    const file = path.join(await this.#templateDir, `${digest}.docx`);
    await fs.writeFile(file, template);
    return file;
  }
}

let carboneModule: Promise<Carbone> | undefined;

/**
 * Loads carbone on first use. On load, carbone's converter module adds SIGINT, SIGHUP, SIGQUIT
 * and `exit` listeners that shut down its own LibreOffice and keep the process running after
 * Ctrl-C; the host owns its signals and its converter, so those listeners are removed again.
 */
function loadCarbone(): Promise<Carbone> {
  carboneModule ??= (async () => {
    const host: NodeJS.EventEmitter = process;
    const events = ['SIGINT', 'SIGHUP', 'SIGQUIT', 'exit'];
    const before = new Map(events.map((event) => [event, new Set(host.listeners(event))]));
    const loaded = (await import('carbone')).default;
    for (const event of events) {
      for (const listener of host.listeners(event)) {
        if (!before.get(event)?.has(listener)) host.removeListener(event, listener as (...args: unknown[]) => void);
      }
    }
    loaded.addFormatters(INDIAN_NUMBER_FORMATTERS);
    return loaded;
  })();
  return carboneModule;
}
