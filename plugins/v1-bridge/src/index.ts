import { ConfigError, type HostPlugin, type HostPluginContext } from '@repogen/core';
import { callbackRoutesPlugin } from './callback-routes.js';
import { deliverCallbackJob } from './deliver-callback-job.js';
import { relayCallbacksJob } from './relay-callbacks-job.js';
import { serviceTokenStrategy } from './service-token-strategy.js';
import { v1BridgeServiceFactories } from './v1-bridge-services.js';

export { CALLBACK_ERROR_CODES } from './callback-errors.js';
export type { CallbackDelivery, CallbackEndpoint } from './callback-records.js';
export { callbackRoutesPlugin } from './callback-routes.js';
export { createCallbackService, type CallbackService } from './callback-service.js';
export { deliverCallbackJob } from './deliver-callback-job.js';
export { DELIVER_CALLBACK_JOB, type DeliverCallbackPayload } from './deliver-callback-payload.js';
export { RELAY_CALLBACKS_JOB, relayCallbacksJob, type RelayCallbacksPayload } from './relay-callbacks-job.js';
export { SERVICE_TOKEN_HEADER, serviceTokenStrategy } from './service-token-strategy.js';
export { signCallback } from './sign-callback.js';
export { v1BridgeServices } from './v1-bridge-services.js';

export const PLUGIN_NAME = '@repogen/plugin-v1-bridge';

/**
 * The V1 bridge: V1's way in (its service token in `x-service-token`), callback URLs a tenant
 * registers, deliveries signed with their secret, retried with backoff and relayed when their
 * queueing was lost, the delivery log and redelivery. Setting: `V1_CALLBACK_TIMEOUT_MS`
 * (1000–60000, default 10000), how long one attempt waits for the receiver.
 */
export function createHostPlugin(context: HostPluginContext): HostPlugin {
  const raw = context.env.V1_CALLBACK_TIMEOUT_MS;
  const callbackTimeoutMs = raw === undefined || raw === '' ? 10_000 : Number(raw);
  if (!Number.isInteger(callbackTimeoutMs) || callbackTimeoutMs < 1000 || callbackTimeoutMs > 60_000) {
    throw new ConfigError('V1_CALLBACK_TIMEOUT_MS', 'must be a whole number of milliseconds from 1000 to 60000');
  }
  return {
    name: PLUGIN_NAME,
    services: v1BridgeServiceFactories({ callbackTimeoutMs }),
    authStrategies: [serviceTokenStrategy],
    routes: [callbackRoutesPlugin],
    jobs: [deliverCallbackJob, relayCallbacksJob],
  };
}
