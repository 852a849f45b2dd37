import type { CallbackEvent } from '@repogen/core';

export interface CallbackEndpointRow {
  id: string;
  tenant_id: string;
  url: string;
  secret: string;
  events: CallbackEvent[];
  description: string | null;
  created_by: string;
  created_at: Date;
  deleted_at: Date | null;
}

export interface CallbackDeliveryRow {
  id: string;
  tenant_id: string;
  endpoint_id: string;
  event_id: string;
  event: CallbackEvent;
  body: string;
  state: 'pending' | 'delivered' | 'failed';
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  redelivery_of: string | null;
  created_at: Date;
  last_attempt_at: Date | null;
  queued_at: Date | null;
  delivered_at: Date | null;
}

/** A registered callback URL, as the API shows it: never its secret. */
export interface CallbackEndpoint {
  readonly id: string;
  readonly url: string;
  readonly events: readonly CallbackEvent[];
  readonly description: string | null;
  readonly createdAt: string;
}

export interface CallbackDelivery {
  readonly id: string;
  readonly endpointId: string;
  readonly eventId: string;
  readonly event: CallbackEvent;
  readonly state: CallbackDeliveryRow['state'];
  readonly attempts: number;
  readonly lastStatus: number | null;
  readonly lastError: string | null;
  readonly redeliveryOf: string | null;
  readonly createdAt: string;
  readonly lastAttemptAt: string | null;
  readonly deliveredAt: string | null;
  /** The JSON body as sent. */
  readonly body: unknown;
}

export function toCallbackEndpoint(row: CallbackEndpointRow): CallbackEndpoint {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    description: row.description,
    createdAt: row.created_at.toISOString(),
  };
}

export function toCallbackDelivery(row: CallbackDeliveryRow): CallbackDelivery {
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    eventId: row.event_id,
    event: row.event,
    state: row.state,
    attempts: row.attempts,
    lastStatus: row.last_status,
    lastError: row.last_error,
    redeliveryOf: row.redelivery_of,
    createdAt: row.created_at.toISOString(),
    lastAttemptAt: row.last_attempt_at?.toISOString() ?? null,
    deliveredAt: row.delivered_at?.toISOString() ?? null,
    body: JSON.parse(row.body) as unknown,
  };
}
