import Joi from 'joi';
import { defineJob } from '@repogen/core';
import { v1BridgeServices } from './v1-bridge-services.js';

export const RELAY_CALLBACKS_JOB = 'callbacks.relay';

export interface RelayCallbacksPayload {
  /** Deliveries written longer ago than this and still unqueued are queued; 60 s when absent. */
  readonly olderThanSeconds?: number;
}

/**
 * The outbox's relay: deliveries are written in the transaction of the change they announce
 * and queued once it commits, so a crash (or a queue that refused) in between leaves them
 * pending and unqueued. This sweep queues them; the age keeps it from racing the normal path.
 */
export const relayCallbacksJob = defineJob({
  name: RELAY_CALLBACKS_JOB,
  deps: { callbacks: v1BridgeServices.callbacks },
  payloadSchema: Joi.object<RelayCallbacksPayload>({
    olderThanSeconds: Joi.number()
      .integer()
      .min(0)
      .max(7 * 24 * 3600),
  }),
  retry: { limit: 2, backoff: { delaySeconds: 30, exponential: true, maxDelaySeconds: 300 } },
  policy: 'stately',
  timeoutSeconds: 5 * 60,
  schedule: { cron: '* * * * *', payload: {} },
  async handler(payload, { callbacks }, { logger }) {
    const olderThanSeconds = payload.olderThanSeconds ?? 60;
    const queued = await callbacks.relay(olderThanSeconds);
    if (queued > 0) logger.warn({ queued, olderThanSeconds }, 'unqueued callback deliveries relayed');
    return { queued, olderThanSeconds };
  },
});
