import crypto from 'node:crypto';
import type { Knex } from 'knex';
import {
  CALLBACK_SIGNATURE_HEADER,
  InvalidError,
  NotFoundError,
  UnavailableError,
  withSystem,
  withTenant,
  type AuditService,
  type CallbackEvent,
  type CallbackPublisher,
  type JobService,
  type Logger,
  type Principal,
  type RecordedCallbacks,
} from '@repogen/core';
import { CALLBACK_ERROR_CODES } from './callback-errors.js';
import { DELIVER_CALLBACK_JOB, type DeliverCallbackPayload } from './deliver-callback-payload.js';
import {
  toCallbackDelivery,
  toCallbackEndpoint,
  type CallbackDelivery,
  type CallbackDeliveryRow,
  type CallbackEndpoint,
  type CallbackEndpointRow,
} from './callback-records.js';
import { signCallback } from './sign-callback.js';

export interface RegisterCallbackRequest {
  readonly url: string;
  readonly events: readonly CallbackEvent[];
  /** Chosen by the caller, or generated and answered once. */
  readonly secret?: string | undefined;
  readonly description?: string | undefined;
}

export interface DeliveryQuery {
  readonly endpointId?: string | undefined;
  readonly event?: CallbackEvent | undefined;
  readonly state?: CallbackDeliveryRow['state'] | undefined;
  readonly limit: number;
  readonly offset: number;
}

/** What one attempt of a delivery did, for the job to decide on a retry. */
export type AttemptOutcome = 'delivered' | 'gone' | 'already-delivered';

/**
 * Signed callbacks to the URLs a tenant registers. `publish` and `record` only write the
 * deliveries and queue their jobs, so a receiver that is down never holds up the work that
 * published.
 */
export interface CallbackService extends CallbackPublisher {
  register(
    principal: Principal,
    request: RegisterCallbackRequest,
    requestId?: string,
  ): Promise<{ endpoint: CallbackEndpoint; secret: string }>;
  list(principal: Principal): Promise<CallbackEndpoint[]>;
  remove(principal: Principal, id: string, requestId?: string): Promise<CallbackEndpoint>;
  /**
   * Posts `event` with `data` to every endpoint of the tenant subscribed to it. Never throws:
   * a failure to record is logged, since the publisher's own work is done by then.
   */
  publish(tenantId: string, event: CallbackEvent, data: Readonly<Record<string, unknown>>): Promise<CallbackDelivery[]>;
  /** The deliveries of `event`, written in the caller's transaction; `send` queues them after it commits. */
  record(
    trx: Knex.Transaction,
    tenantId: string,
    event: CallbackEvent,
    data: Readonly<Record<string, unknown>>,
  ): Promise<RecordedCallbacks & { readonly deliveries: CallbackDelivery[] }>;
  /**
   * Queues, across tenants, the pending deliveries never queued and older than `olderThanSeconds`
   * (their transaction committed but the queueing after it was lost). Answers how many.
   */
  relay(olderThanSeconds: number): Promise<number>;
  deliveries(principal: Principal, query: DeliveryQuery): Promise<{ items: CallbackDelivery[]; total: number }>;
  /** A new delivery of the same event (same event id and body, a fresh signature). */
  redeliver(principal: Principal, deliveryId: string, requestId?: string): Promise<CallbackDelivery>;
  /** One attempt; throws an operational error for a receiver that did not answer 2xx. */
  attempt(tenantId: string, deliveryId: string, final: boolean): Promise<AttemptOutcome>;
}

export interface CallbackServiceOptions {
  /** How long one attempt waits for the receiver. */
  readonly timeoutMs?: number;
  /** Plain http is refused in production. */
  readonly production: boolean;
}

const USER_AGENT = 'Repogen-Callbacks/1';

