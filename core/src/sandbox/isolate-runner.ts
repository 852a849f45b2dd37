import ivm from 'isolated-vm';
import { PRELUDE_SOURCE } from './isolate-prelude.js';
import type { WireError } from './sandbox-protocol.js';

/*
 * The only module that loads isolated-vm (STYLE rule 4), and it is loaded only in the sandbox
 * process. Nothing but strings and numbers is passed into an isolate, and nothing but a string
 * comes out: no Reference, Callback or ExternalCopy is ever handed to pack code (the
 * isolated-vm README's SECURITY section: any of them is a way back into the host).
 */

export interface RunRequest {
  readonly digest: string;
  /** The pack's script, needed only when a new isolate must be made for it. */
  readonly logic: string | undefined;
  readonly label: string;
  readonly tenantId: string;
  readonly operation: string;
  readonly requestJson: string;
  /** Epoch milliseconds that `Date.now()` answers inside the call. */
  readonly clockMs: number;
  readonly memoryMb: number;
  readonly timeoutMs: number;
  readonly wallTimeoutMs: number;
  readonly maxResponseChars: number;
  readonly onQueued: () => void;
  readonly onStarted: () => void;
}

export type RunOutcome =
  | { readonly kind: 'response'; readonly text: string; readonly cpuTimeMs: number; readonly wallTimeMs: number }
  | { readonly kind: 'error'; readonly error: WireError; readonly cpuTimeMs: number; readonly wallTimeMs: number }
  | { readonly kind: 'need-logic' };

export interface IsolateRunnerOptions {
  /** Warm isolates kept in all; the least recently used idle one goes first. */
  readonly maxIsolates: number;
  /** Isolates of one pool key (pack digest × caller tenant × memory limit) that may run at once. */
  readonly maxPerKey: number;
  readonly onCatastrophicError: (message: string) => void;
}

export interface IsolateRunnerStats {
  readonly isolates: number;
  readonly busy: number;
  readonly queued: number;
}

export interface IsolateRunner {
  run(request: RunRequest): Promise<RunOutcome>;
  stats(): IsolateRunnerStats;
  disposeAll(): void;
}

/** A warm isolate with the pack's script compiled once; it serves one pool key only. */
interface Slot {
  readonly key: string;
  readonly isolate: ivm.Isolate;
  readonly prelude: ivm.Script;
  readonly script: ivm.Script;
  busy: boolean;
  lastUsed: number;
  /** The context the next call uses, prepared while the isolate was idle. */
  spare: Promise<Prepared> | undefined;
  spareReady: boolean;
  /** The time limit for preparing a context: the last call's. */
  timeoutMs: number;
}

/** A fresh context with the prelude and the pack's script run: ready for exactly one call. */
type Prepared =
  | { readonly ok: true; readonly context: ivm.Context; readonly call: ivm.Reference; readonly cpuTimeMs: number }
  | { readonly ok: false; readonly error: WireError; readonly cpuTimeMs: number };

class CompileError extends Error {}

const CODE_CACHE_ENTRIES = 64;

