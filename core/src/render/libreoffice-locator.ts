import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { renderErrors } from './render-errors.js';

/** What the converter runs: the office binary itself and a Python that can `import uno`. */
export interface LibreOfficeInstallation {
  readonly sofficeBin: string;
  readonly python: string;
}

export interface LocateLibreOfficeOptions {
  /** Overrides the search, e.g. from configuration (`REPOGEN_SOFFICE_BIN`, `REPOGEN_UNO_PYTHON`). */
  readonly sofficeBin?: string | undefined;
  readonly python?: string | undefined;
  readonly env?: NodeJS.ProcessEnv;
}

/** Debian and Ubuntu packages; The Document Foundation's own packages install under /opt. */
const PROGRAM_DIRS = ['/usr/lib/libreoffice/program', '/usr/local/lib/libreoffice/program', '/opt/libreoffice/program'];

/**
 * Finds LibreOffice without relying on PATH layout: Debian links only `soffice` (a shell script
 * that forks `oosplash`) into /usr/bin, and a SIGKILL to that wrapper would miss the real
 * office, so the converter runs `soffice.bin` directly. Python is probed by importing `uno`,
 * because Debian's bridge works only with /usr/bin/python3, while a pyenv or venv `python3` may
 * come first on PATH. Throws RENDERER_UNAVAILABLE naming the Debian packages to install.
 */
export function locateLibreOffice(options: LocateLibreOfficeOptions = {}): LibreOfficeInstallation {
  const env = options.env ?? process.env;
  const sofficeBin = firstExisting([options.sofficeBin, env.REPOGEN_SOFFICE_BIN, ...sofficeCandidates(env)]);
  const pythonCandidates = [
    options.python,
    env.REPOGEN_UNO_PYTHON,
    // LibreOffice's own packages bundle a Python beside soffice.bin.
    sofficeBin ? path.join(path.dirname(sofficeBin), 'python') : undefined,
    '/usr/bin/python3',
    ...onPath('python3', env),
  ];
  const python = pythonCandidates.find(
    (candidate) => candidate !== undefined && isExecutable(candidate) && importsUno(candidate),
  );
  const missing = [...(sofficeBin ? [] : ['libreoffice-writer-nogui']), ...(python ? [] : ['python3-uno'])];
  if (!sofficeBin || !python) {
    throw renderErrors.rendererUnavailable(
      `LibreOffice cannot convert documents on this machine: install ${missing.join(' and ')} (scripts/install-system-deps.sh does it)`,
      missing,
    );
  }
  return { sofficeBin, python };
}

function sofficeCandidates(env: NodeJS.ProcessEnv): string[] {
  const optDirs = safeReaddir('/opt')
    .filter((name) => /^libreoffice\d+\.\d+$/.test(name))
    .map((name) => path.join('/opt', name, 'program'));
  // A `soffice` on PATH is usually a link into the program directory.
  const linkedDirs = onPath('soffice', env).map((link) => path.dirname(safeRealpath(link)));
  return [
    ...onPath('soffice.bin', env),
    ...[...PROGRAM_DIRS, ...optDirs, ...linkedDirs].map((dir) => path.join(dir, 'soffice.bin')),
  ];
}

function onPath(name: string, env: NodeJS.ProcessEnv): string[] {
  return (env.PATH ?? '')
    .split(path.delimiter)
    .filter((dir) => dir !== '')
    .map((dir) => path.join(dir, name))
    .filter(isExecutable);
}

function firstExisting(candidates: readonly (string | undefined)[]): string | undefined {
  return candidates.find((candidate): candidate is string => candidate !== undefined && isExecutable(candidate));
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

const unoProbeCache = new Map<string, boolean>();

function importsUno(python: string): boolean {
  let answer = unoProbeCache.get(python);
  if (answer === undefined) {
    answer = spawnSync(python, ['-c', 'import uno'], { stdio: 'ignore', timeout: 10_000 }).status === 0;
    unoProbeCache.set(python, answer);
  }
  return answer;
}

function safeReaddir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

function safeRealpath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}
