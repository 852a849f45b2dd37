import crypto from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type {
  Artifact,
  CallbackDelivery,
  CallbackEndpoint,
  CallbackEvent,
  CreateReportInput,
  DownloadedFile,
  Evidence,
  GenerationJob,
  ReportDetail,
  ReportSummary,
  ReportVersion,
} from './api-types.js';
import { RepogenApiError, RepogenJobFailedError, type ApiErrorBody } from './repogen-api-error.js';
import { verifyCallbackSignature, type CallbackSignatureCheck, type CallbackSignatureResult } from './verify-callback-signature.js';

export interface RepogenClientOptions {
  /** The host, e.g. `https://repogen.example.in`. */
  readonly baseUrl: string;
  /** V1's service token, sent as `x-service-token`. */
  readonly serviceToken?: string;
  /** An API token, sent as `Authorization: Bearer …` (when there is no service token). */
  readonly token?: string;
  /** Further attempts after a network failure or a 502/503/504, for GETs and keyed POSTs; 2 by default. */
  readonly retries?: number;
  /** A fetch to use instead of the global one. */
  readonly fetch?: typeof fetch;
}

/** Options of a call that creates something. */
export interface CreateOptions {
  /** Sent as `Idempotency-Key`; a random one is chosen when omitted, so the client's own retries are safe. */
  readonly idempotencyKey?: string;
}

export interface UploadFile {
  readonly filename: string;
  readonly bytes: Buffer | Uint8Array;
  readonly contentType?: string;
}

export interface UploadProgress {
  readonly loaded: number;
  readonly total: number;
}

export interface UploadOptions extends CreateOptions {
  /** An evidence kind for every file (`photo.exterior`, `document.sale_deed`, …); guessed when omitted. */
  readonly kind?: string;
  /** Called as the body is sent, at least once at the end. */
  readonly onProgress?: (progress: UploadProgress) => void;
}

export interface WaitOptions {
  /** 10 minutes by default. */
  readonly timeoutMs?: number;
  /** 1 s by default. */
  readonly intervalMs?: number;
  readonly signal?: AbortSignal;
}

interface Call {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  readonly path: string;
  readonly json?: unknown;
  readonly body?: () => { body: RequestBody; headers: Record<string, string> };
  readonly idempotencyKey?: string;
}

type RequestBody = NonNullable<RequestInit['body']>;

const UPLOAD_CHUNK = 64 * 1024;
const RETRY_STATUSES = new Set([502, 503, 504]);

/**
 * A typed client of the Repogen host API for programs such as V1: reports by external key,
 * evidence upload with progress, generation and waiting for its job, downloads, release,
 * callbacks, and the check of a callback's signature. Every creating call carries an
 * Idempotency-Key, so a retry after a lost answer never creates a second thing.
 */
export class RepogenClient {
  readonly #baseUrl: string;
  readonly #auth: Record<string, string>;
  readonly #retries: number;
  readonly #fetch: typeof fetch;

  constructor(options: RepogenClientOptions) {
    this.#baseUrl = options.baseUrl.replace(/\/+$/, '');
    if (options.serviceToken) this.#auth = { 'x-service-token': options.serviceToken };
    else if (options.token) this.#auth = { authorization: `Bearer ${options.token}` };
    else throw new Error('RepogenClient needs a serviceToken or a token');
    this.#retries = options.retries ?? 2;
    this.#fetch = options.fetch ?? fetch;
  }

  /** Creates a report, or answers the one that already has `externalKey` (`created: false`). */
  async createReport(input: CreateReportInput, options: CreateOptions = {}): Promise<{ report: ReportSummary; created: boolean }> {
    const response = await this.#send({ method: 'POST', path: '/v1/reports', json: input, idempotencyKey: options.idempotencyKey ?? crypto.randomUUID() });
    return { report: (await response.json()) as ReportSummary, created: response.status === 201 };
  }

  getReport(id: string): Promise<ReportDetail> {
    return this.#json({ method: 'GET', path: `/v1/reports/${encodeURIComponent(id)}` });
  }

  getReportByExternalKey(externalKey: string): Promise<ReportDetail> {
    return this.#json({ method: 'GET', path: `/v1/reports/by-external-key/${encodeURIComponent(externalKey)}` });
  }

  /** Sets fields by JSON pointer (`/partA_land/adoptedRatePerSqm`); `reason` for fields that need one. */
  patchReportData(id: string, set: Record<string, unknown>, reason?: string): Promise<ReportDetail> {
    return this.#json({ method: 'PATCH', path: `/v1/reports/${encodeURIComponent(id)}/data`, json: reason === undefined ? { set } : { set, reason } });
  }

