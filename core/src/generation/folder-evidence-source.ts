import fs from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { InvalidError } from '../errors/domain-error.js';
import type { EvidenceItem, EvidenceSource } from './evidence-source.js';

/** Sub-folders of an evidence folder and the kind their files get. */
export const FOLDER_KINDS: Readonly<Record<string, string>> = {
  exterior: 'photo.exterior',
  interior: 'photo.interior',
  surroundings: 'photo.surroundings',
  gps: 'photo.gps',
  screenshots: 'screenshot.other',
  documents: 'document.other',
};

const EVIDENCE_KIND = /^(photo|screenshot|document)\.[a-z_]+$/;
const MIME_BY_EXTENSION: Readonly<Record<string, string>> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.heic': 'image/heif',
  '.heif': 'image/heif',
  '.pdf': 'application/pdf',
};

/** A manifest.json in the evidence folder: each file (relative path) and its kind, in order. */
interface FolderManifest {
  readonly files?: unknown;
}

/**
 * Evidence read from a folder for `repogen generate`: either a `manifest.json` naming each
 * file's kind, or sub-folders named after kinds (`exterior/`, `interior/`, `surroundings/`,
 * `gps/`, `screenshots/`, `documents/`), files in name order. A screenshot's or document's
 * file name may name its kind (`guideline.png` → screenshot.guideline, `sale_deed.pdf` →
 * document.sale_deed). Problems throw EVIDENCE_INVALID naming the file.
 */
export async function readEvidenceFolder(dir: string): Promise<EvidenceSource> {
  const stat = await fs.stat(dir).catch(() => undefined);
  if (!stat?.isDirectory()) throw evidenceInvalid(dir, 'is not a folder');
  const manifestFile = path.join(dir, 'manifest.json');
  const entries = (await fs.stat(manifestFile).catch(() => undefined)) ? await fromManifest(dir, manifestFile) : await fromSubfolders(dir);

  const files = new Map<string, string>();
  const items: EvidenceItem[] = [];
  const orderByKind = new Map<string, number>();
  for (const entry of entries) {
    const mime = MIME_BY_EXTENSION[path.extname(entry.file).toLowerCase()];
    if (!mime) throw evidenceInvalid(entry.file, `has an unsupported type (use ${Object.keys(MIME_BY_EXTENSION).join(', ')})`);
    const bytes = await fs.readFile(entry.file).catch(() => {
      throw evidenceInvalid(entry.file, 'cannot be read');
    });
    const id = uniqueId(path.basename(entry.file, path.extname(entry.file)), files);
    const order = orderByKind.get(entry.kind) ?? 0;
    orderByKind.set(entry.kind, order + 1);
    const size = mime === 'application/pdf' ? await checkPdf(entry.file, bytes) : await imageSize(entry.file, bytes);
    items.push({ id, kind: entry.kind, mime, size: bytes.length, order, title: entry.title, ...size });
    files.set(id, entry.file);
  }
  return {
    list: () => Promise.resolve(items),
    async read(id) {
      const file = files.get(id);
      if (!file) throw new Error(`No evidence '${id}' in ${dir}`);
      return fs.readFile(file);
    },
  };
}

interface FolderEntry {
  readonly file: string;
  readonly kind: string;
  readonly title: string;
}

