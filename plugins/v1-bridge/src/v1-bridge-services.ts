import { coreServices, createServiceFactory, createServiceRef, type JobService } from '@repogen/core';
import { createCallbackService, type CallbackService } from './callback-service.js';
import type { DeliverCallbackPayload } from './deliver-callback-payload.js';

/** The refs of the V1 bridge's own services. */
export const v1BridgeServices = {
  callbacks: createServiceRef<CallbackService>('v1bridge.callbacks'),
};

export interface V1BridgeSettings {
  /** How long one delivery attempt waits for the receiver. */
  readonly callbackTimeoutMs: number;
}

export function v1BridgeServiceFactories(settings: V1BridgeSettings) {
  return [
    createServiceFactory({
      service: v1BridgeServices.callbacks,
      deps: { database: coreServices.database, audit: coreServices.audit, jobs: coreServices.jobs, logger: coreServices.logger, config: coreServices.config },
      create: ({ database, audit, jobs, logger, config }) =>
        createCallbackService({
          knex: database.knex,
          audit,
          // The host's job service knows every plugin's jobs; its type only names the host's own.
          jobs: jobs as unknown as JobService<{ 'callbacks.deliver': DeliverCallbackPayload }>,
          logger,
          options: { production: config.production, timeoutMs: settings.callbackTimeoutMs },
        }),
    }),
    // The host's own jobs announce through `core.callbacks`: the same service.
    createServiceFactory({
      service: coreServices.callbacks,
      deps: { callbacks: v1BridgeServices.callbacks },
      create: ({ callbacks }) => callbacks,
    }),
  ];
}
