import type { Request } from '@hapi/hapi';
import type { AnyRef, ResolvedServices } from '../registry/service-registry.js';
import type { Principal } from './principal.js';

/** How the OpenAPI document describes a way in (`securityDefinitions`). */
export interface SecurityScheme {
  readonly type: 'apiKey';
  readonly name: string;
  readonly in: 'header';
  readonly description: string;
}

/** Reads a request's credentials of one kind: `undefined` when none of that kind were presented. */
export type Authenticator = (request: Request) => Promise<Principal | undefined>;

/**
 * A way in that a host plugin adds (V1's service token), beside the host's own session cookie
 * and bearer token. The host makes it a hapi auth scheme and strategy named `name`, tried before
 * its own; a request that presents nothing of this kind falls through to the next one, and
 * credentials that are presented but not valid are refused (401) there and then.
 */
export interface AuthStrategy<D extends Record<string, AnyRef> = Record<string, AnyRef>> {
  readonly name: string;
  readonly deps: D;
  /** Its entry in the OpenAPI `securityDefinitions`, under `securityName`. */
  readonly securityName: string;
  readonly security: SecurityScheme;
  authenticator(services: ResolvedServices<D>): Authenticator;
}

export function defineAuthStrategy<D extends Record<string, AnyRef>>(strategy: AuthStrategy<D>): AuthStrategy<D> {
  return strategy;
}
