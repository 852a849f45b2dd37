import { Parser, type ReadEntry } from 'tar';
import { validateManifest, type ValidationProblem } from '../manifest/validate-manifest.js';
import { ARCHIVE_LIMITS, ARCHIVE_PATH, type BuiltManifest, type PackArchive } from './pack-archive.js';
import { sha256 } from './write-pack-archive.js';

/** Why an archive was refused: a stable code and the problems found. */
export class PackArchiveError extends Error {
  constructor(
    readonly code: 'PACK_ARCHIVE_INVALID' | 'PACK_ARCHIVE_TOO_LARGE' | 'PACK_MANIFEST_INVALID',
    message: string,
    readonly problems: readonly ValidationProblem[] = [],
  ) {
    super(message);
    this.name = 'PackArchiveError';
  }
}

/**
 * Reads an archive without trusting it: only regular files at allowed paths, within size
 * caps counted while decompressing (a gzip bomb stops early), every file's sha256 checked
 * against the manifest, nothing missing and nothing extra.
 */
export async function readPackArchive(bytes: Buffer): Promise<PackArchive> {
  if (bytes.length > ARCHIVE_LIMITS.compressedBytes) {
    throw new PackArchiveError('PACK_ARCHIVE_TOO_LARGE', `The archive is over ${ARCHIVE_LIMITS.compressedBytes} bytes`);
  }
  const entries = await untar(bytes);
  const manifestBytes = entries.get('manifest.json');
  if (!manifestBytes) throw new PackArchiveError('PACK_ARCHIVE_INVALID', 'The archive has no manifest.json');
  entries.delete('manifest.json');

  let parsed: unknown;
  try {
    parsed = JSON.parse(manifestBytes.toString('utf8'));
  } catch {
    throw new PackArchiveError('PACK_MANIFEST_INVALID', 'manifest.json is not JSON');
  }
  const { name, version, files, ...authored } = (parsed ?? {}) as Partial<BuiltManifest>;
  const check = validateManifest(authored);
  if (!check.ok) throw new PackArchiveError('PACK_MANIFEST_INVALID', 'manifest.json does not match the manifest schema', check.problems);
  if (typeof name !== 'string' || typeof version !== 'string' || typeof files !== 'object' || files === null) {
    throw new PackArchiveError('PACK_MANIFEST_INVALID', 'manifest.json lacks name, version or files');
  }
  if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version)) {
    throw new PackArchiveError('PACK_MANIFEST_INVALID', `version "${version}" is not semver (x.y.z)`);
  }

  const problems: ValidationProblem[] = [];
  for (const [path, digest] of Object.entries(files)) {
    const content = entries.get(path);
    if (!content) problems.push({ path, message: 'listed in the manifest but missing from the archive' });
    else if (sha256(content) !== digest) problems.push({ path, message: 'sha256 does not match the manifest' });
  }
  for (const path of entries.keys()) {
    if (!(path in files)) problems.push({ path, message: 'in the archive but not listed in the manifest' });
  }
  for (const required of ['logic.js', 'schema.json']) {
    if (!entries.has(required)) problems.push({ path: required, message: 'required file is missing' });
  }
  for (const template of check.manifest.templates) {
    if (!entries.has(template.file)) problems.push({ path: template.file, message: 'template named in the manifest is missing' });
  }
  if ((entries.get('logic.js')?.length ?? 0) > ARCHIVE_LIMITS.logicBytes) {
    problems.push({ path: 'logic.js', message: `larger than ${ARCHIVE_LIMITS.logicBytes} bytes` });
  }
  if (problems.length > 0) throw new PackArchiveError('PACK_ARCHIVE_INVALID', 'The archive does not match its manifest', problems);

  const manifest: BuiltManifest = { ...check.manifest, name, version, files };
  return { manifest, files: entries, digest: sha256(manifestBytes) };
}

async function untar(bytes: Buffer): Promise<Map<string, Buffer>> {
  const entries = new Map<string, Buffer>();
  let total = 0;
  let failure: PackArchiveError | undefined;
  const fail = (error: PackArchiveError) => {
    failure ??= error;
  };

  const parser = new Parser({
    strict: true,
    onReadEntry(entry: ReadEntry) {
      const path = entry.path.replace(/^\.\//, '');
      if (entry.type === 'Directory') return entry.resume();
      if (entry.type !== 'File' && entry.type !== 'OldFile') {
        fail(new PackArchiveError('PACK_ARCHIVE_INVALID', `"${path}" is a ${entry.type}; only regular files are allowed`));
        return entry.resume();
      }
      if (!ARCHIVE_PATH.test(path) || path.split('/').some((part) => part === '..' || part === '.')) {
        fail(new PackArchiveError('PACK_ARCHIVE_INVALID', `"${path.slice(0, 200)}" is not an allowed archive path`));
        return entry.resume();
      }
      if (entries.has(path)) {
        fail(new PackArchiveError('PACK_ARCHIVE_INVALID', `"${path}" appears twice`));
        return entry.resume();
      }
      if (entries.size >= ARCHIVE_LIMITS.files) {
        fail(new PackArchiveError('PACK_ARCHIVE_TOO_LARGE', `more than ${ARCHIVE_LIMITS.files} files`));
        return entry.resume();
      }
      const chunks: Buffer[] = [];
      let size = 0;
      entry.on('data', (chunk: Buffer) => {
        size += chunk.length;
        total += chunk.length;
        if (size > ARCHIVE_LIMITS.fileBytes || total > ARCHIVE_LIMITS.uncompressedBytes) {
          fail(new PackArchiveError('PACK_ARCHIVE_TOO_LARGE', 'the archive unpacks to more than the allowed size'));
          return;
        }
        if (failure === undefined) chunks.push(chunk);
      });
      entry.on('end', () => {
        if (failure === undefined) entries.set(path, Buffer.concat(chunks));
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    parser.on('error', (error: Error) => reject(new PackArchiveError('PACK_ARCHIVE_INVALID', `not a gzipped tar: ${error.message}`)));
    parser.on('warn', (_code: string, message: string) => fail(new PackArchiveError('PACK_ARCHIVE_INVALID', `not a valid tar: ${message}`)));
    parser.on('end', () => resolve());
    parser.end(bytes);
  });
  if (failure) throw failure;
  return entries;
}
