import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { cliDataDir, cliEnv, spawnCli } from '../support/run-cli.js';

const GRACE_MS = 3_000;

interface Running {
  readonly child: ChildProcess;
  output(): string;
  /** Resolves with the exit code, or rejects when the process is still running after `ms`. */
  exited(ms: number): Promise<number | null>;
}

function start(args: string[], dataDir: string): Running {
  const child = spawnCli(
    args,
    cliEnv(dataDir, {
      PORT: '0',
      HOST: '127.0.0.1',
      REPOGEN_LOG_LEVEL: 'info',
      REPOGEN_SHUTDOWN_GRACE_MS: String(GRACE_MS),
    }),
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited: (ms) =>
      Promise.race([
        exit,
        sleep(ms).then(() => {
          throw new Error(`still running ${ms} ms after SIGTERM:\n${output}`);
        }),
      ]),
  };
}

async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  running: Running,
  ms = 30_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await Promise.resolve()
      .then(probe)
      .catch(() => undefined);
    if (value !== undefined) return value;
    if (running.child.exitCode !== null)
      assert.fail(`exited (${running.child.exitCode}) before ${what}:\n${running.output()}`);
    if (Date.now() > deadline) assert.fail(`no ${what} within ${ms} ms:\n${running.output()}`);
    await sleep(100);
  }
}

/** The messages of the process's JSON log lines, in order. */
function messages(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => (JSON.parse(line) as { msg: string }).msg);
}

describe('graceful shutdown', function () {
  this.timeout(60_000);
  let dataDir: string;
  let running: Running | undefined;

  // Shared with the other CLI tests; each process here also proves the one before it left the
  // embedded store closed cleanly.
  before(() => {
    dataDir = cliDataDir();
  });

  afterEach(() => {
    if (running?.child.exitCode === null) running.child.kill('SIGKILL');
    running = undefined;
  });

  it('serve --with-worker stops HTTP, then the jobs, then the database on SIGTERM and exits 0', async () => {
    running = start(['serve', '--with-worker'], dataDir);
    const current = running;
    const port = await waitFor(
      'listening port',
      () => /serving on http:\/\/localhost:(\d+)/.exec(current.output())?.[1],
      current,
    );
    assert.notEqual(port, '0', 'the printed URL has the real port');
    await waitFor(
      'healthy answer',
      async () => ((await fetch(`http://127.0.0.1:${port}/v1/health`)).status === 200 ? true : undefined),
      current,
    );

    current.child.kill('SIGTERM');
    assert.equal(await current.exited(GRACE_MS + 7_000), 0, current.output());
    const logged = messages(current.output());
    const order = ['shutting down', 'job queue stopped', 'stopped'].map((message) => logged.indexOf(message));
    assert.ok(
      order.every((index) => index >= 0),
      logged.join(' | '),
    );
    assert.deepEqual(
      [...order].sort((a, b) => a - b),
      order,
      `in order: ${logged.join(' | ')}`,
    );
  });

  it('worker works until SIGTERM, then stops gracefully and exits 0', async () => {
    running = start(['worker'], dataDir);
    const current = running;
    await waitFor(
      'worker start',
      () => (current.output().includes('Repogen worker is running') ? true : undefined),
      current,
    );

    current.child.kill('SIGTERM');
    assert.equal(await current.exited(GRACE_MS + 7_000), 0, current.output());
    const logged = messages(current.output());
    assert.ok(logged.includes('working job'), logged.join(' | '));
    assert.equal(logged.at(-1), 'stopped', logged.join(' | '));
  });
});
