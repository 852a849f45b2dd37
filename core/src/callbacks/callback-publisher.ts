import type { Knex } from 'knex';
import type { CallbackEvent } from './callback-events.js';

/** An event recorded inside a transaction, waiting for that transaction to commit. */
export interface RecordedCallbacks {
  /** Queues the recorded deliveries; call it once the transaction has committed. Never throws. */
  send(): Promise<void>;
}

/**
 * Where the host's work announces what happened (a report generated, failed, released; an
 * item read by OCR). The V1 bridge plugin provides it as signed callbacks; without that
 * plugin nothing is announced.
 */
export interface CallbackPublisher {
  /** Never throws: the publisher's own work is done by the time it announces it. */
  publish(tenantId: string, event: CallbackEvent, data: Readonly<Record<string, unknown>>): Promise<unknown>;
  /**
   * Records the event in `trx`, the tenant transaction of the change it announces, so that the
   * two commit or roll back together (an outbox): a crash after the commit cannot lose the
   * event. A failure to record fails `trx`. Deliveries whose queueing is lost after the commit
   * are queued later by the publisher itself.
   */
  record(
    trx: Knex.Transaction,
    tenantId: string,
    event: CallbackEvent,
    data: Readonly<Record<string, unknown>>,
  ): Promise<RecordedCallbacks>;
}

const nothingToSend: RecordedCallbacks = { send: () => Promise.resolve() };

/** The publisher of a host without the V1 bridge. */
export const silentCallbackPublisher: CallbackPublisher = {
  publish: () => Promise.resolve([]),
  record: () => Promise.resolve(nothingToSend),
};