export function createCallbackService(deps: {
  knex: Knex;
  audit: AuditService;
  jobs: JobService<{ [DELIVER_CALLBACK_JOB]: DeliverCallbackPayload }>;
  logger: Logger;
  options: CallbackServiceOptions;
}): CallbackService {
  const { knex, audit, jobs, logger, options } = deps;
  const timeoutMs = options.timeoutMs ?? 10_000;

  function checkUrl(raw: string): string {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new InvalidError(CALLBACK_ERROR_CODES.urlInvalid, 'The callback URL is not a URL');
    }
    const allowed = options.production ? ['https:'] : ['https:', 'http:'];
    if (!allowed.includes(url.protocol)) {
      throw new InvalidError(CALLBACK_ERROR_CODES.urlInvalid, `The callback URL must use ${allowed.join(' or ')}`);
    }
    if (url.username || url.password)
      throw new InvalidError(
        CALLBACK_ERROR_CODES.urlInvalid,
        'The callback URL must not carry credentials; sign with the secret instead',
      );
    if (url.hash) throw new InvalidError(CALLBACK_ERROR_CODES.urlInvalid, 'The callback URL must not have a fragment');
    return url.toString();
  }

  async function queue(tenantId: string, deliveryIds: readonly string[]): Promise<void> {
    for (const deliveryId of deliveryIds) {
      try {
        await jobs.send(DELIVER_CALLBACK_JOB, { tenantId, deliveryId });
        await withTenant(knex, tenantId, (trx) =>
          trx('callback_deliveries')
            .where({ id: deliveryId })
            .whereNull('queued_at')
            .update({ queued_at: trx.fn.now() }),
        );
      } catch (error) {
        // The delivery stays pending and unqueued in the log; the relay sweep queues it.
        logger.error({ err: error, deliveryId }, 'callback delivery not queued');
      }
    }
  }

  /** One delivery per endpoint of the tenant subscribed to `event`, all with one event id and body. */
  async function recordIn(
    trx: Knex.Transaction,
    tenantId: string,
    event: CallbackEvent,
    data: Readonly<Record<string, unknown>>,
  ): Promise<CallbackDeliveryRow[]> {
    const eventId = crypto.randomUUID();
    const body = JSON.stringify({ id: eventId, type: event, createdAt: new Date().toISOString(), data });
    const endpoints: { id: string }[] = await trx('callback_endpoints')
      .whereNull('deleted_at')
      .whereRaw('events @> ?::jsonb', [JSON.stringify([event])])
      .select('id');
    return insertDeliveries(
      trx,
      tenantId,
      endpoints.map((endpoint) => ({ endpoint_id: endpoint.id, event_id: eventId, event, body })),
    );
  }

  async function insertDeliveries(
    trx: Knex.Transaction,
    tenantId: string,
    rows: readonly Partial<CallbackDeliveryRow>[],
  ): Promise<CallbackDeliveryRow[]> {
    if (rows.length === 0) return [];
    return (await trx('callback_deliveries')
      .insert(rows.map((row) => ({ ...row, tenant_id: tenantId })))
      .returning('*')) as CallbackDeliveryRow[];
  }

  return {
    async register(principal, request, requestId) {
      const url = checkUrl(request.url);
      const secret = request.secret ?? `whsec_${crypto.randomBytes(32).toString('base64url')}`;
      const events = [...new Set(request.events)];
      const row = await withTenant(knex, principal.tenantId, async (trx) => {
        const [inserted] = (await trx('callback_endpoints')
          .insert({
            tenant_id: principal.tenantId,
            url,
            secret,
            events: JSON.stringify(events),
            description: request.description ?? null,
            created_by: principal.label,
          })
          .returning('*')) as [CallbackEndpointRow];
        await audit.record(
          trx,
          { kind: 'principal', principal, requestId },
          {
            action: 'callback.registered',
            targetType: 'callback_endpoint',
            targetId: inserted.id,
            after: { url, events },
          },
        );
        return inserted;
      });
      return { endpoint: toCallbackEndpoint(row), secret };
    },

    list(principal) {
      return withTenant(knex, principal.tenantId, async (trx) => {
        const rows = (await trx('callback_endpoints')
          .whereNull('deleted_at')
          .orderBy('created_at', 'asc')) as CallbackEndpointRow[];
        return rows.map(toCallbackEndpoint);
      });
    },

    remove(principal, id, requestId) {
      return withTenant(knex, principal.tenantId, async (trx) => {
        const row = (await trx('callback_endpoints').where({ id }).whereNull('deleted_at').first().forUpdate()) as
          CallbackEndpointRow | undefined;
        if (!row) throw new NotFoundError(`Callback ${id}`, CALLBACK_ERROR_CODES.endpointNotFound);
        await trx('callback_endpoints').where({ id }).update({ deleted_at: trx.fn.now() });
        await audit.record(
          trx,
          { kind: 'principal', principal, requestId },
          {
            action: 'callback.removed',
            targetType: 'callback_endpoint',
            targetId: id,
            before: { url: row.url, events: row.events },
          },
        );
        return toCallbackEndpoint(row);
      });
    },

    async publish(tenantId, event, data) {
      try {
        const rows = await withTenant(knex, tenantId, (trx) => recordIn(trx, tenantId, event, data));
        await queue(
          tenantId,
          rows.map((row) => row.id),
        );
        return rows.map(toCallbackDelivery);
      } catch (error) {
        logger.error({ err: error, tenantId, event }, 'callback event not recorded');
        return [];
      }
    },

    async record(trx, tenantId, event, data) {
      const rows = await recordIn(trx, tenantId, event, data);
      return {
        deliveries: rows.map(toCallbackDelivery),
        send: () =>
          queue(
            tenantId,
            rows.map((row) => row.id),
          ),
      };
    },

    async relay(olderThanSeconds) {
      // Across tenants by design, against the database's clock, the one the rows were stamped with.
      const rows = await withSystem<Pick<CallbackDeliveryRow, 'id' | 'tenant_id'>[]>(knex, (trx) =>
        trx('callback_deliveries')
          .whereNull('queued_at')
          .where('state', 'pending')
          .where('created_at', '<', trx.raw('now() - make_interval(secs => ?)', [olderThanSeconds]))
          .orderBy('created_at')
          .limit(1000)
          .select('id', 'tenant_id'),
      );
      for (const row of rows) await queue(row.tenant_id, [row.id]);
      return rows.length;
    },

    deliveries(principal, query) {
      return withTenant(knex, principal.tenantId, async (trx) => {
        const filtered = trx('callback_deliveries').modify((builder: Knex.QueryBuilder) => {
          if (query.endpointId !== undefined) builder.where('endpoint_id', query.endpointId);
          if (query.event !== undefined) builder.where('event', query.event);
          if (query.state !== undefined) builder.where('state', query.state);
        });
        const counted = (await filtered.clone().count('* as count').first()) as { count: string | number } | undefined;
        const rows = (await filtered
          .clone()
          .orderBy([
            { column: 'created_at', order: 'desc' },
            { column: 'id', order: 'desc' },
          ])
          .limit(query.limit)
          .offset(query.offset)) as CallbackDeliveryRow[];
        return { items: rows.map(toCallbackDelivery), total: Number(counted?.count ?? 0) };
      });
    },

    async redeliver(principal, deliveryId, requestId) {
      const row = await withTenant(knex, principal.tenantId, async (trx) => {
        const original = (await trx('callback_deliveries').where({ id: deliveryId }).first()) as
          CallbackDeliveryRow | undefined;
        if (!original)
          throw new NotFoundError(`Callback delivery ${deliveryId}`, CALLBACK_ERROR_CODES.deliveryNotFound);
        const endpoint = (await trx('callback_endpoints')
          .where({ id: original.endpoint_id })
          .whereNull('deleted_at')
          .first()) as CallbackEndpointRow | undefined;
        if (!endpoint)
          throw new NotFoundError(`The callback of delivery ${deliveryId}`, CALLBACK_ERROR_CODES.endpointNotFound);
        const [copy] = await insertDeliveries(trx, principal.tenantId, [
          {
            endpoint_id: original.endpoint_id,
            event_id: original.event_id,
            event: original.event,
            body: original.body,
            redelivery_of: original.id,
          },
        ]);
        await audit.record(
          trx,
          { kind: 'principal', principal, requestId },
          {
            action: 'callback.redelivered',
            targetType: 'callback_delivery',
            targetId: original.id,
            after: { deliveryId: copy!.id, eventId: original.event_id },
          },
        );
        return copy!;
      });
      await queue(principal.tenantId, [row.id]);
      return toCallbackDelivery(row);
    },

    async attempt(tenantId, deliveryId, final) {
      const loaded = await withTenant(knex, tenantId, async (trx) => {
        const delivery = (await trx('callback_deliveries').where({ id: deliveryId }).first()) as
          CallbackDeliveryRow | undefined;
        const endpoint = delivery
          ? ((await trx('callback_endpoints').where({ id: delivery.endpoint_id }).first()) as
              CallbackEndpointRow | undefined)
          : undefined;
        return delivery && endpoint ? { delivery, endpoint } : undefined;
      });
      if (!loaded) return 'gone';
      const { delivery, endpoint } = loaded;
      if (delivery.state === 'delivered') return 'already-delivered';
      if (endpoint.deleted_at) {
        await record(tenantId, deliveryId, { state: 'failed', last_error: 'The callback was removed' }, false);
        return 'gone';
      }

      let status: number | null = null;
      let problem: string | null = null;
      try {
        const response = await fetch(endpoint.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': USER_AGENT,
            [CALLBACK_SIGNATURE_HEADER]: signCallback(endpoint.secret, delivery.body, Math.floor(Date.now() / 1000)),
            'repogen-event': delivery.event,
            'repogen-delivery': delivery.id,
          },
          body: delivery.body,
          // Only the registered URL is ever called: a redirect is an answer, not an instruction.
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
        status = response.status;
        await response.body?.cancel();
        if (status < 200 || status > 299) problem = `The receiver answered ${status}`;
      } catch (error) {
        problem =
          error instanceof Error && error.name === 'TimeoutError'
            ? `No answer within ${timeoutMs} ms`
            : `The receiver could not be reached (${(error as Error).message})`;
      }
      if (problem === null) {
        await record(
          tenantId,
          deliveryId,
          { state: 'delivered', last_status: status, last_error: null, delivered_at: new Date() },
          true,
        );
        return 'delivered';
      }
      await record(
        tenantId,
        deliveryId,
        { state: final ? 'failed' : 'pending', last_status: status, last_error: problem },
        true,
      );
      throw new UnavailableError(CALLBACK_ERROR_CODES.deliveryFailed, problem);
    },
  };

  async function record(
    tenantId: string,
    deliveryId: string,
    change: Partial<CallbackDeliveryRow>,
    attempted: boolean,
  ): Promise<void> {
    await withTenant(knex, tenantId, (trx) =>
      trx('callback_deliveries')
        .where({ id: deliveryId })
        .update({
          ...change,
          ...(attempted ? { attempts: trx.raw('attempts + 1'), last_attempt_at: trx.fn.now() } : {}),
        }),
    );
  }
}
