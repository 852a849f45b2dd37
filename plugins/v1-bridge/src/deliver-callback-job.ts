import Joi from 'joi';
import { defineJob } from '@repogen/core';
import { DELIVER_CALLBACK_JOB, type DeliverCallbackPayload } from './deliver-callback-payload.js';
import { v1BridgeServices } from './v1-bridge-services.js';

const RETRY_LIMIT = 8;

/**
 * One delivery of a callback. A receiver that is down or answers other than 2xx is tried
 * again with exponential backoff (5 s, 10 s, … up to 30 min; about 20 minutes in all), then
 * the delivery is failed in the log, where a manual redeliver can send it again.
 */
export const deliverCallbackJob = defineJob({
  name: DELIVER_CALLBACK_JOB,
  deps: { callbacks: v1BridgeServices.callbacks },
  payloadSchema: Joi.object<DeliverCallbackPayload>({
    tenantId: Joi.string().guid().required(),
    deliveryId: Joi.string().guid().required(),
  }),
  retry: { limit: RETRY_LIMIT, backoff: { delaySeconds: 5, exponential: true, maxDelaySeconds: 30 * 60 } },
  timeoutSeconds: 60,
  batchSize: 4,
  async handler(payload, { callbacks }, { attempt }) {
    const outcome = await callbacks.attempt(payload.tenantId, payload.deliveryId, attempt >= RETRY_LIMIT);
    return { deliveryId: payload.deliveryId, outcome };
  },
});
