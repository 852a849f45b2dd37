import fs from 'node:fs/promises';
import path from 'node:path';
import { isDomainError } from '../errors/domain-error.js';
import { isEvidenceKind, EVIDENCE_KINDS } from '../evidence/evidence-kinds.js';
import { inspectUpload } from '../evidence/upload-inspection.js';
import { readEvidenceImage } from '../ocr/evidence-reader.js';
import { createTesseractEngine } from '../ocr/ocr-engine.js';
import { CliError, EXIT } from './cli-error.js';

export interface ExtractOptions {
  readonly files: readonly string[];
  /** Read every file as this kind; without it the kind is told from the content. */
  readonly kind: string | undefined;
  readonly json: boolean;
  readonly out?: (line: string) => void;
}

/** One file's outcome, as printed with --json. */
export interface ExtractLine {
  readonly file: string;
  readonly kind?: string;
  readonly fields?: Readonly<Record<string, number | string>>;
  readonly confidence?: number;
  readonly ms: number;
  readonly error?: { readonly code: string; readonly message: string };
}

/**
 * `repogen extract`: the upload's checks, then the same preparation, OCR and extraction as
 * the OCR job, on local files, with one warm worker for all of them. Exits 1 when a file
 * could not be read.
 */
export async function extract(options: ExtractOptions): Promise<number> {
  const print = options.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  if (options.files.length === 0) throw new CliError('Name at least one file', EXIT.usage);
  if (options.kind !== undefined && !isEvidenceKind(options.kind))
    throw new CliError(`--kind must be one of ${EVIDENCE_KINDS.join(', ')}`, EXIT.usage);
  const engine = createTesseractEngine({ workers: 1 });
  let failed = 0;
  try {
    for (const file of options.files) {
      const line = await extractOne(engine, file, options.kind);
      if (line.error) failed += 1;
      print(options.json ? JSON.stringify(line) : describe(line));
    }
  } finally {
    await engine.close();
  }
  return failed === 0 ? EXIT.ok : EXIT.failure;
}

async function extractOne(
  engine: ReturnType<typeof createTesseractEngine>,
  file: string,
  kind: string | undefined,
): Promise<ExtractLine> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const bytes = await fs.readFile(file).catch((error: unknown) => {
      const { code, message } = error as NodeJS.ErrnoException;
      throw new CliError(`${file}: ${code === 'ENOENT' ? 'no such file' : message}`, EXIT.failure);
    });
    const inspected = await inspectUpload({ filename: path.basename(file), contentType: undefined, path: file, size: bytes.length });
    if (inspected.mime === 'application/pdf') {
      return {
        file,
        ms: elapsed(),
        error: { code: 'OCR_PDF_UNSUPPORTED', message: 'PDFs are not read by OCR yet; upload a scan as an image' },
      };
    }
    const reading = await readEvidenceImage(engine, bytes, kind);
    const fields = Object.fromEntries(Object.entries(reading.fields).map(([name, field]) => [name, field.value]));
    return { file, kind: reading.kind, fields, confidence: reading.confidence, ms: elapsed() };
  } catch (error) {
    if (isDomainError(error)) return { file, ms: elapsed(), error: { code: error.code, message: error.message } };
    if (error instanceof CliError)
      return { file, ms: elapsed(), error: { code: 'FILE_UNREADABLE', message: error.message } };
    throw error;
  }
}

function describe(line: ExtractLine): string {
  if (line.error) return `${line.file}: ${line.error.code} ${line.error.message}`;
  const fields = Object.entries(line.fields ?? {}).map(([name, value]) => `${name}=${value}`);
  return `${line.file}: ${line.kind} ${fields.length > 0 ? fields.join(' ') : '(no fields)'} · confidence ${line.confidence} · ${line.ms} ms`;
}
