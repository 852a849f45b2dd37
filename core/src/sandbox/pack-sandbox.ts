import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { Socket } from 'node:net';
import type { PackOperation, PackRequestMap, PackResultMap } from '@repogen/sdk';
import { InvalidError, type DomainError } from '../errors/domain-error.js';
import type { Logger } from '../logging/logger.js';
import { errorFromWire, PackRunError, sandboxUnavailable } from './sandbox-errors.js';
import { defaultSandboxProgram } from './sandbox-program.js';
import type { SandboxProcessOptions } from './sandbox-process.js';
import { decodeChildMessage, encodeMessage, type CallMessage, type ChildMessage } from './sandbox-protocol.js';
import { isPackOperation } from './result-schemas.js';

/** One pack version as the sandbox runs it. Isolates are pooled by `digest`, so it must identify `logic`. */
export interface SandboxPackRef {
  key: string;
  version: string;
  /** The tenant that owns a custom pack; null for a global pack. */
  tenantId: string | null;
  logic: string;
  digest: string;
}

/** A pack's own limits (from its manifest). They may only lower the host's. */
export interface SandboxLimits {
  memoryMb?: number;
  timeoutMs?: number;
}

export interface SandboxCallResult<T> {
  result: T;
  /** CPU time the isolate spent on this call. */
  cpuTimeMs: number;
  /** Wall time of the call as the host saw it, from send to answer. */
  wallTimeMs: number;
}

export interface PackSandbox {
  /**
   * Runs one operation of a pack for a caller tenant and returns its result, checked against
   * the contract. Throws `PackRunError` (`PACK_TIMEOUT`, `PACK_MEMORY`, `PACK_FAULT`,
   * `PACK_OUTPUT_INVALID`, 422) or `UnavailableError` (`SANDBOX_UNAVAILABLE`, 503).
   */
  call<Op extends PackOperation>(
    pack: SandboxPackRef,
    callerTenantId: string,
    operation: Op,
    request: PackRequestMap[Op],
    limits?: SandboxLimits,
  ): Promise<SandboxCallResult<PackResultMap[Op]>>;
  close(): Promise<void>;
}

/** The sandbox as its tests see it: the sandbox process's id, to kill it. */
export interface ProcessPackSandbox extends PackSandbox {
  readonly pid: number | undefined;
}

export interface PackSandboxOptions {
  logger?: Logger;
  /** Host memory limit per isolate (isolated-vm's own default; its minimum is 8). */
  memoryMb?: number;
  /** Host time limit per call, enforced by isolated-vm's timeout. */
  timeoutMs?: number;
  /** Wall time past the limit after which the sandbox process disposes the isolate. */
  wallMarginMs?: number;
  /** Further wall time after which the host kills the sandbox process itself. */
  killMarginMs?: number;
  /** Warm isolates kept in the sandbox process, least recently used evicted first. */
  maxIsolates?: number;
  /** Isolates that may run one pack version for one tenant at once; more calls wait. */
  maxIsolatesPerPack?: number;
  /** Largest response a pack may return, in characters of JSON. */
  maxResponseChars?: number;
  /** The compiled sandbox program; core's `dist/sandbox/sandbox-process.js` by default. */
  programPath?: string;
}

export const SANDBOX_DEFAULTS = {
  memoryMb: 128,
  timeoutMs: 2000,
  wallMarginMs: 1000,
  killMarginMs: 3000,
  maxIsolates: 32,
  maxIsolatesPerPack: 2,
  maxResponseChars: 8 * 1024 * 1024,
  startTimeoutMs: 15_000,
  restartBackoffMs: 1000,
} as const;

const MIN_MEMORY_MB = 8;

interface Pending {
  /** The sandbox process the call was sent to. */
  readonly owner: Child;
  readonly message: CallMessage;
  readonly pack: string;
  readonly operation: string;
  readonly started: number;
  readonly deadlineMs: number;
  readonly resolve: (value: SandboxCallResult<unknown>) => void;
  readonly reject: (error: DomainError) => void;
  timer: NodeJS.Timeout | undefined;
  killedForTimeout: boolean;
}

