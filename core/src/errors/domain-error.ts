/**
 * Who is at fault: the caller (`user`), the environment (`operational`, worth a retry), or
 * the code (`unexpected`, worth an alert). Workers decide retries from it.
 */
export type ErrorKind = 'user' | 'operational' | 'unexpected';

/**
 * Marks a domain error in the global symbol registry: a host plugin loaded with `import()`
 * may hold another instance of this module than the host (a test runner that transpiles the
 * host to CommonJS), and its errors must still be recognised.
 */
const DOMAIN_ERROR = Symbol.for('repogen.domain-error');

/** A failure with a stable `code` that clients and workers can act on. Services throw these, never Boom. */
export class DomainError extends Error {
  readonly [DOMAIN_ERROR] = true;

  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly kind: ErrorKind,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

type Details = Readonly<Record<string, unknown>>;

export class InvalidError extends DomainError {
  constructor(code: string, message: string, details?: Details) {
    super(code, message, 400, 'user', details);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Authentication is required', code = 'UNAUTHENTICATED') {
    super(code, message, 401, 'user');
  }
}

export class PaymentRequiredError extends DomainError {
  constructor(code: string, message: string, details?: Details) {
    super(code, message, 402, 'user', details);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'This role may not do that', code = 'FORBIDDEN') {
    super(code, message, 403, 'user');
  }
}

/** Also used for rows of another tenant, so that their existence does not leak. */
export class NotFoundError extends DomainError {
  constructor(what: string, code = 'NOT_FOUND') {
    super(code, `${what} was not found`, 404, 'user');
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string, details?: Details) {
    super(code, message, 409, 'user', details);
  }
}

/** Well-formed input that the domain still cannot accept (a pack whose fixtures fail). */
export class UnprocessableError extends DomainError {
  constructor(code: string, message: string, details?: Details) {
    super(code, message, 422, 'user', details);
  }
}

export class UnavailableError extends DomainError {
  constructor(code: string, message: string) {
    super(code, message, 503, 'operational');
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError || (typeof error === 'object' && error !== null && (error as { [DOMAIN_ERROR]?: unknown })[DOMAIN_ERROR] === true);
}
