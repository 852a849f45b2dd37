/** An answer of the host that is not a success, carrying the API's stable code and message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The message to show a person for any failure: the API's own words when there are some. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) {
    const fields = (error.details?.fields ?? []) as { path?: string; message?: string }[];
    const extra = fields
      .map((field) => [field.path, field.message].filter(Boolean).join(': '))
      .filter(Boolean)
      .join('; ');
    return `${error.message}${extra && !error.message.includes(extra) ? ` (${extra})` : ''} [${error.code}]`;
  }
  return error instanceof Error ? error.message : String(error);
}
