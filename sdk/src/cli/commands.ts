import fs from 'node:fs/promises';
import path from 'node:path';
import { readPackArchive, PackArchiveError } from '../archive/read-pack-archive.js';
import { buildPack, PackBuildError, readPackSource } from '../build/build-pack.js';
import type { JsonValue } from '../contract/pack-contract.js';
import { discoverFixtures, runFixtures } from '../fixtures/run-fixtures.js';
import { CliFailure, EXIT, type CliOutput } from './cli-output.js';
import { scaffoldPack } from './scaffold-pack.js';
import { openLocalSandbox } from './local-sandbox.js';
import { previewPack } from './preview-pack.js';
import { progressBar, publishPack } from './publish-pack.js';
import { generateInputTypes } from './typegen.js';

export interface CommandContext {
  readonly positionals: readonly string[];
  readonly options: Readonly<Record<string, string | boolean | undefined>>;
  readonly out: CliOutput;
}

export interface PackCommand {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  readonly options?: Readonly<Record<string, { type: 'string' | 'boolean' }>>;
  run(context: CommandContext): Promise<number>;
}

function dirArgument(context: CommandContext): string {
  const [dir] = context.positionals;
  if (!dir) throw new CliFailure('a pack directory is required', EXIT.usage);
  return path.resolve(dir);
}

/** The file an argument names, read whole; a missing or unreadable file is the caller's mistake, not the host's. */
async function readFileArgument(file: string): Promise<Buffer> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'does not exist'
        : code === 'EISDIR'
          ? 'is a folder, not a .rpack file (run repogen-pack build first)'
          : `cannot be read (${(error as Error).message})`;
    throw new CliFailure(`${file} ${reason}`, EXIT.usage);
  }
}

/** Turns the sdk's typed failures into CLI failures with their problems. */
async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof PackBuildError || error instanceof PackArchiveError) throw new CliFailure(error.message, EXIT.invalid, error.problems);
    throw error;
  }
}