  async uploadEvidence(reportId: string, files: readonly UploadFile[], options: UploadOptions = {}): Promise<Evidence[]> {
    const response = await this.#send({
      method: 'POST',
      path: `/v1/reports/${encodeURIComponent(reportId)}/evidence`,
      idempotencyKey: options.idempotencyKey ?? crypto.randomUUID(),
      body: () => multipartBody(files, options.kind, options.onProgress),
    });
    return ((await response.json()) as { items: Evidence[] }).items;
  }

  /** Queues the next version; the same key answers the same job. */
  generate(reportId: string, options: CreateOptions = {}): Promise<{ jobId: string; created: boolean }> {
    return this.#json({ method: 'POST', path: `/v1/reports/${encodeURIComponent(reportId)}/generate`, idempotencyKey: options.idempotencyKey ?? crypto.randomUUID() });
  }

  getJob(jobId: string): Promise<GenerationJob> {
    return this.#json({ method: 'GET', path: `/v1/jobs/${encodeURIComponent(jobId)}` });
  }

  /** Polls a generation job until it completes; throws `RepogenJobFailedError` when it fails for good. */
  async waitForJob(jobId: string, options: WaitOptions = {}): Promise<GenerationJob> {
    const deadline = Date.now() + (options.timeoutMs ?? 10 * 60_000);
    for (;;) {
      const job = await this.getJob(jobId);
      if (job.state === 'completed') return job;
      if (job.state === 'failed' || job.state === 'cancelled') {
        throw new RepogenJobFailedError(jobId, job.error?.code ?? 'JOB_FAILED', job.error?.message ?? `The job ${job.state}`);
      }
      if (Date.now() > deadline) throw new Error(`Job ${jobId} is still ${job.state} after the wait`);
      await sleep(options.intervalMs ?? 1000, undefined, { signal: options.signal });
    }
  }

  async versions(reportId: string): Promise<ReportVersion[]> {
    return (await this.#json<{ items: ReportVersion[] }>({ method: 'GET', path: `/v1/reports/${encodeURIComponent(reportId)}/versions` })).items;
  }

  async download(artifact: Pick<Artifact, 'id'> | string): Promise<DownloadedFile> {
    const id = typeof artifact === 'string' ? artifact : artifact.id;
    const response = await this.#send({ method: 'GET', path: `/v1/artifacts/${encodeURIComponent(id)}` });
    const disposition = response.headers.get('content-disposition') ?? '';
    return {
      bytes: Buffer.from(await response.arrayBuffer()),
      contentType: response.headers.get('content-type') ?? 'application/octet-stream',
      filename: /filename="([^"]+)"/.exec(disposition)?.[1],
    };
  }

  /** The artifact of a kind from the newest version (or version `n`). */
  async downloadLatest(reportId: string, kind: Artifact['kind'] = 'pdf', n?: number): Promise<DownloadedFile> {
    const versions = await this.versions(reportId);
    const version = n === undefined ? versions.at(-1) : versions.find((item) => item.n === n);
    const artifact = version?.artifacts.find((item) => item.kind === kind);
    if (!artifact) throw new Error(`Report ${reportId} has no ${kind} ${n === undefined ? 'yet' : `in version ${n}`}`);
    return this.download(artifact);
  }

  /** Releases the report to the bank (removes the DRAFT watermark, checks billing). */
  async release(reportId: string, body: Record<string, unknown> = {}, options: CreateOptions = {}): Promise<Record<string, unknown>> {
    return this.#json({ method: 'POST', path: `/v1/reports/${encodeURIComponent(reportId)}/release`, json: body, idempotencyKey: options.idempotencyKey ?? crypto.randomUUID() });
  }

  /**
   * Registers a callback URL. The signing secret (yours, or one generated) is answered once:
   * a repeat with the same Idempotency-Key answers the endpoint without it.
   */
  registerCallback(input: { url: string; events: readonly CallbackEvent[]; secret?: string; description?: string }, options: CreateOptions = {}): Promise<{ endpoint: CallbackEndpoint; secret?: string }> {
    return this.#json({ method: 'POST', path: '/v1/callbacks', json: input, idempotencyKey: options.idempotencyKey ?? crypto.randomUUID() });
  }

  async listCallbacks(): Promise<CallbackEndpoint[]> {
    return (await this.#json<{ items: CallbackEndpoint[] }>({ method: 'GET', path: '/v1/callbacks' })).items;
  }

  removeCallback(id: string): Promise<CallbackEndpoint> {
    return this.#json({ method: 'DELETE', path: `/v1/callbacks/${encodeURIComponent(id)}` });
  }

  deliveries(query: { endpointId?: string; event?: CallbackEvent; state?: CallbackDelivery['state']; limit?: number; offset?: number } = {}): Promise<{ items: CallbackDelivery[]; total: number }> {
    const search = new URLSearchParams(Object.entries(query).filter(([, value]) => value !== undefined).map(([key, value]): [string, string] => [key, String(value)]));
    const suffix = search.size > 0 ? `?${search.toString()}` : '';
    return this.#json({ method: 'GET', path: `/v1/callbacks/deliveries${suffix}` });
  }

  redeliver(deliveryId: string, options: CreateOptions = {}): Promise<CallbackDelivery> {
    return this.#json({ method: 'POST', path: `/v1/callbacks/deliveries/${encodeURIComponent(deliveryId)}/redeliver`, idempotencyKey: options.idempotencyKey ?? crypto.randomUUID() });
  }

  /** Checks a received callback: see `verifyCallbackSignature`. */
  static verifyCallbackSignature(check: CallbackSignatureCheck): CallbackSignatureResult {
    return verifyCallbackSignature(check);
  }

  async #json<T>(call: Call): Promise<T> {
    const response = await this.#send(call);
    return (await response.json()) as T;
  }

  async #send(call: Call): Promise<Response> {
    const retryable = call.method === 'GET' || call.idempotencyKey !== undefined;
    for (let attempt = 0; ; attempt += 1) {
      const headers: Record<string, string> = { ...this.#auth, accept: 'application/json' };
      if (call.idempotencyKey !== undefined) headers['idempotency-key'] = call.idempotencyKey;
      let body: RequestBody | undefined;
      if (call.body) {
        const built = call.body();
        body = built.body;
        Object.assign(headers, built.headers);
      } else if (call.json !== undefined) {
        body = JSON.stringify(call.json);
        headers['content-type'] = 'application/json';
      }
      let response: Response;
      try {
        response = await this.#fetch(`${this.#baseUrl}${call.path}`, { method: call.method, headers, body, duplex: 'half' });
      } catch (error) {
        if (retryable && attempt < this.#retries) {
          await sleep(backoffMs(attempt));
          continue;
        }
        throw error;
      }
      if (response.ok) return response;
      if (retryable && attempt < this.#retries && RETRY_STATUSES.has(response.status)) {
        await response.body?.cancel();
        await sleep(backoffMs(attempt));
        continue;
      }
      throw new RepogenApiError(await errorBody(response));
    }
  }
}