interface Child {
  readonly process: ChildProcess;
  readonly ready: Promise<void>;
  /** Digests whose source this process has been sent. */
  readonly sent: Set<string>;
  readonly stderr: string[];
  alive: boolean;
}

/** Limits a pack asked for, never above the host's. */
function lower(host: number, asked: number | undefined, min: number): number {
  if (asked === undefined || !Number.isFinite(asked) || asked <= 0) return host;
  return Math.max(min, Math.min(host, Math.floor(asked)));
}

/** The instant the pack's clock shows: the request's `now` when it has one. */
function clockOf(request: unknown): number {
  if (typeof request !== 'object' || request === null || !('now' in request) || typeof request.now !== 'string')
    return 0;
  const ms = Date.parse(request.now);
  return Number.isFinite(ms) ? ms : 0;
}

/** Signals with which V8 ends a process that ran out of memory. */
const CRASH_SIGNALS = new Set<NodeJS.Signals>(['SIGABRT', 'SIGTRAP', 'SIGSEGV', 'SIGILL']);

/**
 * The host side of the sandbox: one sandbox process, forked on the first call, with every call
 * in flight tracked by id. The process is restarted on the next call after it dies; the calls
 * it was running fail with a clear error.
 */
export function createPackSandbox(options: PackSandboxOptions = {}): ProcessPackSandbox {
  const settings = {
    ...SANDBOX_DEFAULTS,
    memoryMb: options.memoryMb ?? SANDBOX_DEFAULTS.memoryMb,
    timeoutMs: options.timeoutMs ?? SANDBOX_DEFAULTS.timeoutMs,
    wallMarginMs: options.wallMarginMs ?? SANDBOX_DEFAULTS.wallMarginMs,
    killMarginMs: options.killMarginMs ?? SANDBOX_DEFAULTS.killMarginMs,
    maxIsolates: options.maxIsolates ?? SANDBOX_DEFAULTS.maxIsolates,
    maxIsolatesPerPack: options.maxIsolatesPerPack ?? SANDBOX_DEFAULTS.maxIsolatesPerPack,
    maxResponseChars: options.maxResponseChars ?? SANDBOX_DEFAULTS.maxResponseChars,
  };
  const logger = options.logger;
  const programPath = options.programPath ?? defaultSandboxProgram();
  const pending = new Map<number, Pending>();
  let child: Child | undefined;
  let nextId = 1;
  let closed = false;
  let lastStartFailure: { at: number; message: string } | undefined;

  function startChild(): Child {
    if (!fs.existsSync(programPath)) {
      throw sandboxUnavailable(`The sandbox program ${programPath} is missing: build the host with "tsc -b"`);
    }
    const processOptions: SandboxProcessOptions = {
      maxIsolates: settings.maxIsolates,
      maxPerKey: settings.maxIsolatesPerPack,
      maxSources: 64,
    };
    // isolated-vm 5 crashes when node starts from its built-in snapshot; no loader (tsx) is passed on.
    const forked = fork(programPath, [JSON.stringify(processOptions)], {
      execArgv: ['--no-node-snapshot'],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    const stderr: string[] = [];
    forked.stderr?.setEncoding('utf8');
    // The stderr pipe is for logs only: it must not hold the host's event loop open.
    if (forked.stderr instanceof Socket) forked.stderr.unref();
    forked.stderr?.on('data', (chunk: string) => {
      stderr.push(chunk);
      if (stderr.length > 20) stderr.shift();
      logger?.warn({ sandboxPid: forked.pid, stderr: chunk.slice(0, 2000) }, 'sandbox process wrote to stderr');
    });
    let markReady: () => void = () => undefined;
    let failStart: (error: DomainError) => void = () => undefined;
    const ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      failStart = reject;
    });
    const startTimer = setTimeout(() => {
      failStart(sandboxUnavailable('The sandbox process did not start in time'));
      forked.kill('SIGKILL');
    }, settings.startTimeoutMs);
    const current: Child = { process: forked, ready, sent: new Set(), stderr, alive: true };
    let started = false;

    forked.on('message', (raw: unknown) => {
      const message = decodeChildMessage(raw);
      if (!message) return;
      if (message.type === 'ready') {
        started = true;
        clearTimeout(startTimer);
        lastStartFailure = undefined;
        logger?.info({ sandboxPid: message.pid }, 'sandbox process ready');
        markReady();
        refWhileBusy(current);
        return;
      }
      onChildMessage(current, message);
    });
    forked.on('error', (error) => {
      logger?.error({ err: error }, 'sandbox process error');
    });
    forked.on('exit', (code, signal) => {
      clearTimeout(startTimer);
      current.alive = false;
      if (child === current) child = undefined;
      const how = signal ? `signal ${signal}` : `exit code ${code ?? 'unknown'}`;
      if (!started) {
        const detail = stderr.join('').trim().split('\n').slice(-3).join(' | ');
        const message = `The sandbox process could not start (${how})${detail ? `: ${detail.slice(0, 500)}` : ''}`;
        lastStartFailure = { at: Date.now(), message };
        failStart(sandboxUnavailable(message));
      }
      if (!closed)
        logger?.warn({ sandboxPid: forked.pid, code, signal, inFlight: pending.size }, 'sandbox process ended');
      const crashed = (signal !== null && CRASH_SIGNALS.has(signal)) || code === 134 || code === 133;
      for (const [id, call] of pending) {
        if (call.owner !== current) continue;
        pending.delete(id);
        clearTimer(call);
        if (call.killedForTimeout) {
          call.reject(
            new PackRunError(
              'PACK_TIMEOUT',
              `Pack ${call.pack} (${call.operation}): stopped after ${call.deadlineMs} ms of wall time`,
              { pack: call.pack, operation: call.operation },
            ),
          );
        } else if (crashed) {
          call.reject(
            new PackRunError(
              'PACK_MEMORY',
              `Pack ${call.pack} (${call.operation}): the sandbox process ran out of memory (${how}) during the call`,
              { pack: call.pack, operation: call.operation },
            ),
          );
        } else {
          call.reject(
            sandboxUnavailable(`The sandbox process ended during the call (${how}); it restarts on the next call`),
          );
        }
      }
    });
    return current;
  }

  /** The IPC channel holds the host's event loop open only while calls are in flight. */
  function refWhileBusy(current: Child): void {
    if (!current.alive) return;
    const channel = current.process.channel;
    if (pending.size > 0) {
      current.process.ref();
      channel?.ref();
    } else {
      current.process.unref();
      channel?.unref();
    }
  }

  async function readyChild(): Promise<Child> {
    if (closed) throw sandboxUnavailable('The sandbox is closed');
    if (!child) {
      if (lastStartFailure && Date.now() - lastStartFailure.at < settings.restartBackoffMs) {
        throw sandboxUnavailable(lastStartFailure.message);
      }
      child = startChild();
    }
    const current = child;
    await current.ready;
    return current;
  }

  function clearTimer(call: Pending): void {
    if (call.timer) clearTimeout(call.timer);
    call.timer = undefined;
  }

  /** The host's last resort: a call the sandbox process did not end in time ends the process. */
  function armTimer(current: Child, call: Pending): void {
    clearTimer(call);
    call.timer = setTimeout(() => {
      call.killedForTimeout = true;
      logger?.error(
        { sandboxPid: current.process.pid, pack: call.pack, operation: call.operation },
        'sandbox call overran its deadline; killing the sandbox process',
      );
      current.process.kill('SIGKILL');
    }, call.deadlineMs);
  }

  function send(current: Child, call: Pending, withLogic: boolean, logic: string): void {
    const message = withLogic ? { ...call.message, logic } : call.message;
    current.process.send(encodeMessage(message));
    current.sent.add(call.message.digest);
  }

  function onChildMessage(current: Child, message: Exclude<ChildMessage, { type: 'ready' }>): void {
    const call = pending.get(message.id);
    if (!call) return;
    switch (message.type) {
      case 'queued':
        clearTimer(call);
        return;
      case 'started':
        armTimer(current, call);
        return;
      case 'need-logic':
        current.sent.delete(call.message.digest);
        resend.get(message.id)?.();
        return;
      case 'result':
      case 'error': {
        pending.delete(message.id);
        resend.delete(message.id);
        clearTimer(call);
        refWhileBusy(current);
        const wallTimeMs = performance.now() - call.started;
        logger?.debug(
          {
            pack: call.pack,
            operation: call.operation,
            tenantId: call.message.tenantId,
            cpuTimeMs: message.cpuTimeMs,
            wallTimeMs,
            ok: message.type === 'result',
          },
          'sandbox call',
        );
        if (message.type === 'result')
          call.resolve({ result: message.result, cpuTimeMs: message.cpuTimeMs, wallTimeMs });
        else call.reject(errorFromWire(message.error, call.pack, call.operation));
        return;
      }
    }
  }

  const resend = new Map<number, () => void>();

  const sandbox: ProcessPackSandbox = {
    get pid() {
      return child?.alive ? child.process.pid : undefined;
    },

    async call<Op extends PackOperation>(
      pack: SandboxPackRef,
      callerTenantId: string,
      operation: Op,
      request: PackRequestMap[Op],
      limits?: SandboxLimits,
    ): Promise<SandboxCallResult<PackResultMap[Op]>> {
      if (!isPackOperation(operation))
        throw new InvalidError('PACK_OPERATION_UNKNOWN', `No pack operation "${String(operation)}"`);
      let requestJson: string;
      try {
        requestJson = JSON.stringify(request);
      } catch {
        throw new InvalidError('PACK_REQUEST_INVALID', 'The request to the pack is not JSON');
      }
      const memoryMb = lower(settings.memoryMb, limits?.memoryMb, MIN_MEMORY_MB);
      const timeoutMs = lower(settings.timeoutMs, limits?.timeoutMs, 1);
      const wallTimeoutMs = timeoutMs + settings.wallMarginMs;
      const current = await readyChild();
      const label = `${pack.key}@${pack.version}`;
      const id = nextId++;
      const message: CallMessage = {
        type: 'call',
        id,
        digest: pack.digest,
        label,
        tenantId: callerTenantId,
        operation,
        requestJson,
        clockMs: clockOf(request),
        memoryMb,
        timeoutMs,
        wallTimeoutMs,
        maxResponseChars: settings.maxResponseChars,
      };
      const outcome = new Promise<SandboxCallResult<unknown>>((resolve, reject) => {
        const call: Pending = {
          owner: current,
          message,
          pack: label,
          operation,
          started: performance.now(),
          deadlineMs: wallTimeoutMs + settings.killMarginMs,
          resolve,
          reject,
          timer: undefined,
          killedForTimeout: false,
        };
        pending.set(id, call);
        resend.set(id, () => send(current, call, true, pack.logic));
        refWhileBusy(current);
        armTimer(current, call);
        try {
          send(current, call, !current.sent.has(pack.digest), pack.logic);
        } catch (error) {
          pending.delete(id);
          resend.delete(id);
          clearTimer(call);
          reject(
            sandboxUnavailable(
              `Could not reach the sandbox process: ${error instanceof Error ? error.message : String(error)}`,
            ),
          );
        }
      });
      try {
        return (await outcome) as SandboxCallResult<PackResultMap[Op]>;
      } finally {
        resend.delete(id);
      }
    },

    async close() {
      if (closed) return;
      closed = true;
      for (const [id, call] of pending) {
        pending.delete(id);
        clearTimer(call);
        call.reject(sandboxUnavailable('The sandbox was closed during the call'));
      }
      const current = child;
      child = undefined;
      if (!current?.alive) return;
      const exited = new Promise<void>((resolve) => current.process.once('exit', () => resolve()));
      // The sandbox process exits when its channel closes; a kill is the fallback.
      if (current.process.connected) current.process.disconnect();
      const fallback = setTimeout(() => current.process.kill('SIGKILL'), 2000);
      await exited;
      clearTimeout(fallback);
    },
  };
  return sandbox;
}
