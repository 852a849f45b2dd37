import type { Knex } from 'knex';
import type { AuditService } from '../audit/audit-service.js';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../errors/domain-error.js';
import { withSystem, withTenant } from '../store/tenant-scope.js';
import { decoyPasswordHash, verifyPassword } from './password.js';
import type { Principal, Role } from './principal.js';
import { TOKEN_PREFIX, hashSecret, issueSecret } from './secret-token.js';

export interface PresentedCredentials {
  readonly sessionToken?: string | undefined;
  readonly bearerToken?: string | undefined;
  readonly serviceToken?: string | undefined;
}

export interface LoginResult {
  readonly sessionToken: string;
  readonly expiresAt: Date;
  readonly principal: Principal;
}

export interface ApiToken {
  readonly id: string;
  readonly kind: 'api' | 'service';
  readonly name: string;
  readonly role: Role;
  readonly prefix: string;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
  readonly lastUsedAt: string | null;
}

export interface NewApiToken {
  readonly kind: 'api' | 'service';
  readonly name: string;
  readonly role: Role;
  readonly expiresAt: Date | undefined;
}

/** How often a token's last use is written: every request would queue one token's requests on its row. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** What `app_authenticate_token` answers for a live token. */
interface AuthenticatedToken {
  id: string;
  tenant_id: string;
  name: string;
  role: Role;
}

/** Sign-in, sessions and API tokens. Secrets are stored as sha256 hashes only. */
export interface AuthService {
  login(email: string, password: string, requestId?: string): Promise<LoginResult>;
  logout(principal: Principal, requestId?: string): Promise<void>;
  /** `undefined` when nothing was presented; throws when what was presented is not valid. */
  authenticate(credentials: PresentedCredentials): Promise<Principal | undefined>;
  createToken(tenantId: string, origin: TokenOrigin, input: NewApiToken): Promise<{ token: ApiToken; secret: string }>;
  listTokens(principal: Principal): Promise<ApiToken[]>;
  revokeToken(principal: Principal, tokenId: string, requestId?: string): Promise<ApiToken>;
}

export type TokenOrigin =
  { readonly principal: Principal; readonly requestId?: string | undefined } | { readonly system: string };

interface UserAuthRow {
  id: string;
  tenant_id: string;
  email: string;
  role: Role;
  password_hash: string;
  disabled_at: Date | null;
}

interface SessionRow {
  session_id: string;
  user_id: string;
  tenant_id: string;
  role: Role;
  email: string;
}

