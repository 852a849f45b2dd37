import type { ServerRoute } from '@hapi/hapi';
import Joi from 'joi';
import { IDEMPOTENCY_HEADER } from '../server/idempotency-plugin.js';

/** An Idempotency-Key: any client-chosen string, a UUID being the usual choice. */
export const idempotencyKeySchema = Joi.string()
  .trim()
  .min(1)
  .max(200)
  .description(
    'Makes the request safe to retry: a repeat with the same key answers the first successful answer (status and body, header idempotent-replayed: true); the same key with another body is 409 IDEMPOTENCY_KEY_REUSED. A refused or failed request keeps nothing, so its retry runs again. Kept 24 hours per tenant.',
  );

export interface IdempotentOptions {
  /** Top-level answer fields never kept for a replay, e.g. a secret shown once. */
  readonly withhold?: readonly string[];
}

/**
 * Opts a route that creates something into Idempotency-Key handling, and documents the
 * header: `idempotent({ method: 'POST', path: '/v1/things', options: { … }, handler })`.
 */
export function idempotent(route: ServerRoute, { withhold = [] }: IdempotentOptions = {}): ServerRoute {
  const options = typeof route.options === 'function' ? undefined : (route.options ?? {});
  if (!options) throw new Error(`idempotent(${String(route.method)} ${route.path}): options must be an object`);
  const validate = options.validate ?? {};
  const headers = validate.headers;
  const keyed = { [IDEMPOTENCY_HEADER]: idempotencyKeySchema };
  const merged = Joi.isSchema(headers)
    ? (headers as Joi.ObjectSchema).keys(keyed)
    : headers === undefined || headers === true
      ? Joi.object(keyed).unknown(true)
      : undefined;
  if (!merged)
    throw new Error(`idempotent(${String(route.method)} ${route.path}): validate.headers must be a joi object`);
  return {
    ...route,
    options: {
      ...options,
      plugins: { ...options.plugins, idempotency: { withhold } },
      validate: { ...validate, headers: merged },
    },
  };
}
