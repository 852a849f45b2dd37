import type { Plugin, Request, ResponseToolkit } from '@hapi/hapi';
import Boom from '@hapi/boom';
import type { IdempotencyService } from '../idempotency/idempotency-service.js';
import { requestFingerprint } from '../idempotency/request-fingerprint.js';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** Set on an answer replayed from the first request with the same key. */
export const IDEMPOTENT_REPLAY_HEADER = 'idempotent-replayed';

/** How a route keeps its first answer per Idempotency-Key; set by `idempotent(route)`. */
export interface IdempotencySettings {
  /** Top-level fields of the answer that are never kept (a secret is shown once): a replay answers without them. */
  readonly withhold: readonly string[];
}

declare module '@hapi/hapi' {
  interface PluginSpecificConfiguration {
    idempotency?: IdempotencySettings;
  }
}

export interface IdempotencyPluginOptions {
  readonly idempotency: IdempotencyService;
}

interface Claim {
  readonly tenantId: string;
  readonly id: string;
}

/**
 * Makes the routes that opt in safe to retry: after authentication and validation, a request
 * with an Idempotency-Key claims the key for its tenant; a repeat waits for and answers the
 * first answer (status and body); the key with another request is 409. Only successful answers
 * are kept: after a refusal (4xx) or a failure (5xx) a retry with the same key runs again.
 */
export const idempotencyPlugin: Plugin<IdempotencyPluginOptions> = {
  name: 'idempotency',
  register(server, { idempotency }) {
    const claims = new WeakMap<Request, Claim>();

    server.ext('onPreHandler', async (request: Request, h: ResponseToolkit) => {
      if (request.route.settings.plugins?.idempotency === undefined) return h.continue;
      const header: unknown = request.headers[IDEMPOTENCY_HEADER];
      if (typeof header !== 'string' || header.trim() === '') return h.continue;
      const principal = request.auth.credentials?.principal;
      if (!principal) return h.continue;
      const path = `${request.path}${request.url.search}`;
      const claim = await idempotency.claim(principal.tenantId, {
        key: header.trim(),
        method: request.method.toUpperCase(),
        path,
        hash: await requestFingerprint(request.method, path, request.payload),
      });
      if (claim.kind === 'replay') {
        return h
          .response(claim.body as object)
          .code(claim.status)
          .header(IDEMPOTENT_REPLAY_HEADER, 'true')
          .takeover();
      }
      claims.set(request, { tenantId: principal.tenantId, id: claim.id });
      return h.continue;
    });

    // Before the error plugin: hapi runs no further onPreResponse step once one answers an error,
    // so after it a refused or failed request would keep its claim and its retry would wait.
    server.ext(
      'onPreResponse',
      async (request: Request, h: ResponseToolkit) => {
        const claim = claims.get(request);
        if (!claim) return h.continue;
        claims.delete(request);
        const { response } = request;
        // A refusal changed nothing, so its key stays free: a retry after the cause is gone (a
        // top-up after 402, a report created after 404) is answered afresh, not with the refusal.
        if (response instanceof Error || Boom.isBoom(response)) {
          await idempotency.release(claim.tenantId, claim.id);
          return h.continue;
        }
        const source: unknown = response.source;
        const replayable =
          response.statusCode < 400 &&
          (source === null ||
            (typeof source === 'object' &&
              !Buffer.isBuffer(source) &&
              typeof (source as { pipe?: unknown }).pipe !== 'function'));
        const withhold = request.route.settings.plugins?.idempotency?.withhold ?? [];
        if (replayable)
          await idempotency.complete(claim.tenantId, claim.id, response.statusCode, without(source, withhold));
        else await idempotency.release(claim.tenantId, claim.id);
        return h.continue;
      },
      { before: ['error-shape'] },
    );
  },
};

/** The answer as it is kept: without the withheld top-level fields. */
function without(body: unknown, withhold: readonly string[]): unknown {
  if (withhold.length === 0 || typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  return Object.fromEntries(Object.entries(body).filter(([field]) => !withhold.includes(field)));
}