export const packCommands: readonly PackCommand[] = [
  {
    name: 'init',
    usage: 'repogen-pack init <dir> [--key KEY_V1] [--title "…"]',
    summary: 'Scaffold a working pack: manifest, schema, logic, a fixture case, and types',
    options: { key: { type: 'string' }, title: { type: 'string' } },
    async run(context) {
      const dir = dirArgument(context);
      const created = await scaffoldPack(dir, {
        key: context.options.key as string | undefined,
        title: context.options.title as string | undefined,
      });
      await guarded(() => generateInputTypes(dir));
      context.out.result({ dir, key: created.key, files: created.files }, () => [
        `Created ${created.key} in ${dir}:`,
        ...created.files.map((file) => `  ${file}`),
        '',
        `Next: repogen-pack test ${path.relative(process.cwd(), dir) || '.'}`,
      ]);
      return EXIT.ok;
    },
  },
  {
    name: 'typegen',
    usage: 'repogen-pack typegen <dir>',
    summary: 'Write src/input.generated.ts from schema.json',
    async run(context) {
      const { file } = await guarded(() => generateInputTypes(dirArgument(context)));
      context.out.result({ file }, () => [`Wrote ${file}`]);
      return EXIT.ok;
    },
  },
  {
    name: 'build',
    usage: 'repogen-pack build <dir>',
    summary: 'Bundle the logic and archive the pack into dist/<KEY>-<version>.rpack',
    async run(context) {
      const built = await guarded(() => buildPack(dirArgument(context)));
      context.out.result(
        { archive: built.archivePath, key: built.manifest.key, version: built.manifest.version, digest: built.digest, files: built.manifest.files, bytes: built.bytes.length },
        () => [
          `Built ${built.manifest.key}@${built.manifest.version} → ${built.archivePath} (${built.bytes.length} bytes)`,
          `  digest ${built.digest}`,
          ...Object.entries(built.manifest.files).map(([file, digest]) => `  ${digest.slice(0, 12)}  ${file}`),
        ],
      );
      return EXIT.ok;
    },
  },
  {
    name: 'validate',
    usage: 'repogen-pack validate <dir|file.rpack>',
    summary: 'Check a pack folder (manifest, schema) or a built archive (also every file digest)',
    async run(context) {
      const target = dirArgument(context);
      const stat = await fs.stat(target).catch(() => undefined);
      if (!stat) throw new CliFailure(`${target} does not exist`, EXIT.usage);
      if (stat.isDirectory()) {
        const { manifest } = await guarded(() => readPackSource(target));
        context.out.result({ valid: true, key: manifest.key, version: manifest.version }, () => [`${manifest.key}@${manifest.version}: manifest and schema are valid`]);
      } else {
        const archive = await guarded(async () => readPackArchive(await fs.readFile(target)));
        context.out.result({ valid: true, key: archive.manifest.key, version: archive.manifest.version, digest: archive.digest }, () => [
          `${archive.manifest.key}@${archive.manifest.version}: archive is valid (digest ${archive.digest})`,
        ]);
      }
      return EXIT.ok;
    },
  },
  {
    name: 'test',
    usage: 'repogen-pack test <dir>',
    summary: "Run every fixture case through the host's real sandbox",
    async run(context) {
      const built = await guarded(() => buildPack(dirArgument(context), { write: false }));
      const cases = discoverFixtures(built.files);
      if (cases.length === 0) throw new CliFailure('no fixture cases: add fixtures/<name>.input.json and <name>.expected.json', EXIT.invalid);
      const sandbox = await openLocalSandbox(built.manifest, built.files.get('logic.js')!);
      try {
        const schema = JSON.parse(built.files.get('schema.json')!.toString('utf8')) as JsonValue;
        const outcomes = await runFixtures(cases, (request) => sandbox.compute(request), { schema });
        const failed = outcomes.filter((outcome) => !outcome.passed).length;
        context.out.result({ passed: outcomes.length - failed, failed, outcomes }, () => [
          ...outcomes.flatMap((outcome) => [`${outcome.passed ? '✔' : '✘'} ${outcome.name}`, ...outcome.problems.map((problem) => `    ${problem}`)]),
          `${outcomes.length - failed} passed, ${failed} failed`,
        ]);
        return failed === 0 ? EXIT.ok : EXIT.failed;
      } finally {
        await sandbox.close();
      }
    },
  },
  {
    name: 'preview',
    usage: 'repogen-pack preview <dir> --data <file> --out <dir> [--evidence <dir>] [--no-pdf]',
    summary: "Render the report (DOCX, PDF, trace) as the host will, with the host's renderer",
    options: { data: { type: 'string' }, out: { type: 'string' }, evidence: { type: 'string' }, 'no-pdf': { type: 'boolean' } },
    async run(context) {
      const dir = dirArgument(context);
      const { data, out, evidence } = context.options;
      if (typeof data !== 'string' || typeof out !== 'string') throw new CliFailure('--data and --out are required', EXIT.usage);
      const files = await guarded(() =>
        previewPack(dir, {
          dataFile: data,
          outDir: out,
          evidenceDir: typeof evidence === 'string' ? evidence : undefined,
          pdf: context.options['no-pdf'] !== true,
          onLine: (line) => context.out.info(line),
        }),
      );
      context.out.result({ files }, () => files.map((file) => `Wrote ${file}`));
      return EXIT.ok;
    },
  },
  {
    name: 'publish',
    usage: 'repogen-pack publish <file.rpack> --host <url> --token <token>',
    summary: 'Upload an archive to a host; it is stored as a draft for review',
    options: { host: { type: 'string' }, token: { type: 'string' } },
    async run(context) {
      const [given] = context.positionals;
      if (!given) throw new CliFailure('an archive file (.rpack) is required', EXIT.usage);
      const file = path.resolve(given);
      const host = context.options.host;
      const token = (context.options.token as string | undefined) ?? process.env.REPOGEN_TOKEN;
      if (typeof host !== 'string' || !host) throw new CliFailure('--host is required', EXIT.usage);
      if (!URL.canParse(host) || !/^https?:$/.test(new URL(host).protocol))
        throw new CliFailure(`--host ${host} is not an http(s) URL`, EXIT.usage);
      if (!token) throw new CliFailure('--token (or REPOGEN_TOKEN) is required', EXIT.usage);
      const bytes = await readFileArgument(file);
      const interactive = !context.out.json && process.stderr.isTTY;
      const result = await publishPack(bytes, {
        host,
        token,
        onProgress: (sent, total) => {
          if (interactive) process.stderr.write(`\r${progressBar(sent, total)}`);
        },
      }).catch((error: unknown) => {
        throw new CliFailure(`could not reach ${host}: ${error instanceof Error ? error.message : String(error)}`, EXIT.unavailable);
      });
      if (interactive) process.stderr.write('\n');
      const body = result.body as { version?: { key: string; version: string; status: string; digest: string }; code?: string; message?: string; details?: { problems?: { path: string; message: string }[] } };
      if (result.status !== 200 && result.status !== 201) {
        throw new CliFailure(`${result.status} ${body.code ?? ''}: ${body.message ?? JSON.stringify(body)}`, EXIT.failed, body.details?.problems ?? []);
      }
      context.out.result(body, () => [
        result.status === 201
          ? `Uploaded ${body.version?.key}@${body.version?.version} as ${body.version?.status}; the platform's admins publish it after review`
          : `${body.version?.key}@${body.version?.version} was already there with the same digest (${body.version?.status})`,
      ]);
      return EXIT.ok;
    },
  },
];