export function createIsolateRunner(options: IsolateRunnerOptions): IsolateRunner {
  const slots = new Map<string, Slot[]>();
  const waiters = new Map<string, ((slot: Slot | undefined) => void)[]>();
  /**
   * V8's code cache per pack digest: another isolate of the same pack (another tenant's, or a
   * replacement) parses the script several times faster. It stays in this process; no pack
   * code ever sees it.
   */
  const codeCache = new Map<string, ivm.ExternalCopy<ArrayBuffer>>();
  /** Isolates being created per key, so that concurrent calls do not exceed `maxPerKey`. */
  const creating = new Map<string, number>();
  let total = 0;

  function poolKey(request: RunRequest): string {
    // A warm isolate is never handed from one tenant to another, and its memory limit is fixed at creation.
    return `${request.digest}\u0000${request.tenantId}\u0000${request.memoryMb}`;
  }

  function remove(slot: Slot): void {
    const list = slots.get(slot.key);
    const index = list?.indexOf(slot) ?? -1;
    if (list && index >= 0) {
      list.splice(index, 1);
      total -= 1;
      if (list.length === 0) slots.delete(slot.key);
    }
    if (!slot.isolate.isDisposed) slot.isolate.dispose();
  }

  function trim(): void {
    while (total > options.maxIsolates) {
      let oldest: Slot | undefined;
      for (const list of slots.values()) {
        for (const slot of list) if (!slot.busy && (!oldest || slot.lastUsed < oldest.lastUsed)) oldest = slot;
      }
      if (!oldest) return;
      remove(oldest);
    }
  }

  async function createSlot(key: string, request: RunRequest, logic: string): Promise<Slot> {
    const isolate = new ivm.Isolate({
      memoryLimit: request.memoryMb,
      onCatastrophicError: options.onCatastrophicError,
    });
    try {
      const prelude = await isolate.compileScript(PRELUDE_SOURCE, { filename: 'repogen:prelude' });
      let script: ivm.Script & ivm.CachedDataResult;
      const cachedData = codeCache.get(request.digest);
      try {
        const filename = `pack:${request.label}`;
        script = await isolate.compileScript(
          logic,
          cachedData ? { filename, cachedData } : { filename, produceCachedData: true },
        );
      } catch (error) {
        throw new CompileError(describeError(error));
      }
      rememberCode(request.digest, cachedData, script);
      const slot: Slot = {
        key,
        isolate,
        prelude,
        script,
        busy: true,
        lastUsed: Date.now(),
        spare: undefined,
        spareReady: false,
        timeoutMs: request.timeoutMs,
      };
      const list = slots.get(key) ?? [];
      list.push(slot);
      slots.set(key, list);
      total += 1;
      return slot;
    } catch (error) {
      if (!isolate.isDisposed) isolate.dispose();
      throw error;
    }
  }

  function rememberCode(
    digest: string,
    used: ivm.ExternalCopy<ArrayBuffer> | undefined,
    script: ivm.CachedDataResult & { cachedDataRejected?: boolean },
  ): void {
    if (used && script.cachedDataRejected) codeCache.delete(digest);
    if (used || !script.cachedData) return;
    codeCache.set(digest, script.cachedData);
    while (codeCache.size > CODE_CACHE_ENTRIES) {
      const oldest = codeCache.keys().next().value as string;
      codeCache.get(oldest)?.release();
      codeCache.delete(oldest);
    }
  }

  function take(slot: Slot): Slot {
    slot.busy = true;
    return slot;
  }

  /** A busy slot for the key: an idle warm one, a new one, or the next one released. */
  async function acquire(key: string, request: RunRequest): Promise<Slot | 'need-logic'> {
    // An idle isolate can be disposed by its memory limit while preparing its next context.
    for (const slot of [...(slots.get(key) ?? [])]) if (!slot.busy && slot.isolate.isDisposed) remove(slot);
    const list = slots.get(key) ?? [];
    const idle = list.filter((slot) => !slot.busy);
    // Back-to-back calls go to an isolate whose next context is already prepared, or to a new one.
    const prepared = idle.find((slot) => slot.spareReady);
    if (prepared) return take(prepared);
    const pendingCreations = creating.get(key) ?? 0;
    const canCreate = list.length + pendingCreations < options.maxPerKey;
    if (canCreate && request.logic !== undefined) {
      creating.set(key, pendingCreations + 1);
      try {
        const slot = await createSlot(key, request, request.logic);
        trim();
        return slot;
      } finally {
        const left = (creating.get(key) ?? 1) - 1;
        if (left > 0) creating.set(key, left);
        else creating.delete(key);
      }
    }
    if (idle[0]) return take(idle[0]);
    if (canCreate) return 'need-logic';
    request.onQueued();
    const handed = await new Promise<Slot | undefined>((resolve) => {
      const queue = waiters.get(key) ?? [];
      queue.push(resolve);
      waiters.set(key, queue);
    });
    request.onStarted();
    // A slot that was disposed while the call waited leaves room for a new one.
    return handed ?? acquire(key, request);
  }

  function release(slot: Slot): void {
    const queue = waiters.get(slot.key);
    const next = queue?.shift();
    if (queue?.length === 0) waiters.delete(slot.key);
    if (slot.isolate.isDisposed) {
      remove(slot);
      next?.(undefined);
      return;
    }
    slot.lastUsed = Date.now();
    if (next) {
      next(slot);
      return;
    }
    slot.busy = false;
    trim();
  }

  /** Classifies a failure of code running in the isolate. */
  function failure(
    slot: Slot,
    error: unknown,
    watchdogFired: boolean,
    memoryMb: number,
    timeoutMs: number,
    wallTimeMs: number,
  ): WireError {
    if (watchdogFired)
      return { code: 'PACK_TIMEOUT', message: `Stopped after ${Math.round(wallTimeMs)} ms of wall time` };
    // isolated-vm disposes an isolate that reaches its memory limit (and nothing else disposes a busy one).
    if (slot.isolate.isDisposed) return { code: 'PACK_MEMORY', message: `Exceeded its memory limit of ${memoryMb} MB` };
    const message = describeError(error);
    if (/execution timed out/i.test(message))
      return { code: 'PACK_TIMEOUT', message: `Exceeded its time limit of ${timeoutMs} ms` };
    return { code: 'PACK_FAULT', message: `Threw ${message}` };
  }

  function cpuMsSince(slot: Slot, before: bigint): number {
    return slot.isolate.isDisposed ? 0 : Number(slot.isolate.cpuTime - before) / 1e6;
  }

  /**
   * Prepares a fresh context. Preparing ahead, while the isolate is idle, takes context
   * creation (about a millisecond) and the script's top level out of the next call's latency;
   * the context still serves that one call only.
   */
  async function prepare(slot: Slot, memoryMb: number): Promise<Prepared> {
    const started = performance.now();
    const cpuBefore = slot.isolate.cpuTime;
    let context: ivm.Context | undefined;
    try {
      context = await slot.isolate.createContext();
      const call = await slot.prelude.run(context, { reference: true, timeout: slot.timeoutMs });
      await slot.script.run(context, { timeout: slot.timeoutMs });
      return { ok: true, context, call, cpuTimeMs: cpuMsSince(slot, cpuBefore) };
    } catch (error) {
      if (!slot.isolate.isDisposed) context?.release();
      const error_ = failure(slot, error, false, memoryMb, slot.timeoutMs, performance.now() - started);
      return { ok: false, error: error_, cpuTimeMs: cpuMsSince(slot, cpuBefore) };
    }
  }

  async function runInSlot(slot: Slot, request: RunRequest): Promise<RunOutcome> {
    const started = performance.now();
    const elapsedMs = (): number => performance.now() - started;
    let watchdogFired = false;
    // isolated-vm's timeout stops running code; this stops anything it does not cover.
    const watchdog = setTimeout(() => {
      watchdogFired = true;
      if (!slot.isolate.isDisposed) slot.isolate.dispose();
    }, request.wallTimeoutMs);
    let prepared: Prepared | undefined;
    let cpuTimeMs: number;
    try {
      prepared = await (slot.spare ?? prepare(slot, request.memoryMb));
      slot.spare = undefined;
      slot.spareReady = false;
      cpuTimeMs = prepared.cpuTimeMs;
      if (!prepared.ok) {
        const error = watchdogFired
          ? failure(slot, undefined, true, request.memoryMb, request.timeoutMs, elapsedMs())
          : prepared.error;
        return { kind: 'error', error, cpuTimeMs, wallTimeMs: elapsedMs() };
      }
      const cpuBefore = slot.isolate.cpuTime;
      try {
        const args = [request.operation, request.requestJson, request.maxResponseChars, request.clockMs];
        const text: unknown = await prepared.call.apply(undefined, args, { timeout: request.timeoutMs });
        cpuTimeMs += cpuMsSince(slot, cpuBefore);
        if (typeof text !== 'string' || text.length === 0) {
          return {
            kind: 'error',
            error: { code: 'PACK_FAULT', message: 'The call did not complete' },
            cpuTimeMs,
            wallTimeMs: elapsedMs(),
          };
        }
        return decodeCallResult(text, cpuTimeMs, elapsedMs());
      } catch (error) {
        // A disposed isolate no longer reports its CPU time: the wall time is the best measure left.
        cpuTimeMs += slot.isolate.isDisposed ? elapsedMs() : cpuMsSince(slot, cpuBefore);
        const wallTimeMs = elapsedMs();
        return {
          kind: 'error',
          error: failure(slot, error, watchdogFired, request.memoryMb, request.timeoutMs, wallTimeMs),
          cpuTimeMs,
          wallTimeMs,
        };
      }
    } finally {
      clearTimeout(watchdog);
      if (prepared?.ok && !slot.isolate.isDisposed) {
        prepared.call.release();
        prepared.context.release();
      }
      // A script that failed to load is not loaded again in the background, only on demand.
      if (!slot.isolate.isDisposed && prepared?.ok !== false) {
        slot.timeoutMs = request.timeoutMs;
        slot.spare = prepare(slot, request.memoryMb).then((next) => {
          slot.spareReady = true;
          return next;
        });
      }
    }
  }

  return {
    async run(request) {
      const key = poolKey(request);
      let slot: Slot | 'need-logic';
      try {
        slot = await acquire(key, request);
      } catch (error) {
        const message =
          error instanceof CompileError
            ? `Its script does not compile: ${error.message}`
            : `Could not start an isolate: ${describeError(error)}`;
        return { kind: 'error', error: { code: 'PACK_FAULT', message }, cpuTimeMs: 0, wallTimeMs: 0 };
      }
      if (slot === 'need-logic') return { kind: 'need-logic' };
      try {
        return await runInSlot(slot, request);
      } finally {
        release(slot);
      }
    },
    stats() {
      let busy = 0;
      for (const list of slots.values()) busy += list.filter((slot) => slot.busy).length;
      let queued = 0;
      for (const queue of waiters.values()) queued += queue.length;
      return { isolates: total, busy, queued };
    },
    disposeAll() {
      for (const list of [...slots.values()]) for (const slot of [...list]) remove(slot);
    },
  };
}

function decodeCallResult(text: string, cpuTimeMs: number, wallTimeMs: number): RunOutcome {
  const rest = text.slice(1);
  const fault = (message: string, code: WireError['code'] = 'PACK_FAULT'): RunOutcome => ({
    kind: 'error',
    error: { code, message },
    cpuTimeMs,
    wallTimeMs,
  });
  switch (text.charAt(0)) {
    case 'R':
      return { kind: 'response', text: rest, cpuTimeMs, wallTimeMs };
    case 'T':
      return fault(`Threw ${rest}`);
    case 'M':
      return fault('Its script does not define the global __repogenPack');
    case 'F':
      return fault('__repogenPack.invoke is not a function');
    case 'N':
      return fault(`invoke returned ${rest}, not a JSON string`, 'PACK_OUTPUT_INVALID');
    case 'B':
      return fault(`invoke returned ${rest} characters, more than the sandbox accepts`, 'PACK_OUTPUT_INVALID');
    default:
      return fault('The call returned an unknown answer');
  }
}

/** `Name: message` of an error raised in an isolate; its stack is dropped, it may name host frames. */
function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
