import { setTimeout as sleep } from 'node:timers/promises';
import type { Knex } from 'knex';
import { ConflictError } from '../errors/domain-error.js';
import { withTenant } from '../store/tenant-scope.js';

/** What a request sent with an Idempotency-Key is, to tell a true repeat from a reused key. */
export interface IdempotentRequest {
  readonly key: string;
  readonly method: string;
  readonly path: string;
  /** sha256 (hex) of method, path and body. */
  readonly hash: string;
}

export type IdempotencyClaim =
  /** The first request with this key: run the handler, then `complete` or `release`. */
  | { readonly kind: 'claimed'; readonly id: string }
  /** A repeat: answer exactly what the first request answered. */
  | { readonly kind: 'replay'; readonly status: number; readonly body: unknown };

/** The first answer to each keyed request, per tenant; repeats are answered from it. */
export interface IdempotencyService {
  /** Refuses a key used with another method, path or body (409 `IDEMPOTENCY_KEY_REUSED`). */
  claim(tenantId: string, request: IdempotentRequest): Promise<IdempotencyClaim>;
  complete(tenantId: string, claimId: string, status: number, body: unknown): Promise<void>;
  /** Forgets a claim whose request did not get an answer worth replaying (a 5xx), so a retry runs again. */
  release(tenantId: string, claimId: string): Promise<void>;
}

export const IDEMPOTENCY_ERROR_CODES = {
  reused: 'IDEMPOTENCY_KEY_REUSED',
  inProgress: 'IDEMPOTENCY_REQUEST_IN_PROGRESS',
} as const;

interface IdempotentRow {
  id: string;
  request_hash: string;
  method: string;
  path: string;
  response_status: number | null;
  response_body: unknown;
  created_at: Date;
}

export interface IdempotencyOptions {
  /** How long a first answer is kept for repeats. */
  readonly retentionHours?: number;
  /** How long a repeat waits for the first request, still running, to answer. */
  readonly waitMs?: number;
  /** A claim older than this with no answer belongs to a request that died; a repeat takes it over. */
  readonly staleClaimMs?: number;
}

export function createIdempotencyService(knex: Knex, options: IdempotencyOptions = {}): IdempotencyService {
  const retentionHours = options.retentionHours ?? 24;
  const waitMs = options.waitMs ?? 15_000;
  const staleClaimMs = options.staleClaimMs ?? 5 * 60_000;

  const find = (tenantId: string, key: string) =>
    withTenant(knex, tenantId, (trx) =>
      trx('idempotent_requests').where({ idempotency_key: key }).first(),
    ) as Promise<IdempotentRow | undefined>;

  function checkSame(row: IdempotentRow, request: IdempotentRequest): void {
    if (row.request_hash !== request.hash) {
      throw new ConflictError(
        IDEMPOTENCY_ERROR_CODES.reused,
        'This Idempotency-Key was used for a different request; send a new key for a new request',
        { method: row.method, path: row.path },
      );
    }
  }

  async function insert(tenantId: string, request: IdempotentRequest): Promise<string | undefined> {
    return withTenant(knex, tenantId, async (trx) => {
      await trx('idempotent_requests')
        .where({ idempotency_key: request.key })
        .where('expires_at', '<', trx.fn.now())
        .delete();
      const rows: { id: string }[] = await trx('idempotent_requests')
        .insert({
          tenant_id: tenantId,
          idempotency_key: request.key,
          request_hash: request.hash,
          method: request.method,
          path: request.path,
          expires_at: trx.raw(`now() + make_interval(hours => ?)`, [retentionHours]),
        })
        .onConflict(['tenant_id', 'idempotency_key'])
        .ignore()
        .returning('id');
      return rows[0]?.id;
    });
  }

  /** Takes over a claim left without an answer for too long; only one repeat wins it. */
  async function takeOver(tenantId: string, row: IdempotentRow): Promise<boolean> {
    const rows: { id: string }[] = await withTenant(knex, tenantId, (trx) =>
      trx('idempotent_requests')
        .where({ id: row.id, created_at: row.created_at })
        .whereNull('response_status')
        .update({ created_at: trx.fn.now() })
        .returning('id'),
    );
    return rows.length === 1;
  }

  return {
    async claim(tenantId, request) {
      const deadline = Date.now() + waitMs;
      for (;;) {
        const claimed = await insert(tenantId, request);
        if (claimed) return { kind: 'claimed', id: claimed };
        const row = await find(tenantId, request.key);
        // Gone between the insert and the read: released or expired; claim again.
        if (!row) continue;
        checkSame(row, request);
        if (row.response_status !== null) return { kind: 'replay', status: row.response_status, body: row.response_body };
        if (Date.now() - row.created_at.getTime() > staleClaimMs && (await takeOver(tenantId, row))) {
          return { kind: 'claimed', id: row.id };
        }
        if (Date.now() > deadline) {
          throw new ConflictError(
            IDEMPOTENCY_ERROR_CODES.inProgress,
            'A request with this Idempotency-Key is still running; repeat it shortly for its answer',
          );
        }
        await sleep(100);
      }
    },

    async complete(tenantId, claimId, status, body) {
      await withTenant(knex, tenantId, (trx) =>
        trx('idempotent_requests')
          .where({ id: claimId })
          .update({ response_status: status, response_body: JSON.stringify(body ?? null), completed_at: trx.fn.now() }),
      );
    },

    async release(tenantId, claimId) {
      await withTenant(knex, tenantId, (trx) =>
        trx('idempotent_requests').where({ id: claimId }).whereNull('response_status').delete(),
      );
    },
  };
}
