import Boom from '@hapi/boom';
import type { Plugin, Request, ResponseToolkit } from '@hapi/hapi';
import { UnauthenticatedError } from '../errors/domain-error.js';
import type { AuthService } from './auth-service.js';
import type { Authenticator } from './auth-strategy.js';
import type { Principal } from './principal.js';

export const SESSION_COOKIE = 'repogen_session';
export const AUTH_STRATEGY = 'repogen';

declare module '@hapi/hapi' {
  interface AuthCredentials {
    principal?: Principal;
  }
}

/** The principal of an authenticated request; routes with `auth: false` have none. */
export function principalOf(request: Request): Principal {
  const principal = request.auth.credentials?.principal;
  if (!principal) throw new UnauthenticatedError();
  return principal;
}

export interface AuthPluginOptions {
  readonly auth: AuthService;
  readonly cookieSecure: boolean;
  readonly sessionTtlHours: number;
  /** Ways in that host plugins add (V1's service token), tried in this order before the host's own. */
  readonly strategies: readonly { readonly name: string; readonly authenticate: Authenticator }[];
}

const authenticated = (h: ResponseToolkit, principal: Principal) =>
  h.authenticated({ credentials: { principal, scope: [principal.role] } });

/**
 * The host's scheme for its own ways in, the admin UI's session cookie and a program's bearer
 * token, after those the host plugins add; the default for every route. Roles become hapi
 * scopes, so a route's `access.scope` decides 403.
 */
export const authPlugin: Plugin<AuthPluginOptions> = {
  name: 'auth',
  register(server, options) {
    server.state(SESSION_COOKIE, {
      ttl: options.sessionTtlHours * 3_600_000,
      isSecure: options.cookieSecure,
      isHttpOnly: true,
      isSameSite: 'Strict',
      path: '/',
      encoding: 'none',
      strictHeader: true,
      ignoreErrors: true,
      clearInvalid: true,
    });

    for (const strategy of options.strategies) {
      server.auth.scheme(strategy.name, () => ({
        async authenticate(request: Request, h: ResponseToolkit) {
          const principal = await strategy.authenticate(request);
          // hapi's "missing": the next strategy is tried.
          if (!principal) throw Boom.unauthorized(null, strategy.name);
          return authenticated(h, principal);
        },
      }));
      server.auth.strategy(strategy.name, strategy.name);
    }
    server.auth.scheme(AUTH_STRATEGY, () => ({
      async authenticate(request: Request, h: ResponseToolkit) {
        const principal = await options.auth.authenticate(presentedCredentials(request));
        if (!principal) throw new UnauthenticatedError();
        return authenticated(h, principal);
      },
    }));
    server.auth.strategy(AUTH_STRATEGY, AUTH_STRATEGY);
    server.auth.default({ strategies: [...options.strategies.map((strategy) => strategy.name), AUTH_STRATEGY] });
  },
};

function presentedCredentials(request: Request) {
  const authorization: unknown = request.headers.authorization;
  let bearerToken: string | undefined;
  if (typeof authorization === 'string') {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match?.[1])
      throw new UnauthenticatedError('The Authorization header must be "Bearer <token>"', 'INVALID_CREDENTIALS');
    bearerToken = match[1];
  }
  const cookie: unknown = request.state[SESSION_COOKIE];
  return { bearerToken, sessionToken: typeof cookie === 'string' ? cookie : undefined };
}
