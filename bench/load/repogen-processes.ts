import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

/** The compiled `repogen` CLI, run as an operator runs it. */
const CLI = fileURLToPath(new URL('../../core/dist/cli/main.js', import.meta.url));

/** The environment of a child: the given store and data directory, quiet logs, no other REPOGEN_* setting. */
export function repogenEnv(
  dataDir: string,
  databaseUrl: string | undefined,
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (name !== 'DATABASE_URL' && !name.startsWith('REPOGEN_') && name !== 'PORT') env[name] = value;
  }
  return {
    ...env,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    REPOGEN_DATA_DIR: dataDir,
    REPOGEN_LOG_LEVEL: 'warn',
    ...extra,
  };
}

export function runRepogen(args: readonly string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--no-node-snapshot', CLI, ...args],
      { env, timeout: 120_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`repogen ${args.join(' ')} failed: ${stderr || error.message}`));
        else resolve(stdout);
      },
    );
  });
}

export interface RepogenProcess {
  readonly child: ChildProcess;
  /** The end of what it printed, for a failure's report. */
  output(): string;
  stop(): Promise<void>;
}

/** Starts a long-running `repogen` command and waits until it prints `ready`. */
export async function startRepogen(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
): Promise<RepogenProcess> {
  const child = spawn(process.execPath, ['--no-node-snapshot', CLI, ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-20_000)));
  let exited = false;
  const gone = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  const deadline = Date.now() + 120_000;
  while (!ready.test(output)) {
    if (exited) throw new Error(`repogen ${args.join(' ')} exited before it was ready:\n${output}`);
    if (Date.now() > deadline) throw new Error(`repogen ${args.join(' ')} was not ready in 120 s:\n${output}`);
    await sleep(100);
  }
  return {
    child,
    output: () => output.slice(-4000),
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      await Promise.race([gone, sleep(20_000)]);
      if (!exited) child.kill('SIGKILL');
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}
