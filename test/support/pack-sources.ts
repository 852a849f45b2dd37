import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPack, type BuiltPack } from '@repogen/sdk';

export const TEMPLATE_PACKS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../template-packs');
export const SBI_PACK_DIR = path.join(TEMPLATE_PACKS_DIR, 'sbi-under-5cr-v1');

interface PackageJson {
  version: string;
  repogen: Record<string, unknown>;
  [field: string]: unknown;
}

export interface PackVariant {
  /** Changes the copied package.json (its "repogen" manifest, its version). */
  readonly packageJson?: (pkg: PackageJson) => void;
  /** Changes files of the copy, by path relative to the pack folder. */
  readonly files?: Readonly<Record<string, (text: string) => string>>;
  /** Adds (or replaces) files of the copy, by path relative to the pack folder: a DOCX template. */
  readonly addFiles?: Readonly<Record<string, Buffer>>;
}

/**
 * Builds a copy of a bundled pack with its manifest or files changed, so a test can upload a
 * pack the repository does not ship (a bank's custom pack, a new version, a broken fixture)
 * and still run real pack code through the real sandbox.
 */
export async function buildPackVariant(sourceDir: string, variant: PackVariant = {}): Promise<BuiltPack> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'repogen-pack-variant-'));
  try {
    await writePackVariant(sourceDir, dir, variant);
    return await buildPack(dir, { write: false });
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** Writes the changed copy of a pack into `dir` (a pack folder the CLI can install from). */
export async function writePackVariant(sourceDir: string, dir: string, variant: PackVariant = {}): Promise<void> {
  await fs.cp(sourceDir, dir, {
    recursive: true,
    filter: (source) => !/(^|\/)(node_modules|dist)(\/|$)/.test(path.relative(sourceDir, source)),
  });
  const pkgPath = path.join(dir, 'package.json');
  const pkg = JSON.parse(await fs.readFile(pkgPath, 'utf8')) as PackageJson;
  const source = pkg.repogen;
  variant.packageJson?.(pkg);
  keepOutOfSelection(pkg, source);
  await fs.writeFile(pkgPath, JSON.stringify(pkg, null, 2));
  for (const [file, edit] of Object.entries(variant.files ?? {})) {
    const target = path.join(dir, file);
    await fs.writeFile(target, edit(await fs.readFile(target, 'utf8')));
  }
  for (const [file, bytes] of Object.entries(variant.addFiles ?? {})) {
    const target = path.join(dir, file);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, bytes);
  }
}

/** A pack key nobody else in the shared test database uses. */
export function uniquePackKey(prefix: string): string {
  return `${prefix}_${crypto.randomBytes(4).toString('hex').toUpperCase()}_V1`;
}

/**
 * A copy under a new key keeps its source's selection rule unless the test set one; in the
 * shared test database it would then compete with the real pack in `GET /v1/packs/select`
 * (same priority, and ties go by key). Such a copy is suggested only for a test bank instead.
 */
function keepOutOfSelection(pkg: PackageJson, source: PackageJson['repogen']): void {
  const copied = pkg.repogen.key !== source.key && JSON.stringify(pkg.repogen.selection) === JSON.stringify(source.selection);
  if (copied) pkg.repogen = { ...pkg.repogen, selection: { banks: ['Repogen Test Bank'], priority: 0 } };
}
