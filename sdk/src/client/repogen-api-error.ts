/** The one error shape of the host API: `{statusCode, error, code, message, details?}`. */
export interface ApiErrorBody {
  readonly statusCode: number;
  readonly error: string;
  readonly code: string;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** A refusal from the host, with its stable `code` (`REPORT_NOT_FOUND`, `IDEMPOTENCY_KEY_REUSED`, …). */
export class RepogenApiError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'RepogenApiError';
    this.statusCode = body.statusCode;
    this.code = body.code;
    this.details = body.details;
  }
}

/** A generation job that failed for good, with the code it failed with. */
export class RepogenJobFailedError extends Error {
  constructor(
    readonly jobId: string,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RepogenJobFailedError';
  }
}
