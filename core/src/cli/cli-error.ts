/** A failure the CLI reports as one line, with a distinct exit code. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
    this.name = 'CliError';
  }
}

export const EXIT = { ok: 0, failure: 1, usage: 2, config: 3 } as const;
