import fs from 'node:fs/promises';
import path from 'node:path';
import { fileTypeFromFile } from 'file-type';
import { PDFDict, PDFDocument, PDFName, PDFStream } from 'pdf-lib';
import sharp from 'sharp';
import { EVIDENCE_ERROR_CODES as CODES, EvidenceRejectedError } from './evidence-errors.js';

/** One file part of an upload, as received: the HTTP layer streamed it to a file of its own. */
export interface UploadedFile {
  readonly filename: string;
  /** The part's declared content type; `application/octet-stream` declares nothing. */
  readonly contentType: string | undefined;
  /** Where its bytes are; the caller removes the file once the request is answered. */
  readonly path: string;
  readonly size: number;
}

export interface UploadLimits {
  readonly maxFileBytes: number;
  /** Width × height as the image header declares it, checked before any pixel is decoded. */
  readonly maxPixels: number;
  readonly maxPdfPages: number;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  maxFileBytes: 25 * 1024 * 1024,
  maxPixels: 50_000_000,
  maxPdfPages: 200,
};

/** What the bytes were confirmed to be. Width and height are as printed (EXIF orientation applied). */
export interface InspectedFile {
  readonly mime: AllowedMime;
  readonly width: number | undefined;
  readonly height: number | undefined;
  readonly pages: number | undefined;
}

const ALLOWED = ['image/jpeg', 'image/png', 'image/webp', 'image/tiff', 'application/pdf'] as const;
type AllowedMime = (typeof ALLOWED)[number];

const MIME_BY_EXTENSION: Readonly<Record<string, AllowedMime>> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.pdf': 'application/pdf',
};

/** Extensions that name script or markup whatever their bytes: refused before sniffing. */
const SCRIPT_EXTENSIONS = new Set([
  '.svg',
  '.svgz',
  '.html',
  '.htm',
  '.xhtml',
  '.xml',
  '.js',
  '.mjs',
  '.cjs',
  '.hta',
  '.php',
]);

/** Markup that a browser would run or render as a document, near the start of a text file. */
const MARKUP = /<\s*(?:!doctype|html|head|body|script|svg|iframe|object|embed|\?xml)\b/i;

/** PDF keys that carry code, other files or rich media; a viewer may run or open them. */
const PDF_ACTIVE_KEYS = new Set([
  '/JS',
  '/JavaScript',
  '/Launch',
  '/EmbeddedFile',
  '/EmbeddedFiles',
  '/RichMedia',
  '/XFA',
]);
/** Action types that run code, start programs or send data (an action's `/S`). */
const PDF_ACTIVE_ACTIONS = new Set(['/JavaScript', '/Launch', '/ImportData', '/SubmitForm', '/Rendition']);
/** The same names in uncompressed bytes: a cheap first look before parsing. */
const PDF_ACTIVE_BYTES = /\/(?:JavaScript|JS|Launch|EmbeddedFiles?|RichMedia|XFA)\b/;
/** Markup or script by sniffed type: never evidence, whatever the file is called. */
const SCRIPT_MIMES = new Set([
  'application/xml',
  'text/xml',
  'image/svg+xml',
  'text/html',
  'application/xhtml+xml',
  'application/javascript',
  'text/javascript',
]);

/**
 * Decides whether a file may become evidence, reading no more of an image than its headers: the
 * size cap, the type confirmed by magic bytes against the declared one, no markup or script, the
 * pixel count from the image header (a small file may declare gigapixels), and the page count
 * and active content of a PDF (which is parsed whole, within the size cap).
 */
