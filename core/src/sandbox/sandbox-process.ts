import { createIsolateRunner, type RunOutcome } from './isolate-runner.js';
import { readPackResponse } from './read-pack-response.js';
import { decodeHostMessage, encodeMessage, type CallMessage, type ChildMessage } from './sandbox-protocol.js';

/*
 * The sandbox process: forked by the host (`pack-sandbox.ts`), it owns every isolate, so that a
 * pack which takes V8 down takes down this process only; the host restarts it. It runs calls
 * concurrently (each isolate on its own thread), and its event loop stays free to answer.
 */

export interface SandboxProcessOptions {
  readonly maxIsolates: number;
  readonly maxPerKey: number;
  readonly maxSources: number;
}

function readOptions(): SandboxProcessOptions {
  const defaults: SandboxProcessOptions = { maxIsolates: 32, maxPerKey: 2, maxSources: 64 };
  const raw = process.argv[2];
  if (raw === undefined) return defaults;
  const given = JSON.parse(raw) as Partial<SandboxProcessOptions>;
  return { ...defaults, ...given };
}

function send(message: ChildMessage): void {
  process.send?.(encodeMessage(message));
}

function start(): void {
  if (!process.send) {
    process.stderr.write('The sandbox process must be started by the host (child_process.fork)\n');
    process.exit(64);
  }
  const options = readOptions();
  const runner = createIsolateRunner({
    maxIsolates: options.maxIsolates,
    maxPerKey: options.maxPerKey,
    onCatastrophicError: (message) => {
      // isolated-vm: after a catastrophic error nothing in this process can be trusted.
      process.stderr.write(`isolated-vm catastrophic error: ${message}\n`);
      process.exit(70);
    },
  });
  // Sources by digest, so the host sends a pack's script once per process, not once per call.
  const sources = new Map<string, string>();

  function remember(digest: string, logic: string): void {
    sources.delete(digest);
    sources.set(digest, logic);
    while (sources.size > options.maxSources) sources.delete(sources.keys().next().value as string);
  }

  function answer(message: CallMessage, outcome: RunOutcome): void {
    if (outcome.kind === 'need-logic') {
      send({ type: 'need-logic', id: message.id });
      return;
    }
    const timing = { cpuTimeMs: outcome.cpuTimeMs, wallTimeMs: outcome.wallTimeMs };
    if (outcome.kind === 'error') {
      send({ type: 'error', id: message.id, error: outcome.error, ...timing });
      return;
    }
    const response = readPackResponse(message.operation, outcome.text);
    if (response.ok) send({ type: 'result', id: message.id, result: response.result, ...timing });
    else send({ type: 'error', id: message.id, error: response.error, ...timing });
  }

  async function handle(message: CallMessage): Promise<void> {
    if (message.logic !== undefined) remember(message.digest, message.logic);
    const logic = sources.get(message.digest);
    if (logic !== undefined) remember(message.digest, logic);
    const outcome = await runner.run({
      digest: message.digest,
      logic,
      label: message.label,
      tenantId: message.tenantId,
      operation: message.operation,
      requestJson: message.requestJson,
      clockMs: message.clockMs,
      memoryMb: message.memoryMb,
      timeoutMs: message.timeoutMs,
      wallTimeoutMs: message.wallTimeoutMs,
      maxResponseChars: message.maxResponseChars,
      onQueued: () => send({ type: 'queued', id: message.id }),
      onStarted: () => send({ type: 'started', id: message.id }),
    });
    answer(message, outcome);
  }

  process.on('message', (raw: unknown) => {
    const message = decodeHostMessage(raw);
    if (!message) return;
    handle(message).catch((error: unknown) => {
      const text = error instanceof Error ? error.message : String(error);
      send({
        type: 'error',
        id: message.id,
        error: { code: 'SANDBOX_UNAVAILABLE', message: `The sandbox failed: ${text}` },
        cpuTimeMs: 0,
        wallTimeMs: 0,
      });
    });
  });
  // The host going away (its IPC channel closing) ends this process too.
  process.on('disconnect', () => {
    runner.disposeAll();
    process.exit(0);
  });
  send({ type: 'ready', pid: process.pid });
}

start();
