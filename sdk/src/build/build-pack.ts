import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild, type Plugin } from 'esbuild';
import type { JsonValue } from '../contract/pack-contract.js';
import { archiveFileName, ARCHIVE_PATH, type BuiltManifest } from '../archive/pack-archive.js';
import { writePackArchive } from '../archive/write-pack-archive.js';
import { compileInputSchema } from '../manifest/validate-input-schema.js';
import { validateManifest, type ValidationProblem } from '../manifest/validate-manifest.js';

/** A pack source folder that cannot be built, with every problem found. */
export class PackBuildError extends Error {
  constructor(
    message: string,
    readonly problems: readonly ValidationProblem[] = [],
  ) {
    super(message);
    this.name = 'PackBuildError';
  }
}

export interface BuiltPack {
  readonly manifest: BuiltManifest;
  readonly files: ReadonlyMap<string, Buffer>;
  readonly bytes: Buffer;
  readonly digest: string;
  /** Where the archive was written (`<dir>/dist/KEY-VERSION.rpack`), when it was. */
  readonly archivePath: string | undefined;
}

const BUNDLED_FOLDERS = ['templates', 'assets', 'fixtures'] as const;

/** Reads `package.json`'s `"repogen"` manifest and checks it, without running any pack code. */
export async function readPackSource(
  dir: string,
): Promise<{ manifest: Omit<BuiltManifest, 'files'>; schema: JsonValue }> {
  const pkg = await readJson(path.join(dir, 'package.json'));
  if (typeof pkg !== 'object' || pkg === null || Array.isArray(pkg))
    throw new PackBuildError('package.json is not an object');
  const check = validateManifest(pkg.repogen);
  if (!check.ok) throw new PackBuildError('The "repogen" manifest in package.json is not valid', check.problems);
  if (typeof pkg.name !== 'string' || typeof pkg.version !== 'string')
    throw new PackBuildError('package.json needs a name and a version');
  const schema = await readJson(path.join(dir, 'schema.json'));
  const compiled = compileInputSchema(schema);
  if (!compiled.ok) throw new PackBuildError('schema.json does not compile', compiled.problems);
  return { manifest: { ...check.manifest, name: pkg.name, version: pkg.version }, schema };
}

/**
 * Bundles `src/index.ts` (its default export is the `definePack` result) into one classic
 * script with no imports, and archives it with the manifest, schema, templates, assets and
 * fixtures. The bundle targets a bare V8 context: a Node built-in import fails the build.
 */
export async function buildPack(packDir: string, options: { write?: boolean } = {}): Promise<BuiltPack> {
  // esbuild resolves the entry from `resolveDir`; a relative folder would be read against it.
  const dir = path.resolve(packDir);
  const { manifest, schema } = await readPackSource(dir);
  const logic = await bundleLogic(dir);
  const files = new Map<string, Buffer>([
    ['logic.js', logic],
    ['schema.json', Buffer.from(JSON.stringify(schema, null, 2) + '\n')],
  ]);
  for (const folder of BUNDLED_FOLDERS) {
    for (const file of await listFiles(path.join(dir, folder))) {
      const archivePath = `${folder}/${path.relative(path.join(dir, folder), file).split(path.sep).join('/')}`;
      if (!ARCHIVE_PATH.test(archivePath))
        throw new PackBuildError(`${archivePath}: file names may use only letters, digits, ".", "_" and "-"`);
      files.set(archivePath, await fs.readFile(file));
    }
  }
  const missing = manifest.templates.filter((template) => !files.has(template.file));
  if (missing.length > 0) {
    throw new PackBuildError(
      'Templates named in the manifest are missing',
      missing.map((t) => ({ path: t.file, message: 'not found' })),
    );
  }
  const archive = await writePackArchive(manifest, files);
  let archivePath: string | undefined;
  if (options.write !== false) {
    archivePath = path.join(dir, 'dist', archiveFileName(manifest));
    await fs.mkdir(path.dirname(archivePath), { recursive: true });
    await fs.writeFile(archivePath, archive.bytes);
  }
  return { manifest: archive.manifest, files, bytes: archive.bytes, digest: archive.digest, archivePath };
}

