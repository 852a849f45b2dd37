import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The compiled `repogen` CLI, as `npm start` and an operator run it. */
export const CLI = fileURLToPath(new URL('../../core/dist/cli/main.js', import.meta.url));

let sharedDir: string | undefined;

/**
 * One data directory for every CLI test of this run: creating an embedded store (initdb,
 * migrations, the job schema) costs seconds, and the tests do not get in each other's way.
 * Removed when the test process exits.
 */
export function cliDataDir(): string {
  if (sharedDir === undefined) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'repogen-cli-'));
    process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
    sharedDir = dir;
  }
  return sharedDir;
}

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The environment of a CLI child: the embedded store in `dataDir`, no DATABASE_URL and no
 * REPOGEN_* setting from the parent, quiet logs unless `extra` says otherwise.
 */
export function cliEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (name !== 'DATABASE_URL' && !name.startsWith('REPOGEN_') && name !== 'PORT') env[name] = value;
  }
  return { ...env, REPOGEN_DATA_DIR: dataDir, REPOGEN_LOG_LEVEL: 'warn', ...extra };
}

export function runCli(args: readonly string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--no-node-snapshot', CLI, ...args],
      { env, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

export function spawnCli(args: readonly string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ['--no-node-snapshot', CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
}
