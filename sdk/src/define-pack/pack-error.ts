/**
 * An error a pack throws on purpose, with a stable `SCREAMING_SNAKE` code that the host
 * shows; any other thrown error is reported as `PACK_ERROR`.
 */
export class PackError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'PackError';
  }
}

/** The formulas depend on each other in a loop; the message names the loop. */
export class FormulaCycleError extends PackError {
  constructor(readonly cycle: readonly string[]) {
    super('FORMULA_CYCLE', `formulas depend on each other in a cycle: ${cycle.join(' → ')}`);
    this.name = 'FormulaCycleError';
  }
}

/** A formula needed an input the draft does not have yet; reported once as a warning. */
export class MissingInputError extends PackError {
  constructor(
    readonly pointer: string,
    readonly formula: string,
  ) {
    super('INPUT_MISSING', `${formula} needs ${pointer}, which is empty`);
    this.name = 'MissingInputError';
  }
}

/** A formula read a value that has none (its own inputs are missing); no second warning. */
export class MissingValueError extends PackError {
  constructor(
    readonly value: string,
    readonly formula: string,
  ) {
    super('VALUE_MISSING', `${formula} needs the value ${value}, which has none`);
    this.name = 'MissingValueError';
  }
}

const CODE = /^[A-Z][A-Z0-9_]{1,63}$/;

/** The code and message an error crosses the boundary with: no stack, no host object. */
export function describeError(error: unknown): { code: string; message: string } {
  const candidate = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  const code = typeof candidate === 'string' && CODE.test(candidate) ? candidate : 'PACK_ERROR';
  const message = error instanceof Error ? error.message : `non-error thrown: ${String(error)}`;
  return { code, message: message.slice(0, 1000) };
}
