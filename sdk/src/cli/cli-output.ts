/** How a command reports: lines for people, or one JSON document with `--json` for scripts. */
export interface CliOutput {
  readonly json: boolean;
  info(line: string): void;
  result(data: unknown, human: () => string[]): void;
}

export function createCliOutput(json: boolean): CliOutput {
  return {
    json,
    info(line) {
      if (!json) process.stderr.write(`${line}\n`);
    },
    result(data, human) {
      if (json) process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
      else for (const line of human()) process.stdout.write(`${line}\n`);
    },
  };
}

/** A failure the CLI reports in one place, with its exit code and structured problems. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    readonly problems: readonly { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'CliFailure';
  }
}

export const EXIT = { ok: 0, failed: 1, usage: 2, invalid: 3, unavailable: 4 } as const;