function backoffMs(attempt: number): number {
  return 250 * 2 ** attempt + Math.floor(Math.random() * 100);
}

async function errorBody(response: Response): Promise<ApiErrorBody> {
  const text = await response.text();
  try {
    const parsed = JSON.parse(text) as Partial<ApiErrorBody>;
    if (typeof parsed.code === 'string' && typeof parsed.message === 'string') {
      return { statusCode: response.status, error: parsed.error ?? response.statusText, code: parsed.code, message: parsed.message, details: parsed.details };
    }
  } catch {
    // Not the host's error shape (a proxy's page): answered by status below.
  }
  return { statusCode: response.status, error: response.statusText, code: `HTTP_${response.status}`, message: text.slice(0, 500) || response.statusText };
}

/** A multipart/form-data body streamed in chunks, reporting how much of it has been read. */
function multipartBody(files: readonly UploadFile[], kind: string | undefined, onProgress: UploadOptions['onProgress']): { body: RequestBody; headers: Record<string, string> } {
  const boundary = `----repogen-${crypto.randomBytes(12).toString('hex')}`;
  const parts: Buffer[] = [];
  if (kind !== undefined) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\n${kind}\r\n`));
  for (const file of files) {
    const name = file.filename.replace(/["\r\n\\]/g, '_');
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`),
      Buffer.from(file.bytes),
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  const whole = Buffer.concat(parts);
  let offset = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= whole.length) {
        controller.close();
        return;
      }
      const chunk = whole.subarray(offset, offset + UPLOAD_CHUNK);
      offset += chunk.length;
      controller.enqueue(chunk);
      onProgress?.({ loaded: offset, total: whole.length });
    },
  });
  return { body: stream, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(whole.length) } };
}
