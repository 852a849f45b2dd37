import type { Knex } from 'knex';
import type { AuditService } from '../audit/audit-service.js';
import { hashPassword } from '../auth/password.js';
import type { Principal, Role } from '../auth/principal.js';
import { ConflictError, InvalidError, NotFoundError } from '../errors/domain-error.js';
import { withSystem, withTenant } from '../store/tenant-scope.js';

export type TenantKind = 'firm' | 'bank';

export interface Tenant {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly kind: TenantKind;
  readonly createdAt: string;
}

export interface User {
  readonly id: string;
  readonly tenantId: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly disabled: boolean;
  readonly createdAt: string;
}

export interface NewUser {
  readonly email: string;
  readonly displayName: string;
  readonly password: string;
  readonly role: Role;
}

/** Where the change comes from: a signed-in principal or an operator at the CLI. */
export type ChangeOrigin = { readonly principal: Principal; readonly requestId?: string | undefined } | { readonly system: string };

/** Tenants and their users. */
export interface TenantService {
  createTenant(origin: { system: string }, input: { slug: string; name: string; kind: TenantKind }): Promise<Tenant>;
  findTenantBySlug(slug: string): Promise<Tenant | undefined>;
  getTenant(principal: Principal): Promise<Tenant>;
  createUser(tenantId: string, origin: ChangeOrigin, input: NewUser): Promise<User>;
  listUsers(principal: Principal): Promise<User[]>;
}

export const MIN_PASSWORD_LENGTH = 12;

interface TenantRow {
  id: string;
  slug: string;
  name: string;
  kind: TenantKind;
  created_at: Date;
}

interface UserRow {
  id: string;
  tenant_id: string;
  email: string;
  display_name: string;
  role: Role;
  disabled_at: Date | null;
  created_at: Date;
}

export function createTenantService(knex: Knex, audit: AuditService): TenantService {
  return {
    async createTenant(origin, input) {
      return withSystem(knex, async (trx) => {
        const existing: unknown = await trx('tenants').where({ slug: input.slug }).first('id');
        if (existing) throw new ConflictError('TENANT_EXISTS', `A tenant with slug "${input.slug}" exists`);
        const [row] = (await trx('tenants').insert(input).returning('*')) as TenantRow[];
        const tenant = toTenant(row!);
        await audit.record(trx, { kind: 'system', tenantId: tenant.id, label: origin.system }, {
          action: 'tenant.created',
          targetType: 'tenant',
          targetId: tenant.id,
          after: tenant,
        });
        return tenant;
      });
    },

    async findTenantBySlug(slug) {
      const row = (await withSystem(knex, (trx) => trx('tenants').where({ slug }).first())) as TenantRow | undefined;
      return row ? toTenant(row) : undefined;
    },

    async getTenant(principal) {
      const row = (await withTenant(knex, principal.tenantId, (trx) => trx('tenants').first())) as TenantRow | undefined;
      if (!row) throw new NotFoundError('Tenant');
      return toTenant(row);
    },

    async createUser(tenantId, origin, input) {
      if (input.password.length < MIN_PASSWORD_LENGTH) {
        throw new InvalidError('WEAK_PASSWORD', `A password needs at least ${MIN_PASSWORD_LENGTH} characters`);
      }
      const passwordHash = await hashPassword(input.password);
      return withTenant(knex, tenantId, async (trx) => {
        const tenant: unknown = await trx('tenants').first('id');
        if (!tenant) throw new NotFoundError('Tenant');
        let row: UserRow;
        try {
          [row] = (await trx('users')
            .insert({
              tenant_id: tenantId,
              email: input.email.trim(),
              display_name: input.displayName,
              password_hash: passwordHash,
              role: input.role,
            })
            .returning(['id', 'tenant_id', 'email', 'display_name', 'role', 'disabled_at', 'created_at'])) as [UserRow];
        } catch (error) {
          if (isUniqueViolation(error)) throw new ConflictError('EMAIL_TAKEN', 'That email address already has an account');
          throw error;
        }
        const user = toUser(row);
        const actor =
          'system' in origin
            ? ({ kind: 'system', tenantId, label: origin.system } as const)
            : ({ kind: 'principal', principal: origin.principal, requestId: origin.requestId } as const);
        await audit.record(trx, actor, { action: 'user.created', targetType: 'user', targetId: user.id, after: user });
        return user;
      });
    },

    async listUsers(principal) {
      const rows = (await withTenant(knex, principal.tenantId, (trx) =>
        trx('users').select('id', 'tenant_id', 'email', 'display_name', 'role', 'disabled_at', 'created_at').orderBy('email'),
      )) as UserRow[];
      return rows.map(toUser);
    },
  };
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

function toTenant(row: TenantRow): Tenant {
  return { id: row.id, slug: row.slug, name: row.name, kind: row.kind, createdAt: row.created_at.toISOString() };
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    disabled: row.disabled_at !== null,
    createdAt: row.created_at.toISOString(),
  };
}
