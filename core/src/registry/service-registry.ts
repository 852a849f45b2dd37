/** A typed handle on a service; the id names it in errors (`core.audit`). */
export interface ServiceRef<T> {
  readonly id: string;
  /** Carries the type only; never set. */
  readonly __type?: T;
}

export function createServiceRef<T>(id: string): ServiceRef<T> {
  return { id };
}

export type AnyRef = ServiceRef<unknown>;
/** The services a set of refs resolves to. */
export type ResolvedServices<D extends Record<string, AnyRef>> = { [K in keyof D]: D[K] extends ServiceRef<infer T> ? T : never };

export interface ServiceFactory<T = unknown, D extends Record<string, AnyRef> = Record<string, AnyRef>> {
  readonly service: ServiceRef<T>;
  readonly deps: D;
  create(deps: ResolvedServices<D>): T | Promise<T>;
  /** Releases what `create` acquired; called in reverse order of creation. */
  dispose?(instance: T): void | Promise<void>;
}

export function createServiceFactory<T, D extends Record<string, AnyRef>>(factory: ServiceFactory<T, D>): ServiceFactory<T, D> {
  return factory;
}

/**
 * Resolves services from their factories on first use, once each. Shared by the HTTP
 * process, the worker and the CLI so that each wires exactly the services it needs.
 */
export class ServiceRegistry {
  readonly #factories = new Map<string, ServiceFactory<unknown, Record<string, AnyRef>>>();
  readonly #instances = new Map<string, Promise<unknown>>();
  readonly #created: { id: string; instance: unknown }[] = [];

  constructor(factories: readonly ServiceFactory[]) {
    for (const factory of factories) {
      if (this.#factories.has(factory.service.id)) {
        throw new Error(`Two factories for service ${factory.service.id}`);
      }
      this.#factories.set(factory.service.id, factory);
    }
  }

  /** Puts an already built instance in place of a factory (configuration, logger). */
  static value<T>(service: ServiceRef<T>, instance: T): ServiceFactory<T, Record<string, never>> {
    return { service, deps: {}, create: () => instance };
  }

  async get<T>(ref: ServiceRef<T>): Promise<T> {
    return (await this.#resolve(ref.id, [])) as T;
  }

  /** Resolves a named set of refs, as a plugin or command declares them. */
  async resolve<D extends Record<string, AnyRef>>(deps: D, neededBy: string): Promise<ResolvedServices<D>> {
    const resolved: Record<string, unknown> = {};
    for (const [name, dep] of Object.entries(deps)) resolved[name] = await this.#resolve(dep.id, [neededBy]);
    return resolved as ResolvedServices<D>;
  }

  #resolve(id: string, path: readonly string[]): Promise<unknown> {
    // Before the cache: a service still being created is cached too, and waiting on it from
    // its own dependency chain would never settle.
    if (path.includes(id)) throw new Error(`Service dependency cycle: ${[...path, id].join(' -> ')}`);
    const existing = this.#instances.get(id);
    if (existing) return existing;
    const factory = this.#factories.get(id);
    if (!factory) {
      const neededBy = path.at(-1);
      throw new Error(`No factory for service ${id}${neededBy ? ` (needed by ${neededBy})` : ''}`);
    }
    const pending = (async () => {
      const deps: Record<string, unknown> = {};
      for (const [name, dep] of Object.entries(factory.deps)) {
        deps[name] = await this.#resolve(dep.id, [...path, id]);
      }
      const instance = await factory.create(deps);
      this.#created.push({ id, instance });
      return instance;
    })();
    this.#instances.set(id, pending);
    return pending;
  }

  /** Disposes every created service, the last created first. */
  async dispose(): Promise<void> {
    for (const { id, instance } of this.#created.splice(0).reverse()) {
      await this.#factories.get(id)?.dispose?.(instance);
    }
    this.#instances.clear();
  }
}
