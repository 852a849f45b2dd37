import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPackSource } from '../build/build-pack.js';
import { CliFailure, EXIT } from './cli-output.js';

export interface PreviewOptions {
  readonly dataFile: string;
  readonly outDir: string;
  readonly evidenceDir: string | undefined;
  readonly pdf: boolean;
  /** Each line the host prints while it generates. */
  readonly onLine: (line: string) => void;
}

/** What the pack folder holds that the host needs to build it; its own builds and installs are left out. */
const NOT_COPIED = /(^|\/)(node_modules|dist)(\/|$)/;

/**
 * Renders a pack folder's report exactly as the host will: the host's own `repogen generate`
 * builds and installs the pack into a throwaway embedded store, computes in the real
 * sandbox, fills the DOCX with carbone and converts it with LibreOffice. The host package is
 * an optional peer of the sdk, as for `repogen-pack test`.
 */
export async function previewPack(packDir: string, options: PreviewOptions): Promise<string[]> {
  const { manifest } = await readPackSource(packDir);
  if (!manifest.templates.some((template) => template.id === 'report')) {
    throw new CliFailure('the manifest names no template with id "report" to render', EXIT.invalid);
  }
  const hostCli = locateHostCli();
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'repogen-preview-'));
  try {
    const packs = path.join(scratch, 'packs');
    await fs.cp(packDir, path.join(packs, path.basename(packDir)), {
      recursive: true,
      filter: (source) => !NOT_COPIED.test(path.relative(packDir, source)),
    });
    const args = [
      '--no-node-snapshot',
      hostCli,
      'generate',
      '--pack',
      `${manifest.key}@${manifest.version}`,
      '--data',
      path.resolve(options.dataFile),
      '--out',
      path.resolve(options.outDir),
      '--packs',
      packs,
      ...(options.evidenceDir === undefined ? [] : ['--evidence', path.resolve(options.evidenceDir)]),
      ...(options.pdf ? ['--pdf'] : []),
    ];
    const env = { ...withoutHostSettings(process.env), REPOGEN_DATA_DIR: path.join(scratch, 'data'), REPOGEN_LOG_LEVEL: 'warn' };
    const { code, stderr } = await run(process.execPath, args, env, options.onLine);
    if (code !== 0) throw new CliFailure(stderr.trim().split('\n').at(-1) ?? `the host exited with ${code}`, EXIT.failed);
    const written = ['report.docx', 'trace.json', ...(options.pdf ? ['report.pdf'] : [])];
    return written.map((name) => path.join(path.resolve(options.outDir), name));
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
  }
}

function locateHostCli(): string {
  let entry: string;
  try {
    entry = fileURLToPath(import.meta.resolve('@repogen/core'));
  } catch {
    throw new CliFailure('preview needs the host: npm install --save-dev @repogen/core', EXIT.unavailable);
  }
  // The host's entry is dist/index.js; its CLI sits beside it.
  return path.join(path.dirname(entry), 'cli', 'main.js');
}

/** The preview store is throwaway and embedded: the caller's database or host settings must not leak in. */
function withoutHostSettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => name !== 'DATABASE_URL' && !name.startsWith('REPOGEN_')));
}

function run(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  onLine: (line: string) => void,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let pending = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) onLine(line);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (pending) onLine(pending);
      resolve({ code, stderr });
    });
  });
}
