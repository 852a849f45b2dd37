import type { Knex } from 'knex';
import { coreServices } from '../core-services.js';
import type { JobDefinition, JobFinalFailure, JobOutput, JobPayload } from '../jobs/job-definition.js';
import type { Logger } from '../logging/logger.js';
import type { ResolvedServices } from '../registry/service-registry.js';
import type { CallbackEvent } from './callback-events.js';

/** What a job publishes when it completes and when it fails for good; `undefined` publishes nothing. */
export interface JobOutcomeEvents<P> {
  readonly completed?: (payload: P, output: JobOutput | undefined, knex: Knex) => Promise<OutcomeEvent | undefined>;
  readonly failed?: (payload: P, failure: JobFinalFailure, knex: Knex) => Promise<OutcomeEvent | undefined>;
}

export interface OutcomeEvent {
  readonly tenantId: string;
  readonly event: CallbackEvent;
  readonly data: Readonly<Record<string, unknown>>;
}

const outcomeDeps = { outcomeCallbacks: coreServices.callbacks, outcomeDatabase: coreServices.database };

/**
 * A job that publishes a callback event when it completes, and when it fails for good (the
 * job service's `onFailedForGood`: a user error, or the last retry), after the job's own
 * clean-up. Publishing only records deliveries, so a receiver that is down never fails or
 * delays the job, and a failure to publish is logged, not thrown.
 */
export function publishJobOutcome<J extends JobDefinition>(job: J, events: JobOutcomeEvents<JobPayload<J>>): J {
  async function publish(services: unknown, logger: Logger, build: (knex: Knex) => Promise<OutcomeEvent | undefined>): Promise<void> {
    const { outcomeCallbacks: callbacks, outcomeDatabase: database } = services as ResolvedServices<typeof outcomeDeps>;
    try {
      const outcome = await build(database.knex);
      if (outcome) await callbacks.publish(outcome.tenantId, outcome.event, outcome.data);
    } catch (error) {
      logger.error({ err: error }, 'callback event not published');
    }
  }

  const wrapped: JobDefinition = {
    ...job,
    deps: { ...job.deps, ...outcomeDeps },
    async handler(payload, services, context) {
      const output = await job.handler(payload, services, context);
      const { completed } = events;
      if (completed) await publish(services, context.logger, (knex) => completed(payload as JobPayload<J>, output, knex));
      return output;
    },
    async onFailedForGood(payload, services, failure, context) {
      await job.onFailedForGood?.(payload, services, failure, context);
      const { failed } = events;
      if (failed) await publish(services, context.logger, (knex) => failed(payload as JobPayload<J>, failure, knex));
    },
  };
  // The deps added are resolved by the registry like the job's own; the job's type stays its own.
  return wrapped as J;
}