export async function inspectUpload(
  file: UploadedFile,
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
): Promise<InspectedFile> {
  const reject = (code: (typeof CODES)[keyof typeof CODES], status: 400 | 413 | 415, problem: string) =>
    new EvidenceRejectedError(code, status, file.filename, problem);
  if (file.size > limits.maxFileBytes) {
    throw reject(CODES.tooLarge, 413, `is ${file.size} bytes; the cap is ${limits.maxFileBytes}`);
  }
  if (file.size === 0) throw reject(CODES.unreadable, 400, 'is empty');
  const extension = path.extname(file.filename).toLowerCase();
  if (SCRIPT_EXTENSIONS.has(extension))
    throw reject(CODES.scriptable, 415, `is ${extension}: markup and script are not evidence`);

  const sniffed = await fileTypeFromFile(file.path);
  if (!sniffed) {
    if (looksLikeMarkup(await readHead(file.path, 4096)))
      throw reject(CODES.scriptable, 415, 'is markup or script (HTML, SVG, XML), not an image or PDF');
    throw reject(CODES.typeMismatch, 415, 'is not a recognisable image or PDF: its first bytes match no allowed type');
  }
  const mime: string = sniffed.mime;
  if (SCRIPT_MIMES.has(mime)) throw reject(CODES.scriptable, 415, `is ${mime}: markup and script are not evidence`);
  if (!isAllowed(mime)) throw reject(CODES.typeUnsupported, 415, `is ${mime}; evidence is ${ALLOWED.join(', ')}`);

  const byExtension = MIME_BY_EXTENSION[extension];
  if (extension !== '' && byExtension !== mime) {
    throw reject(CODES.typeMismatch, 415, `is named ${extension} but its bytes are ${mime}`);
  }
  const declared = file.contentType?.split(';')[0]?.trim().toLowerCase();
  if (declared && declared !== 'application/octet-stream' && normaliseDeclared(declared) !== mime) {
    throw reject(CODES.typeMismatch, 415, `is sent as ${declared} but its bytes are ${mime}`);
  }
  return mime === 'application/pdf'
    ? inspectPdf(await fs.readFile(file.path), limits, reject)
    : inspectImage(mime, file.path, limits, reject);
}

type Reject = (
  code: (typeof CODES)[keyof typeof CODES],
  status: 400 | 413 | 415,
  problem: string,
) => EvidenceRejectedError;

async function inspectImage(
  mime: AllowedMime,
  file: string,
  limits: UploadLimits,
  reject: Reject,
): Promise<InspectedFile> {
  let metadata: sharp.Metadata;
  try {
    // limitInputPixels: false so that the header's own numbers are reported, not sharp's refusal.
    metadata = await sharp(file, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw reject(CODES.unreadable, 400, `cannot be read as ${mime}: ${(error as Error).message}`);
  }
  const { width, height } = metadata;
  if (!width || !height) throw reject(CODES.unreadable, 400, 'has no width or height');
  if (width * height > limits.maxPixels) {
    throw reject(CODES.tooManyPixels, 413, `declares ${width}×${height} pixels; the limit is ${limits.maxPixels}`);
  }
  // Orientations 5–8 turn the picture a quarter, so its printed shape swaps width and height.
  const turned = (metadata.orientation ?? 1) >= 5;
  return { mime, width: turned ? height : width, height: turned ? width : height, pages: undefined };
}

async function inspectPdf(bytes: Buffer, limits: UploadLimits, reject: Reject): Promise<InspectedFile> {
  const active = () => reject(CODES.scriptable, 415, 'is a PDF with JavaScript, actions or embedded files');
  if (PDF_ACTIVE_BYTES.test(bytes.toString('latin1'))) throw active();
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(bytes, {
      ignoreEncryption: true,
      updateMetadata: false,
      throwOnInvalidObject: false,
    });
  } catch (error) {
    throw reject(CODES.unreadable, 400, `cannot be read as a PDF: ${(error as Error).message}`);
  }
  // Object streams hide names from the byte scan above; the parsed objects do not.
  if (hasActiveContent(document)) throw active();
  const pages = document.getPageCount();
  if (pages < 1) throw reject(CODES.unreadable, 400, 'is a PDF without pages');
  if (pages > limits.maxPdfPages)
    throw reject(CODES.tooManyPages, 413, `has ${pages} pages; the cap is ${limits.maxPdfPages}`);
  return { mime: 'application/pdf', width: undefined, height: undefined, pages };
}

function hasActiveContent(document: PDFDocument): boolean {
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    const dict = object instanceof PDFDict ? object : object instanceof PDFStream ? object.dict : undefined;
    if (!dict) continue;
    for (const [key, value] of dict.entries()) {
      if (PDF_ACTIVE_KEYS.has(key.asString())) return true;
      if (key.asString() === '/S' && value instanceof PDFName && PDF_ACTIVE_ACTIONS.has(value.asString())) return true;
    }
  }
  return false;
}

function isAllowed(mime: string): mime is AllowedMime {
  return (ALLOWED as readonly string[]).includes(mime);
}

function normaliseDeclared(declared: string): string {
  return declared === 'image/jpg' || declared === 'image/pjpeg' ? 'image/jpeg' : declared;
}

/** The first `length` bytes of a file (fewer when it is shorter). */
async function readHead(file: string, length: number): Promise<Buffer> {
  const handle = await fs.open(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function looksLikeMarkup(bytes: Buffer): boolean {
  const head = bytes
    .subarray(0, 4096)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  return MARKUP.test(head) || /^\s*</.test(head) || /\b(?:function|=>|document\.|window\.)/.test(head);
}
