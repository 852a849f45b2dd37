import type { Knex } from 'knex';
import type { AuditService } from '../audit/audit-service.js';
import type { Principal } from '../auth/principal.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors/domain-error.js';
import { withSystem, withTenant } from '../store/tenant-scope.js';
import type { TenantService } from '../tenancy/tenant-service.js';

export const PACK_REQUEST_STATUSES = ['submitted', 'in_progress', 'delivered', 'declined'] as const;
export type PackRequestStatus = (typeof PACK_REQUEST_STATUSES)[number];

export interface PackRequest {
  readonly id: string;
  readonly tenantId: string;
  readonly title: string;
  readonly basePackKey: string | null;
  readonly differences: string;
  readonly sampleFiles: readonly string[];
  readonly status: PackRequestStatus;
  readonly statusNote: string | null;
  readonly deliveredPackKey: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface NewPackRequest {
  readonly title: string;
  readonly basePackKey?: string;
  readonly differences: string;
  /** The names of the sample reports the bank shares (the files themselves travel by the firm's usual channel). */
  readonly sampleFiles?: readonly string[];
}

export interface PackRequestChange {
  readonly status: PackRequestStatus;
  readonly note?: string;
  readonly deliveredPackKey?: string;
}

export interface PackRequestService {
  create(principal: Principal, request: NewPackRequest, requestId?: string): Promise<PackRequest>;
  /** A bank's own requests; the firm's principals see every tenant's. */
  list(principal: Principal): Promise<PackRequest[]>;
  get(principal: Principal, id: string): Promise<PackRequest>;
  /** The firm moves a request along; the bank follows its status. */
  changeStatus(principal: Principal, id: string, change: PackRequestChange, requestId?: string): Promise<PackRequest>;
}

interface PackRequestRow {
  id: string;
  tenant_id: string;
  title: string;
  base_pack_key: string | null;
  differences: string;
  sample_files: string[];
  status: PackRequestStatus;
  status_note: string | null;
  delivered_pack_key: string | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

/** Which statuses a request may move to from each status. */
const TRANSITIONS: Record<PackRequestStatus, readonly PackRequestStatus[]> = {
  submitted: ['in_progress', 'declined'],
  in_progress: ['delivered', 'declined', 'submitted'],
  delivered: ['in_progress'],
  declined: ['submitted'],
};

function toRequest(row: PackRequestRow): PackRequest {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    title: row.title,
    basePackKey: row.base_pack_key,
    differences: row.differences,
    sampleFiles: row.sample_files,
    status: row.status,
    statusNote: row.status_note,
    deliveredPackKey: row.delivered_pack_key,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export function createPackRequestService(deps: { knex: Knex; audit: AuditService; tenants: TenantService }): PackRequestService {
  const { knex, audit, tenants } = deps;

  /** The firm runs the platform (as in the pack registry): it reads and answers every bank's requests. */
  async function isPlatform(principal: Principal): Promise<boolean> {
    return (await tenants.getTenant(principal)).kind === 'firm';
  }

  async function read<T>(principal: Principal, work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
    return (await isPlatform(principal)) ? withSystem(knex, work) : withTenant(knex, principal.tenantId, work);
  }

  async function find(trx: Knex.Transaction, id: string, lock = false): Promise<PackRequestRow> {
    const query = trx('pack_requests').where({ id }).first();
    const row = (await (lock ? query.forUpdate() : query)) as PackRequestRow | undefined;
    if (!row) throw new NotFoundError(`Pack request ${id}`, 'PACK_REQUEST_NOT_FOUND');
    return row;
  }

  return {
    async create(principal, request, requestId) {
      return withTenant(knex, principal.tenantId, async (trx) => {
        const [row] = (await trx('pack_requests')
          .insert({
            tenant_id: principal.tenantId,
            title: request.title,
            base_pack_key: request.basePackKey ?? null,
            differences: request.differences,
            sample_files: JSON.stringify(request.sampleFiles ?? []),
            created_by: principal.label,
          })
          .returning('*')) as [PackRequestRow];
        await audit.record(trx, { kind: 'principal', principal, requestId }, {
          action: 'pack_request.created',
          targetType: 'pack_request',
          targetId: row.id,
          after: { title: row.title, basePackKey: row.base_pack_key, status: row.status },
        });
        return toRequest(row);
      });
    },

    async list(principal) {
      const rows = (await read(principal, (trx) => trx('pack_requests').orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }]).limit(200))) as PackRequestRow[];
      return rows.map(toRequest);
    },

    async get(principal, id) {
      return toRequest(await read(principal, (trx) => find(trx, id)));
    },

    async changeStatus(principal, id, change, requestId) {
      if (!(await isPlatform(principal))) throw new ForbiddenError('Only the firm answers pack requests', 'PACK_REQUEST_FORBIDDEN');
      return withSystem(knex, async (trx) => {
        const row = await find(trx, id, true);
        if (!TRANSITIONS[row.status].includes(change.status)) {
          throw new ConflictError('PACK_REQUEST_TRANSITION_INVALID', `A ${row.status} request cannot become ${change.status}`, {
            from: row.status,
            allowed: [...TRANSITIONS[row.status]],
          });
        }
        const [updated] = (await trx('pack_requests')
          .where({ id })
          .update({
            status: change.status,
            status_note: change.note ?? null,
            delivered_pack_key: change.deliveredPackKey ?? row.delivered_pack_key,
            updated_at: trx.fn.now(),
          })
          .returning('*')) as [PackRequestRow];
        await audit.record(trx, { kind: 'principal', principal, requestId }, {
          action: 'pack_request.status_changed',
          targetType: 'pack_request',
          targetId: id,
          before: { status: row.status },
          after: { status: updated.status, deliveredPackKey: updated.delivered_pack_key },
          reason: change.note,
        });
        // The bank's own log shows the answer too.
        await audit.record(trx, { kind: 'system', tenantId: row.tenant_id, label: principal.label }, {
          action: 'pack_request.status_changed',
          targetType: 'pack_request',
          targetId: id,
          before: { status: row.status },
          after: { status: updated.status, deliveredPackKey: updated.delivered_pack_key },
          reason: change.note,
        });
        return toRequest(updated);
      });
    },
  };
}
