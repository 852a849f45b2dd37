import type { Request, ResponseToolkit, Server, ServerRoute } from '@hapi/hapi';
import type { ValidationError } from 'joi';
import { InvalidError } from '../errors/domain-error.js';
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
    await server.register({ name: plugin.name, register: (inner) => inner.route(plugin.routes(services)) });
  }
}

/** joi rejections become `VALIDATION_FAILED` with the offending paths, never a 500. */
export function failValidation(_request: Request, _h: ResponseToolkit, error?: Error): never {
  const details = (error as ValidationError | undefined)?.details?.map((detail) => ({
    path: detail.path.join('.'),
    message: detail.message,
  }));
  throw new InvalidError('VALIDATION_FAILED', error?.message ?? 'The request is not valid', details ? { fields: details } : undefined);
}
