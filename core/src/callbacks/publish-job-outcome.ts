import type { Knex } from 'knex';
import { coreServices } from '../core-services.js';
import { isDomainError } from '../errors/domain-error.js';
import type { JobDefinition, JobOutput, JobPayload } from '../jobs/job-definition.js';
import type { ResolvedServices } from '../registry/service-registry.js';
import type { CallbackEvent } from './callback-events.js';

/** What a job publishes when it completes and when it fails for good; `undefined` publishes nothing. */
export interface JobOutcomeEvents<P> {
  readonly completed?: (payload: P, output: JobOutput | undefined, knex: Knex) => Promise<OutcomeEvent | undefined>;
  readonly failed?: (payload: P, error: unknown, knex: Knex) => Promise<OutcomeEvent | undefined>;
}

export interface OutcomeEvent {
  readonly tenantId: string;
  readonly event: CallbackEvent;
  readonly data: Readonly<Record<string, unknown>>;
}

const outcomeDeps = { outcomeCallbacks: coreServices.callbacks, outcomeDatabase: coreServices.database };

/**
 * A job that publishes a callback event when it completes, and when it fails for good (a
 * user error, or the last retry). Publishing only records deliveries, so a receiver that is
 * down never fails or delays the job, and a failure to publish is logged, not thrown.
 */
export function publishJobOutcome<J extends JobDefinition>(job: J, events: JobOutcomeEvents<JobPayload<J>>): J {
  const wrapped: JobDefinition = {
    ...job,
    deps: { ...job.deps, ...outcomeDeps },
    async handler(payload, services, context) {
      const { outcomeCallbacks: callbacks, outcomeDatabase: database } = services as ResolvedServices<typeof outcomeDeps>;
      const publish = async (build: () => Promise<OutcomeEvent | undefined>) => {
        try {
          const outcome = await build();
          if (outcome) await callbacks.publish(outcome.tenantId, outcome.event, outcome.data);
        } catch (error) {
          context.logger.error({ err: error }, 'callback event not published');
        }
      };
      let output: JobOutput | undefined;
      try {
        output = await job.handler(payload, services, context);
      } catch (error) {
        const final = (isDomainError(error) && error.kind === 'user') || context.attempt >= job.retry.limit;
        const { failed } = events;
        if (final && failed) await publish(() => failed(payload as JobPayload<J>, error, database.knex));
        throw error;
      }
      const { completed } = events;
      if (completed) await publish(() => completed(payload as JobPayload<J>, output, database.knex));
      return output;
    },
  };
  // The deps added are resolved by the registry like the job's own; the job's type stays its own.
  return wrapped as J;
}
