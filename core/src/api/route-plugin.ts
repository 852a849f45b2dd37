import type { Request, ResponseToolkit, Server, ServerRoute } from '@hapi/hapi';
import Joi, { type ValidationError } from 'joi';
import { InvalidError } from '../errors/domain-error.js';
import { ERROR_STATUS_DESCRIPTIONS, errorResponses } from './schemas.js';
import type { AnyRef, ResolvedServices, ServiceRegistry } from '../registry/service-registry.js';

/** A hapi plugin of routes that declares the services it uses. */
export interface RoutePlugin<D extends Record<string, AnyRef> = Record<string, AnyRef>> {
  readonly name: string;
  readonly deps: D;
  routes(services: ResolvedServices<D>): ServerRoute[];
}

export function defineRoutePlugin<D extends Record<string, AnyRef>>(plugin: RoutePlugin<D>): RoutePlugin<D> {
  return plugin;
}

export async function registerRoutePlugins(server: Server, registry: ServiceRegistry, plugins: readonly RoutePlugin[]) {
  for (const plugin of plugins) {
    const services = await registry.resolve(plugin.deps, plugin.name);
    await server.register({ name: plugin.name, register: (inner) => inner.route(plugin.routes(services).map(withErrorResponses)) });
  }
}

/**
 * Documents the error shape on every route: the failures any route can give (bad input when
 * it validates, 401/403 when it is protected, 500) beside the ones the route lists itself.
 * hapi reads the body of every method but GET and HEAD before the route's own code runs, and
 * answers a body it cannot read with 400 (bad JSON or multipart), 413 (over the size limit) or
 * 415 (a content type it does not take), so those routes document the three.
 */
function withErrorResponses(route: ServerRoute): ServerRoute {
  if (typeof route.options === 'function') return route;
  const options = route.options ?? {};
  const statuses = [500];
  if (options.validate) statuses.push(400);
  if (options.auth !== false) statuses.push(401, 403);
  if (readsBody(route)) statuses.push(400, 413, 415);
  const response = options.response ?? {};
  // A success answer given as `response.schema` alone would drop out of the document once `status` is set.
  const answered = Object.keys(response.status ?? {}).some((code) => Number(code) < 400);
  const success = !answered && Joi.isSchema(response.schema) ? { 200: response.schema } : {};
  const status: Record<string, unknown> = { ...success, ...errorResponses(...statuses), ...(response.status ?? {}) };
  const described = Object.fromEntries(
    Object.keys(status)
      .filter((code) => Number(code) >= 400)
      .map((code) => [code, { description: ERROR_STATUS_DESCRIPTIONS[Number(code)] ?? 'Error', schema: status[code] }]),
  );
  const swagger = (options.plugins?.['hapi-swagger'] ?? {}) as { responses?: Record<string, unknown> };
  return {
    ...route,
    options: {
      ...options,
      response: { ...response, status: status as NonNullable<typeof response.status> },
      plugins: { ...options.plugins, 'hapi-swagger': { ...swagger, responses: { ...described, ...swagger.responses } } },
    },
  };
}

function readsBody(route: ServerRoute): boolean {
  const methods = [route.method].flat().map((method) => method.toUpperCase());
  return methods.some((method) => method !== 'GET' && method !== 'HEAD');
}

/** joi rejections become `VALIDATION_FAILED` with the offending paths, never a 500. */
export function failValidation(_request: Request, _h: ResponseToolkit, error?: Error): never {
  const details = (error as ValidationError | undefined)?.details?.map((detail) => ({
    path: detail.path.join('.'),
    message: detail.message,
  }));
  throw new InvalidError('VALIDATION_FAILED', error?.message ?? 'The request is not valid', details ? { fields: details } : undefined);
}