async function fromManifest(dir: string, manifestFile: string): Promise<FolderEntry[]> {
  let manifest: FolderManifest;
  try {
    manifest = JSON.parse(await fs.readFile(manifestFile, 'utf8')) as FolderManifest;
  } catch (error) {
    throw evidenceInvalid(manifestFile, `is not JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(manifest.files)) throw evidenceInvalid(manifestFile, 'needs a "files" array of {file, kind}');
  return (manifest.files as unknown[]).map((raw, index) => {
    const where = `${manifestFile} files[${index}]`;
    const entry = (typeof raw === 'object' && raw !== null ? raw : {}) as { file?: unknown; kind?: unknown; title?: unknown };
    if (typeof entry.file !== 'string' || entry.file === '') throw evidenceInvalid(where, 'needs "file"');
    if (typeof entry.kind !== 'string' || !EVIDENCE_KIND.test(entry.kind)) {
      throw evidenceInvalid(where, `has kind ${JSON.stringify(entry.kind)}; a kind looks like photo.exterior, screenshot.guideline or document.sale_deed`);
    }
    const file = path.resolve(dir, entry.file);
    if (path.relative(dir, file).startsWith('..')) throw evidenceInvalid(where, 'names a file outside the evidence folder');
    return { file, kind: entry.kind, title: typeof entry.title === 'string' && entry.title !== '' ? entry.title : titleOf(file) };
  });
}

async function fromSubfolders(dir: string): Promise<FolderEntry[]> {
  const entries: FolderEntry[] = [];
  const children = await fs.readdir(dir, { withFileTypes: true });
  const unknown = children.filter((child) => child.isDirectory() && !Object.hasOwn(FOLDER_KINDS, child.name));
  if (unknown.length > 0) {
    throw evidenceInvalid(path.join(dir, unknown[0]!.name), `is not an evidence folder (use ${Object.keys(FOLDER_KINDS).join(', ')}, or a manifest.json)`);
  }
  // A photo left beside the kind folders would otherwise be left out of the report without a word.
  const loose = children.filter((child) => child.isFile() && !child.name.startsWith('.'));
  if (loose.length > 0) {
    throw evidenceInvalid(path.join(dir, loose[0]!.name), `is in no kind folder: move it into one of ${Object.keys(FOLDER_KINDS).join(', ')}, or list every file in a manifest.json`);
  }
  for (const [folder, kind] of Object.entries(FOLDER_KINDS)) {
    const names = await fs.readdir(path.join(dir, folder)).catch(() => [] as string[]);
    for (const name of names.filter((candidate) => !candidate.startsWith('.')).sort()) {
      const file = path.join(dir, folder, name);
      entries.push({ file, kind: kindFromName(kind, name), title: titleOf(file) });
    }
  }
  return entries;
}

/** `screenshots/guideline-rate.png` → screenshot.guideline; `documents/sale_deed.pdf` → document.sale_deed. */
function kindFromName(kind: string, name: string): string {
  const family = kind.split('.')[0];
  if (family !== 'screenshot' && family !== 'document') return kind;
  const stem = path.basename(name, path.extname(name)).toLowerCase();
  if (family === 'screenshot') {
    const known = ['guideline', 'map', 'route'].find((word) => stem.includes(word));
    return known ? `screenshot.${known}` : kind;
  }
  const word = stem.replace(/^\d+[-_ ]*/, '').replace(/[^a-z]+/g, '_').replace(/^_+|_+$/g, '');
  return word ? `document.${word}` : kind;
}

function titleOf(file: string): string {
  const stem = path.basename(file, path.extname(file)).replace(/^\d+[-_ ]*/, '').replace(/[-_]+/g, ' ').trim();
  return stem ? stem.charAt(0).toUpperCase() + stem.slice(1) : path.basename(file);
}

/** A document is appended to the PDF after LibreOffice's conversion; a broken one is named now, not then. */
async function checkPdf(file: string, bytes: Buffer): Promise<undefined> {
  let pages: number;
  try {
    pages = (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
  } catch (error) {
    throw evidenceInvalid(file, `is not a readable PDF (${(error as Error).message})`);
  }
  if (pages === 0) throw evidenceInvalid(file, 'is a PDF without pages');
  return undefined;
}

async function imageSize(file: string, bytes: Buffer): Promise<{ width?: number; height?: number }> {
  try {
    const metadata = await sharp(bytes).metadata();
    // Orientations 5–8 turn the picture a quarter, so its printed shape swaps width and height.
    const turned = (metadata.orientation ?? 1) >= 5;
    const width = turned ? metadata.height : metadata.width;
    const height = turned ? metadata.width : metadata.height;
    return width && height ? { width, height } : {};
  } catch {
    throw evidenceInvalid(file, 'is not a readable image');
  }
}

function uniqueId(stem: string, taken: ReadonlyMap<string, string>): string {
  const base = stem.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 100) || 'evidence';
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  return id;
}

function evidenceInvalid(where: string, problem: string): InvalidError {
  return new InvalidError('EVIDENCE_INVALID', `${where} ${problem}`, { file: where });
}
