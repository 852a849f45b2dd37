import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { pathToFileURL } from 'node:url';
import { locateLibreOffice, type LibreOfficeInstallation } from './libreoffice-locator.js';
import { renderErrors } from './render-errors.js';
import { UNO_BRIDGE_SCRIPT } from './uno-bridge-script.js';

export interface LibreOfficeConverterOptions {
  /** Found with `locateLibreOffice()` when omitted. */
  readonly installation?: LibreOfficeInstallation;
  /** A conversion that takes longer is abandoned and the office killed and restarted. */
  readonly conversionTimeoutMs?: number;
  readonly startTimeoutMs?: number;
  /** Where the office profile and the files in flight live; `os.tmpdir()` when omitted. */
  readonly tempDir?: string;
}

/** One LibreOffice at work: the Python bridge (a process-group leader) and the soffice.bin it started. */
interface OfficeProcess {
  readonly bridge: ChildProcessWithoutNullStreams;
  readonly officePid: number;
  readonly exited: Promise<void>;
  /** Answers by request id; a bridge that exits fails them all. */
  readonly waiting: Map<string, (answer: BridgeAnswer) => void>;
  alive: boolean;
}

type BridgeAnswer = { readonly ok: true } | { readonly ok: false; readonly error: string; readonly crashed: boolean };

interface BridgeMessage {
  readonly ready?: boolean;
  readonly officeDied?: boolean;
  readonly officePid?: number;
  readonly fatal?: string;
  readonly id?: string;
  readonly ok?: boolean;
  readonly error?: string;
  readonly crashed?: boolean;
}

/** Process groups still alive, killed synchronously if the host exits without `close()`. */
const liveProcessGroups = new Set<number>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const group of liveProcessGroups) killGroup(group);
  });
}