interface TokenRow {
  id: string;
  tenant_id: string;
  kind: 'api' | 'service';
  name: string;
  role: Role;
  token_prefix: string;
  created_at: Date;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

const INVALID_LOGIN = () => new UnauthenticatedError('Email or password is wrong', 'INVALID_CREDENTIALS');
const INVALID_TOKEN = () =>
  new UnauthenticatedError('The credentials are invalid, expired or revoked', 'INVALID_CREDENTIALS');

export function createAuthService(knex: Knex, audit: AuditService, options: { sessionTtlHours: number }): AuthService {
  return {
    async login(email, password, requestId) {
      const user = (await withSystem(knex, (trx) =>
        trx('users').whereRaw('lower(email) = lower(?)', [email.trim()]).first(),
      )) as UserAuthRow | undefined;
      const passwordMatches = await verifyPassword(password, user?.password_hash ?? (await decoyPasswordHash()));
      if (!user || !passwordMatches || user.disabled_at !== null) throw INVALID_LOGIN();
      const issued = issueSecret('session');
      const expiresAt = new Date(Date.now() + options.sessionTtlHours * 3_600_000);
      return withTenant(knex, user.tenant_id, async (trx) => {
        const [session] = await trx('sessions')
          .insert({ tenant_id: user.tenant_id, user_id: user.id, token_hash: issued.hash, expires_at: expiresAt })
          .returning<{ id: string }[]>('id');
        const principal: Principal = {
          tenantId: user.tenant_id,
          role: user.role,
          via: 'session',
          userId: user.id,
          credentialId: session!.id,
          label: user.email,
        };
        await audit.record(
          trx,
          { kind: 'principal', principal, requestId },
          {
            action: 'auth.login',
            targetType: 'user',
            targetId: user.id,
          },
        );
        return { sessionToken: issued.secret, expiresAt, principal };
      });
    },

    async logout(principal, requestId) {
      if (principal.via !== 'session') return;
      await withTenant(knex, principal.tenantId, async (trx) => {
        await trx('sessions').where({ id: principal.credentialId }).update({ revoked_at: trx.fn.now() });
        await audit.record(
          trx,
          { kind: 'principal', principal, requestId },
          {
            action: 'auth.logout',
            targetType: 'user',
            targetId: principal.userId ?? principal.credentialId,
          },
        );
      });
    },

    async authenticate(credentials) {
      if (credentials.serviceToken !== undefined) return authenticateToken(credentials.serviceToken, 'service');
      if (credentials.bearerToken !== undefined) return authenticateToken(credentials.bearerToken, 'api');
      if (credentials.sessionToken !== undefined) return authenticateSession(credentials.sessionToken);
      return undefined;
    },

    async createToken(tenantId, origin, input) {
      if ('principal' in origin && origin.principal.role !== 'admin' && input.role === 'admin') {
        throw new ForbiddenError('Only an admin may create an admin token');
      }
      const role = input.kind === 'service' ? 'service' : input.role;
      const issued = issueSecret(input.kind);
      return withTenant(knex, tenantId, async (trx) => {
        const [row] = (await trx('api_tokens')
          .insert({
            tenant_id: tenantId,
            kind: input.kind,
            name: input.name,
            role,
            token_prefix: issued.displayPrefix,
            token_hash: issued.hash,
            created_by: 'principal' in origin ? (origin.principal.userId ?? null) : null,
            expires_at: input.expiresAt ?? null,
          })
          .returning('*')) as TokenRow[];
        const token = toApiToken(row!);
        const actor =
          'system' in origin
            ? ({ kind: 'system', tenantId, label: origin.system } as const)
            : ({ kind: 'principal', principal: origin.principal, requestId: origin.requestId } as const);
        await audit.record(trx, actor, {
          action: 'token.created',
          targetType: 'api_token',
          targetId: token.id,
          after: token,
        });
        return { token, secret: issued.secret };
      });
    },

    async listTokens(principal) {
      const rows = (await withTenant(knex, principal.tenantId, (trx) =>
        trx('api_tokens').orderBy('created_at', 'desc'),
      )) as TokenRow[];
      return rows.map(toApiToken);
    },

    async revokeToken(principal, tokenId, requestId) {
      return withTenant(knex, principal.tenantId, async (trx) => {
        const row = (await trx('api_tokens').where({ id: tokenId }).first()) as TokenRow | undefined;
        if (!row) throw new NotFoundError('Token');
        const before = toApiToken(row);
        if (row.revoked_at !== null) return before;
        const [updated] = (await trx('api_tokens')
          .where({ id: tokenId })
          .update({ revoked_at: trx.fn.now() })
          .returning('*')) as TokenRow[];
        const after = toApiToken(updated!);
        await audit.record(
          trx,
          { kind: 'principal', principal, requestId },
          {
            action: 'token.revoked',
            targetType: 'api_token',
            targetId: tokenId,
            before,
            after,
          },
        );
        return after;
      });
    },
  };

  async function authenticateToken(secret: string, kind: 'api' | 'service'): Promise<Principal> {
    if (!secret.startsWith(TOKEN_PREFIX[kind])) throw INVALID_TOKEN();
    // A definer function checks the credential past row-level security (migration create_app_role_defaults).
    const { rows } = await knex.raw<{ rows: AuthenticatedToken[] }>(
      'SELECT * FROM app_authenticate_token(?, ?, ?::interval)',
      [hashSecret(secret), kind, `${LAST_USED_RESOLUTION_MS / 1000} seconds`],
    );
    const row = rows[0];
    if (!row) throw INVALID_TOKEN();
    return {
      tenantId: row.tenant_id,
      role: row.role,
      via: kind === 'service' ? 'service' : 'token',
      userId: undefined,
      credentialId: row.id,
      label: `${kind === 'service' ? 'service' : 'token'}:${row.name}`,
    };
  }

  async function authenticateSession(secret: string): Promise<Principal> {
    if (!secret.startsWith(TOKEN_PREFIX.session)) throw INVALID_TOKEN();
    const { rows } = await knex.raw<{ rows: SessionRow[] }>('SELECT * FROM app_authenticate_session(?)', [
      hashSecret(secret),
    ]);
    const row = rows[0];
    if (!row) throw INVALID_TOKEN();
    return {
      tenantId: row.tenant_id,
      role: row.role,
      via: 'session',
      userId: row.user_id,
      credentialId: row.session_id,
      label: row.email,
    };
  }
}

function toApiToken(row: TokenRow): ApiToken {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    role: row.role,
    prefix: row.token_prefix,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  };
}
