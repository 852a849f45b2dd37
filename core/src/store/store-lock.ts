import fs from 'node:fs';

/** Held while a process has the embedded store open; `release()` gives it back. */
export interface StoreLock {
  release(): void;
}

export class StoreInUseError extends Error {
  constructor(
    readonly directory: string,
    readonly pid: number,
  ) {
    super(
      `The embedded store in ${directory} is in use by process ${pid} (a running "repogen serve"?). ` +
        'It belongs to one process at a time: stop that process first, or act through its API.',
    );
    this.name = 'StoreInUseError';
  }
}

/**
 * Takes the embedded store's lock file, `<directory>.lock`, holding this process's id. PGlite
 * has no lock of its own, and two processes writing one data directory corrupt it. A lock left
 * by a process that is gone is taken over.
 */
export function lockEmbeddedStore(directory: string): StoreLock {
  const file = `${directory}.lock`;
  for (;;) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(fs.readFileSync(file, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
        throw new StoreInUseError(directory, holder);
      }
      fs.rmSync(file, { force: true });
    }
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    fs.rmSync(file, { force: true });
  };
  process.on('exit', release);
  return { release };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
