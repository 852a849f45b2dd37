import type { CallbackEvent } from './callback-events.js';

/**
 * Where the host's work announces what happened (a report generated, failed, released; an
 * item read by OCR). The V1 bridge plugin provides it as signed callbacks; without that
 * plugin nothing is announced.
 */
export interface CallbackPublisher {
  /** Never throws: the publisher's own work is done by the time it announces it. */
  publish(tenantId: string, event: CallbackEvent, data: Readonly<Record<string, unknown>>): Promise<unknown>;
}

/** The publisher of a host without the V1 bridge. */
export const silentCallbackPublisher: CallbackPublisher = {
  publish: () => Promise.resolve([]),
};