async function bundleLogic(dir: string): Promise<Buffer> {
  const entry = path.join(dir, 'src', 'index.ts');
  await fs.access(entry).catch(() => {
    throw new PackBuildError('src/index.ts is missing');
  });
  try {
    const result = await esbuild({
      // esbuild names each bundled module in a comment, by its path from the working directory:
      // anchored at the pack, the bundle (and the digest) is the same from whichever folder it is built.
      absWorkingDir: dir,
      stdin: {
        contents: `import pack from './src/index.ts';\nimport { packEntry } from '@repogen/sdk/pack';\npackEntry(pack);\n`,
        resolveDir: dir,
        loader: 'ts',
        sourcefile: 'pack-entry.ts',
      },
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'neutral',
      target: 'es2022',
      mainFields: ['module', 'main'],
      conditions: ['import', 'default'],
      plugins: [packRuntimePlugin()],
      legalComments: 'none',
      minify: false,
      logLevel: 'silent',
    });
    const [output] = result.outputFiles;
    if (!output) throw new PackBuildError('esbuild produced no output');
    return Buffer.from(output.contents);
  } catch (error) {
    if (error instanceof PackBuildError) throw error;
    const errors =
      (error as { errors?: { text: string; location?: { file: string; line: number } | null }[] }).errors ?? [];
    throw new PackBuildError(
      'The pack logic does not bundle for a bare sandbox (no Node built-ins, no I/O)',
      errors.map((e) => ({ path: e.location ? `${e.location.file}:${e.location.line}` : 'src', message: e.text })),
    );
  }
}

/**
 * Resolves `@repogen/sdk/pack` and the kits (`@repogen/sdk/kits/<name>`) to this sdk's own
 * files, so a pack builds with the runtime of the CLI that builds it, wherever its folder is and
 * whether or not it installed the sdk.
 */
function packRuntimePlugin(): Plugin {
  return {
    name: 'repogen-pack-runtime',
    setup(build) {
      build.onResolve({ filter: SDK_MODULE }, async (args) => {
        const module = SDK_MODULES.get(args.path);
        if (module === undefined) return { errors: [{ text: `${args.path} is not a module of the sdk` }] };
        return { path: await sdkModulePath(module) };
      });
    },
  };
}

const SDK_MODULE = /^@repogen\/sdk\/(pack|kits\/.*)$/;

/** Specifier → the sdk file it names, relative to `dist/` (or `src/`) and without its extension. */
const SDK_MODULES = new Map([
  ['@repogen/sdk/pack', 'pack'],
  ['@repogen/sdk/kits/valuation', 'kits/valuation/index'],
  ['@repogen/sdk/kits/project-finance', 'kits/project-finance/index'],
]);

async function sdkModulePath(module: string): Promise<string> {
  // Compiled, this module sits in dist/build beside dist/pack.js; run from source, beside src/pack.ts.
  const candidates = [`../${module}.js`, `../${module}.ts`].map((relative) =>
    fileURLToPath(new URL(relative, import.meta.url)),
  );
  for (const candidate of candidates) {
    if (
      await fs.access(candidate).then(
        () => true,
        () => false,
      )
    )
      return candidate;
  }
  throw new PackBuildError(`The sdk's ${module} module is missing (looked for ${candidates.join(', ')})`);
}

async function listFiles(folder: string): Promise<string[]> {
  const entries = await fs.readdir(folder, { withFileTypes: true, recursive: true }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

async function readJson(file: string): Promise<JsonValue> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    throw new PackBuildError(`${path.basename(file)} is missing`);
  }
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    throw new PackBuildError(`${path.basename(file)} is not valid JSON`);
  }
}
