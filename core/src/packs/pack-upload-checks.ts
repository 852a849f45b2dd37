import vm from 'node:vm';
import { compileInputSchema, type JsonValue, type PackArchive, type ValidationProblem } from '@repogen/sdk';
import semver from 'semver';
import { InvalidError } from '../errors/domain-error.js';
import { EVIDENCE_KINDS, isKnownKindPattern } from '../evidence/evidence-kinds.js';

/** The sdk version this host runs packs for; a pack declares the range it was built against. */
export const HOST_SDK_VERSION = '0.1.0';

/**
 * What the host checks of an archive before running any of its code: the sdk range, the
 * evidence kinds the manifest names, the input schema, and a logic bundle that is one classic
 * script with no way to import.
 */
export function checkArchiveStatically(archive: PackArchive): void {
  const { manifest } = archive;
  if (!semver.validRange(manifest.sdk) || !semver.satisfies(HOST_SDK_VERSION, manifest.sdk)) {
    throw new InvalidError(
      'PACK_SDK_INCOMPATIBLE',
      `The pack needs sdk ${manifest.sdk}; this host runs sdk ${HOST_SDK_VERSION}`,
    );
  }
  const unknownKinds = unknownEvidenceKinds(manifest);
  if (unknownKinds.length > 0) {
    throw new InvalidError(
      'PACK_MANIFEST_INVALID',
      `The manifest names evidence kinds this host does not take; it takes ${EVIDENCE_KINDS.join(', ')}`,
      { problems: unknownKinds },
    );
  }
  const schema = parseJsonFile(archive, 'schema.json');
  const compiled = compileInputSchema(schema);
  if (!compiled.ok)
    throw new InvalidError('PACK_SCHEMA_INVALID', 'schema.json does not compile', { problems: compiled.problems });

  const logic = archive.files.get('logic.js')?.toString('utf8') ?? '';
  const problems: ValidationProblem[] = [];
  try {
    // Compiling as a classic script rejects `import`/`export` declarations; nothing runs here.
    new vm.Script(logic, { filename: 'logic.js' });
  } catch (error) {
    problems.push({
      path: 'logic.js',
      message: `does not compile as a script: ${(error as Error).message.slice(0, 300)}`,
    });
  }
  if (/\bimport\s*\(/.test(logic)) problems.push({ path: 'logic.js', message: 'uses dynamic import()' });
  if (problems.length > 0)
    throw new InvalidError('PACK_LOGIC_INVALID', 'The logic bundle is not a self-contained script', { problems });
}

/**
 * Kinds in the evidence profile and the annexure sections that no upload can have: a checklist
 * that can never be complete, a section that is always empty.
 */
export function unknownEvidenceKinds(
  manifest: Pick<PackArchive['manifest'], 'evidence' | 'annexures'>,
): ValidationProblem[] {
  const named: [string, string][] = [
    ...manifest.evidence.required.map((entry, index): [string, string] => [
      `evidence.required[${index}].kind`,
      entry.kind,
    ]),
    ...(manifest.evidence.ocr ?? []).map((entry, index): [string, string] => [
      `evidence.ocr[${index}].kind`,
      entry.kind,
    ]),
    ...manifest.annexures.flatMap((section, index) =>
      section.kinds.map((kind, at): [string, string] => [`annexures[${index}].kinds[${at}]`, kind]),
    ),
  ];
  return named
    .filter(([, kind]) => !isKnownKindPattern(kind))
    .map(([path, kind]) => ({ path, message: `"${kind}" is not an evidence kind this host takes` }));
}

export function parseJsonFile(archive: PackArchive, path: string): JsonValue {
  try {
    return JSON.parse(archive.files.get(path)?.toString('utf8') ?? '') as JsonValue;
  } catch {
    throw new InvalidError('PACK_ARCHIVE_INVALID', `${path} is not valid JSON`);
  }
}