function killGroup(group: number): void {
  try {
    process.kill(-group, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/**
 * A kept-alive LibreOffice that converts DOCX to PDF one document at a time. It starts on first
 * use, and after a crash or a hang (a conversion past `conversionTimeoutMs`) it is killed and
 * started again. A crash during a conversion is retried once on a fresh office; a timeout is
 * not, since the same document would most likely hang again. Nothing it starts outlives the
 * host: `close()` kills the process group, an `exit` hook covers a host that forgets, and the
 * bridge dies with its parent even on SIGKILL (see uno-bridge-script.ts).
 */
export class LibreOfficeConverter {
  readonly #installation: LibreOfficeInstallation;
  readonly #conversionTimeoutMs: number;
  readonly #startTimeoutMs: number;
  readonly #tempDir: string;
  #workDir: Promise<string> | undefined;
  #office: OfficeProcess | undefined;
  #starting: Promise<OfficeProcess> | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  #closed = false;
  #restarts = 0;

  constructor(options: LibreOfficeConverterOptions = {}) {
    this.#installation = options.installation ?? locateLibreOffice();
    this.#conversionTimeoutMs = options.conversionTimeoutMs ?? 60_000;
    this.#startTimeoutMs = options.startTimeoutMs ?? 60_000;
    this.#tempDir = options.tempDir ?? os.tmpdir();
  }

  /** The running soffice.bin, if any (for supervision and tests). */
  get officePid(): number | undefined {
    return this.#office?.alive ? this.#office.officePid : undefined;
  }

  /** The Python bridge that owns the office: the leader of its process group. */
  get bridgePid(): number | undefined {
    return this.#office?.alive ? this.#office.bridge.pid : undefined;
  }

  /** How many times an office was started after the first. */
  get restarts(): number {
    return this.#restarts;
  }

  /** Starts the office now rather than on the first conversion. */
  async start(): Promise<void> {
    await this.#ensureOffice();
  }

  convertToPdf(docx: Buffer): Promise<Buffer> {
    const run = this.#queue.then(() => this.#convertWithRetry(docx));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const office = this.#office ?? (await this.#starting?.catch(() => undefined));
    if (office) await this.#kill(office);
    const workDir = await this.#workDir?.catch(() => undefined);
    if (workDir) await fs.rm(workDir, { recursive: true, force: true });
  }

  async #convertWithRetry(docx: Buffer): Promise<Buffer> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.#convertOnce(docx);
      } catch (error) {
        if (!(error instanceof OfficeCrash)) throw error;
        if (this.#closed) throw renderErrors.closed();
        if (attempt >= 2) throw renderErrors.conversionFailed(error.message);
      }
    }
  }

  async #convertOnce(docx: Buffer): Promise<Buffer> {
    if (this.#closed) throw renderErrors.closed();
    const office = await this.#ensureOffice();
    const workDir = await this.#ensureWorkDir();
    const id = crypto.randomUUID();
    const input = path.join(workDir, `${id}.docx`);
    const output = path.join(workDir, `${id}.pdf`);
    await fs.writeFile(input, docx);
    try {
      const answer = await this.#ask(office, id, input, output);
      if (!answer.ok) {
        if (answer.crashed) {
          // The bridge may answer before it exits: retire it now so the retry starts a new one.
          await this.#kill(office);
          throw new OfficeCrash(answer.error);
        }
        throw renderErrors.conversionFailed(answer.error);
      }
      return await fs.readFile(output);
    } finally {
      await Promise.all([fs.rm(input, { force: true }), fs.rm(output, { force: true })]);
    }
  }

  #ask(office: OfficeProcess, id: string, input: string, output: string): Promise<BridgeAnswer> {
    return new Promise<BridgeAnswer>((resolve, reject) => {
      const timer = setTimeout(() => {
        office.waiting.delete(id);
        void this.#kill(office);
        reject(renderErrors.timeout(this.#conversionTimeoutMs));
      }, this.#conversionTimeoutMs);
      office.waiting.set(id, (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
      const request = { id, input: pathToFileURL(input).href, output: pathToFileURL(output).href };
      office.bridge.stdin.write(`${JSON.stringify(request)}\n`);
    });
  }

  #ensureWorkDir(): Promise<string> {
    this.#workDir ??= fs.mkdtemp(path.join(this.#tempDir, 'repogen-office-'));
    return this.#workDir;
  }

  #ensureOffice(): Promise<OfficeProcess> {
    if (this.#closed) return Promise.reject(renderErrors.closed());
    if (this.#office?.alive) return Promise.resolve(this.#office);
    if (this.#office) this.#restarts += 1;
    this.#office = undefined;
    this.#starting ??= this.#startOffice().finally(() => {
      this.#starting = undefined;
    });
    return this.#starting;
  }

  async #startOffice(): Promise<OfficeProcess> {
    const workDir = await this.#ensureWorkDir();
    // The profile survives restarts: creating it is most of LibreOffice's first start.
    const profileUrl = pathToFileURL(path.join(workDir, 'profile')).href;
    const pipeName = `repogen_${process.pid}_${crypto.randomBytes(6).toString('hex')}`;
    const bridge = spawn(
      this.#installation.python,
      ['-c', UNO_BRIDGE_SCRIPT, this.#installation.sofficeBin, pipeName, profileUrl],
      {
        // Its own process group, so one kill reaches the bridge and the office it started.
        detached: true,
        stdio: ['pipe', 'pipe', 'pipe'],
        env: { ...process.env, SAL_USE_VCLPLUGIN: 'svp' },
      },
    );
    // The converter must not keep the host alive; pending conversions hold their own timers.
    bridge.unref();
    const bridgePid = bridge.pid;
    if (bridgePid === undefined) throw renderErrors.conversionFailed(`cannot start ${this.#installation.python}`);
    installExitHook();
    liveProcessGroups.add(bridgePid);

    // A bridge that died between two requests makes the next write fail with EPIPE; its exit is handled below.
    bridge.stdin.on('error', () => undefined);
    let stderr = '';
    bridge.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-2000);
    });
    const exited = new Promise<void>((resolve) => bridge.once('exit', () => resolve()));
    const lines = readline.createInterface({ input: bridge.stdout });
    for (const stream of [bridge.stdin, bridge.stdout, bridge.stderr]) unrefStream(stream);

    return new Promise<OfficeProcess>((resolve, reject) => {
      let office: OfficeProcess | undefined;
      const fail = (reason: string) => {
        clearTimeout(timer);
        killGroup(bridgePid);
        reject(renderErrors.conversionFailed(reason));
      };
      const timer = setTimeout(
        () => fail(`LibreOffice did not start within ${this.#startTimeoutMs} ms`),
        this.#startTimeoutMs,
      );
      bridge.once('error', (error) => fail(error.message));
      void exited.then(() => {
        liveProcessGroups.delete(bridgePid);
        // The office is in the bridge's process group and dies with it; make sure of it.
        killGroup(bridgePid);
        if (!office) return fail(`the converter exited while starting: ${stderr.trim() || 'no message'}`);
        office.alive = false;
        for (const answer of office.waiting.values())
          answer({ ok: false, error: 'LibreOffice exited during the conversion', crashed: true });
        office.waiting.clear();
      });
      lines.on('line', (line) => {
        const message = parseBridgeMessage(line);
        if (!message) return;
        if (message.fatal !== undefined) return fail(message.fatal);
        // The bridge exits a moment later; a conversion asked for meanwhile must go to a new office.
        if (message.officeDied && office) office.alive = false;
        if (message.ready && message.officePid !== undefined && !office) {
          clearTimeout(timer);
          office = { bridge, officePid: message.officePid, exited, waiting: new Map(), alive: true };
          this.#office = office;
          return resolve(office);
        }
        if (office && message.id !== undefined) {
          const answer = office.waiting.get(message.id);
          office.waiting.delete(message.id);
          answer?.(
            message.ok === true
              ? { ok: true }
              : { ok: false, error: message.error ?? 'unknown error', crashed: message.crashed === true },
          );
        }
      });
    });
  }

  async #kill(office: OfficeProcess): Promise<void> {
    office.alive = false;
    // Hold the event loop until the group is gone, or a host awaiting close() could exit first.
    office.bridge.ref();
    const pid = office.bridge.pid;
    if (pid !== undefined) killGroup(pid);
    await office.exited;
  }
}

/** A conversion lost because the office died under it: worth one retry on a fresh office. */
class OfficeCrash extends Error {}

function parseBridgeMessage(line: string): BridgeMessage | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}

function unrefStream(stream: NodeJS.ReadableStream | NodeJS.WritableStream): void {
  const handle = stream as { unref?: () => void };
  handle.unref?.();
}
