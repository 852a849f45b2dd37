import type Joi from 'joi';
import type { ErrorKind } from '../errors/domain-error.js';
import type { Logger } from '../logging/logger.js';
import type { AnyRef, ResolvedServices } from '../registry/service-registry.js';

/** How a job that failed for an operational reason is tried again. */
export interface JobRetry {
  /** Further attempts after the first; 0 never retries. */
  readonly limit: number;
  readonly backoff: {
    readonly delaySeconds: number;
    /** Doubles the delay on each attempt (with jitter) up to `maxDelaySeconds`. */
    readonly exponential: boolean;
    readonly maxDelaySeconds?: number;
  };
}

/**
 * How a queue treats jobs waiting beside each other: `standard` keeps them all, `stately`
 * keeps at most one queued and one active (per singleton key), `singleton` runs one at a time,
 * `exclusive` allows one queued or active.
 */
export type JobPolicy = 'standard' | 'stately' | 'singleton' | 'exclusive';

/** What a job's handler answers; stored on the job and shown by `getJob`. */
export type JobOutput = Readonly<Record<string, unknown>>;

export interface JobContext {
  readonly jobId: string;
  /** 0 on the first attempt, then 1, 2… */
  readonly attempt: number;
  /** Aborted when the worker stops past its grace period or the job runs past its timeout. */
  readonly signal: AbortSignal;
  readonly logger: Logger;
}

/**
 * A kind of background work: its queue name, the payload it accepts, how it retries and what
 * it does. The handler reaches services only through `deps`, resolved when a worker starts.
 */
export interface JobDefinition<
  N extends string = string,
  P = unknown,
  D extends Record<string, AnyRef> = Record<string, AnyRef>,
> {
  /** The queue name: letters, digits, `.`, `-`, `_`; namespaced by area (`maintenance.expire-sessions`). */
  readonly name: N;
  readonly deps: D;
  /** Checked when a job is taken, since a payload may come from an older sender or a schedule. */
  readonly payloadSchema: Joi.Schema<P>;
  readonly retry: JobRetry;
  readonly policy?: JobPolicy;
  /** An attempt still running after this long is failed (and retried); default 15 minutes. */
  readonly timeoutSeconds?: number;
  /**
   * The worker touches a running attempt this often (at least 10 s); an attempt whose worker
   * stopped touching it (a killed process) is failed and retried within about twice this,
   * rather than only after `timeoutSeconds`.
   */
  readonly heartbeatSeconds?: number;
  /** Jobs taken per fetch and run side by side; default 1. */
  readonly batchSize?: number;
  /** A recurring run, as a cron expression in UTC with the payload to send. */
  readonly schedule?: { readonly cron: string; readonly payload: P };
  handler(payload: P, services: ResolvedServices<D>, context: JobContext): Promise<JobOutput | undefined>;
  /**
   * Runs once when an attempt fails and no retry follows (a user error, or the last retry),
   * to undo what the job held for its caller; its own failure is logged, never retried.
   */
  onFailedForGood?(payload: P, services: ResolvedServices<D>, failure: JobFinalFailure, context: JobContext): Promise<void>;
}

/** Why a job failed for good, as stored on it: its code, a message safe to show, and whose fault it was. */
export interface JobFinalFailure {
  readonly code: string;
  readonly message: string;
  readonly kind: ErrorKind;
}

/** The payload type a job definition accepts. */
export type JobPayload<J> = J extends JobDefinition<string, infer P, Record<string, AnyRef>> ? P : never;

export function defineJob<const N extends string, P, D extends Record<string, AnyRef>>(
  definition: JobDefinition<N, P, D>,
): JobDefinition<N, P, D> {
  return definition;
}
