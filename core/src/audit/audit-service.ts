import type { Knex } from 'knex';
import type { Principal } from '../auth/principal.js';
import { withTenant } from '../store/tenant-scope.js';

export interface AuditEntryInput {
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly reason?: string | undefined;
}

export type AuditActor =
  | { readonly kind: 'principal'; readonly principal: Principal; readonly requestId?: string | undefined }
  /** `tenantId: null` for platform events that belong to no tenant. */
  | { readonly kind: 'system'; readonly tenantId: string | null; readonly label: string };

export interface AuditEntry {
  readonly id: number;
  readonly tenantId: string | null;
  readonly actorKind: 'user' | 'token' | 'service' | 'system';
  readonly actorId: string | null;
  readonly actorLabel: string;
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly reason: string | null;
  readonly requestId: string | null;
  readonly createdAt: string;
}

export interface AuditQuery {
  readonly targetType?: string | undefined;
  readonly targetId?: string | undefined;
  readonly action?: string | undefined;
  /** Entries older than this id (the cursor of the previous page). */
  readonly before?: number | undefined;
  readonly limit: number;
}

interface AuditRow {
  id: number;
  tenant_id: string | null;
  actor_kind: AuditEntry['actorKind'];
  actor_id: string | null;
  actor_label: string;
  action: string;
  target_type: string;
  target_id: string;
  before: unknown;
  after: unknown;
  reason: string | null;
  request_id: string | null;
  created_at: Date;
}

/** The append-only record of every state change that matters. */
export interface AuditService {
  /** Appends inside the caller's transaction, so the entry lands exactly when the change does. */
  record(trx: Knex.Transaction, actor: AuditActor, entry: AuditEntryInput): Promise<void>;
  list(principal: Principal, query: AuditQuery): Promise<AuditEntry[]>;
}

export function createAuditService(knex: Knex): AuditService {
  return {
    async record(trx, actor, entry) {
      const who =
        actor.kind === 'system'
          ? { tenant_id: actor.tenantId, actor_kind: 'system', actor_id: null, actor_label: actor.label, request_id: null }
          : {
              tenant_id: actor.principal.tenantId,
              actor_kind: actor.principal.via === 'session' ? 'user' : actor.principal.via,
              actor_id: actor.principal.userId ?? actor.principal.credentialId,
              actor_label: actor.principal.label,
              request_id: actor.requestId ?? null,
            };
      await trx('audit_log').insert({
        ...who,
        action: entry.action,
        target_type: entry.targetType,
        target_id: entry.targetId,
        before: entry.before === undefined ? null : JSON.stringify(entry.before),
        after: entry.after === undefined ? null : JSON.stringify(entry.after),
        reason: entry.reason ?? null,
      });
    },

    list(principal, query) {
      return withTenant(knex, principal.tenantId, async (trx) => {
        const rows = (await trx('audit_log')
          .modify((builder) => {
            if (query.targetType !== undefined) builder.where('target_type', query.targetType);
            if (query.targetId !== undefined) builder.where('target_id', query.targetId);
            if (query.action !== undefined) builder.where('action', query.action);
            if (query.before !== undefined) builder.where('id', '<', query.before);
          })
          .orderBy('id', 'desc')
          .limit(query.limit)) as AuditRow[];
        return rows.map(toAuditEntry);
      });
    },
  };
}

function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    actorKind: row.actor_kind,
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    before: row.before,
    after: row.after,
    reason: row.reason,
    requestId: row.request_id,
    createdAt: row.created_at.toISOString(),
  };
}
