import { ApiError } from './api-error';

export interface ApiRequest {
  readonly method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

/** Turns a failed response into an ApiError with the host's code and message. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text) as { code?: string; message?: string; details?: Record<string, unknown> };
    return new ApiError(response.status, body.code ?? `HTTP_${response.status}`, body.message ?? response.statusText, body.details);
  } catch {
    return new ApiError(response.status, `HTTP_${response.status}`, text.slice(0, 200) || response.statusText);
  }
}

/** A JSON call to the host with the session cookie; an error answer throws ApiError. */
export async function apiFetch<T>(path: string, request: ApiRequest = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, {
    method: request.method ?? 'GET',
    credentials: 'same-origin',
    headers,
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
  });
  if (!response.ok) throw await errorFromResponse(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
