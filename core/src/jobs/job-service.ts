import { fromPglite, PgBoss, type ConstructorOptions, type Job, type JobResult, type JobWithMetadata } from 'pg-boss';
import { isDomainError, type ErrorKind } from '../errors/domain-error.js';
import type { Logger } from '../logging/logger.js';
import type { ServiceRegistry } from '../registry/service-registry.js';
import type { Database } from '../store/database.js';
import type { JobDefinition, JobOutput, JobPayload } from './job-definition.js';
import { sharedPglite } from './shared-pglite.js';

export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';

/** Why an attempt failed, as stored on the job: never a stack trace. */
export interface JobFailure {
  readonly code: string;
  readonly message: string;
  readonly kind: ErrorKind;
}

export interface JobRecord {
  readonly id: string;
  readonly name: string;
  readonly state: JobState;
  /** Attempts made after the first. */
  readonly retryCount: number;
  /** What the handler answered, once completed. */
  readonly output: JobOutput | undefined;
  /** Why the last attempt failed, while retrying or once failed. */
  readonly error: JobFailure | undefined;
  readonly createdAt: string;
  readonly completedAt: string | null;
}

export interface JobSendOptions {
  /** With a `stately`, `singleton` or `exclusive` policy, jobs sharing a key are one job. */
  readonly singletonKey?: string;
  readonly startAfter?: Date;
}

/** Resolves the services a job declares; the service registry is one. */
export type ServiceResolver = Pick<ServiceRegistry, 'resolve'>;

/** Job name to payload type, for the jobs a service was created with. */
export type JobPayloads<J extends JobDefinition> = { [K in J as K['name']]: JobPayload<K> };

/**
 * Background jobs on pg-boss, in the same PostgreSQL (or PGlite) as everything else. `M` maps
 * each known job name to its payload, so that `send` is typed.
 */
export interface JobService<M extends object = Record<string, unknown>> {
  /** Queues a job; `undefined` when the queue's policy already holds one for the singleton key. */
  send<N extends keyof M & string>(name: N, payload: M[N], options?: JobSendOptions): Promise<string | undefined>;
  /** Starts consuming the given jobs in this process, and installs their schedules. */
  work(jobs: readonly JobDefinition[], services: ServiceResolver): Promise<void>;
  getJob(name: keyof M & string, id: string): Promise<JobRecord | undefined>;
  /** Stops taking jobs, lets running ones finish within the grace period, then lets go of the database. */
  stop(): Promise<void>;
}

export interface JobServiceOptions<J extends JobDefinition> {
  readonly database: Database;
  /** The URL `database` was opened with, for pg-boss's own small pool; unused on PGlite. */
  readonly databaseUrl: string | undefined;
  readonly logger: Logger;
  /** Every job this process may send or work; their queues are created at start. */
  readonly jobs: readonly J[];
  readonly shutdownGraceMs: number;
  /** How often an idle worker looks for jobs (pg-boss's minimum is 0.5 s). */
  readonly pollingIntervalSeconds?: number;
}

const DEFAULT_TIMEOUT_SECONDS = 15 * 60;
/**
 * How often the queue's supervisor fails attempts past their timeout or heartbeat (pg-boss's
 * default is 60 s), which bounds how long a killed worker's job waits to be retried.
 */
const SUPERVISE_INTERVAL_SECONDS = 10;
const PAYLOAD_INVALID = 'JOB_PAYLOAD_INVALID';

export async function createJobService<J extends JobDefinition>(
  options: JobServiceOptions<J>,
): Promise<JobService<JobPayloads<J>>> {
  const { logger } = options;
  const definitions = new Map<string, J>();
  for (const job of options.jobs) {
    if (definitions.has(job.name)) throw new Error(`Two job definitions named ${job.name}`);
    definitions.set(job.name, job);
  }

  const boss = new PgBoss(bossOptions(options));
  boss.on('error', (error) => logger.error({ err: error }, 'job queue error'));
  boss.on('warning', (warning) => logger.warn({ warning }, 'job queue warning'));
  await boss.start();
  try {
    for (const job of definitions.values()) {
      const queue = {
        retryLimit: job.retry.limit,
        retryDelay: job.retry.backoff.delaySeconds,
        retryBackoff: job.retry.backoff.exponential,
        expireInSeconds: job.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
        ...(job.heartbeatSeconds === undefined ? {} : { heartbeatSeconds: job.heartbeatSeconds }),
      };
      await boss.createQueue(job.name, { ...queue, policy: job.policy ?? 'standard' });
      // createQueue leaves an existing queue as it was; a changed definition updates it.
      await boss.updateQueue(job.name, {
        ...queue,
        retryDelayMax: job.retry.backoff.maxDelaySeconds ?? null,
        heartbeatSeconds: job.heartbeatSeconds ?? null,
      });
    }
  } catch (error) {
    // A started pg-boss keeps timers running; without this a failed boot would never exit.
    await boss.stop({ graceful: false, close: true });
    throw error;
  }

  const working = new Set<string>();
  let stopping: Promise<void> | undefined;

  const definitionOf = (name: string): JobDefinition => {
    const job = definitions.get(name);
    if (!job) throw new Error(`No job definition named ${name} (known: ${[...definitions.keys()].join(', ')})`);
    return job;
  };

  return {
    async send(name, payload, sendOptions = {}) {
      definitionOf(name);
      const id = await boss.send(name, payload as object, {
        ...(sendOptions.singletonKey === undefined ? {} : { singletonKey: sendOptions.singletonKey }),
        ...(sendOptions.startAfter === undefined ? {} : { startAfter: sendOptions.startAfter }),
      });
      return id ?? undefined;
    },

    async work(jobs, services) {
      for (const job of jobs) {
        if (definitionOf(job.name) !== job)
          throw new Error(`Job ${job.name} is not the definition this service was created with`);
        if (working.has(job.name)) throw new Error(`Job ${job.name} is already being worked in this process`);
      }
      for (const job of jobs) {
        const resolved = await services.resolve(job.deps, `job ${job.name}`);
        working.add(job.name);
        await boss.work<unknown, JobOutput, { batchSize: number; pollingIntervalSeconds: number; perJobResults: true }>(
          job.name,
          {
            batchSize: job.batchSize ?? 1,
            pollingIntervalSeconds: options.pollingIntervalSeconds ?? 0.5,
            perJobResults: true,
          },
          (batch) => Promise.all(batch.map((taken) => runJob(job, resolved, taken))),
        );
        if (job.schedule) {
          await boss.schedule(job.name, job.schedule.cron, job.schedule.payload as object, { tz: 'UTC' });
        }
        logger.info({ job: job.name, schedule: job.schedule?.cron }, 'working job');
      }
    },

    async getJob(name, id) {
      definitionOf(name);
      const [job] = await boss.findJobs<unknown>(name, { id });
      return job ? toJobRecord(job) : undefined;
    },

    stop() {
      stopping ??= boss.stop({ graceful: true, timeout: options.shutdownGraceMs, close: true }).then(() => {
        logger.info('job queue stopped');
      });
      return stopping;
    },
  };

  async function runJob(
    job: JobDefinition,
    services: Record<string, unknown>,
    taken: Job<unknown>,
  ): Promise<JobResult<JobOutput>> {
    const jobLogger = logger.child({ job: job.name, jobId: taken.id, attempt: taken.retryCount });
    const checked = job.payloadSchema.validate(taken.data, { abortEarly: false });
    if (checked.error) {
      jobLogger.warn({ problem: checked.error.message }, 'job payload rejected');
      return fail(taken.id, { code: PAYLOAD_INVALID, message: checked.error.message, kind: 'user' });
    }
    const context = { jobId: taken.id, attempt: taken.retryCount, signal: taken.signal, logger: jobLogger };
    try {
      const output = await job.handler(checked.value, services, context);
      return { id: taken.id, status: 'completed', output: output ?? {} };
    } catch (error) {
      const failure = toJobFailure(error);
      if (failure.kind === 'user') {
        jobLogger.info({ code: failure.code }, 'job refused');
      } else if (failure.kind === 'operational') {
        jobLogger.warn({ err: error, code: failure.code }, 'job attempt failed');
      } else {
        jobLogger.error({ err: error, alert: true }, 'job failed unexpectedly');
      }
      if (job.onFailedForGood && (failure.kind === 'user' || taken.retryCount >= job.retry.limit)) {
        try {
          await job.onFailedForGood(checked.value, services, failure, context);
        } catch (cleanupError) {
          jobLogger.error({ err: cleanupError, alert: true }, 'job clean-up after its final failure failed');
        }
      }
      return fail(taken.id, failure);
    }
  }
}

/** A user error will not pass on a retry, so it fails the job for good; anything else retries. */
function fail(id: string, failure: JobFailure): JobResult<JobOutput> {
  return { id, status: failure.kind === 'user' ? 'deadletter' : 'failed', output: { error: failure } };
}

function toJobFailure(error: unknown): JobFailure {
  if (isDomainError(error)) {
    // The message of an unexpected error may describe internals; it is logged, not stored.
    const message = error.kind === 'unexpected' ? 'The job failed unexpectedly' : error.message;
    return { code: error.code, message, kind: error.kind };
  }
  return { code: 'JOB_FAILED', message: 'The job failed unexpectedly', kind: 'unexpected' };
}

function bossOptions(options: JobServiceOptions<JobDefinition>): ConstructorOptions {
  const { database } = options;
  const supervision = { superviseIntervalSeconds: SUPERVISE_INTERVAL_SECONDS, monitorIntervalSeconds: SUPERVISE_INTERVAL_SECONDS };
  if (database.kind === 'pglite') {
    return { db: fromPglite(sharedPglite(database.knex)), backend: 'pglite', ...supervision };
  }
  if (options.databaseUrl === undefined) throw new Error('The job queue on PostgreSQL needs the database URL');
  return { connectionString: options.databaseUrl, max: 4, application_name: 'repogen-jobs', backend: 'postgres', ...supervision };
}

function toJobRecord(job: JobWithMetadata<unknown>): JobRecord {
  const output = isRecord(job.output) ? job.output : undefined;
  const failed = job.state === 'failed' || job.state === 'retry';
  return {
    id: job.id,
    name: job.name,
    state: job.state,
    retryCount: job.retryCount,
    output: job.state === 'completed' ? output : undefined,
    error: failed ? readFailure(output) : undefined,
    createdAt: new Date(job.createdOn).toISOString(),
    completedAt: job.completedOn ? new Date(job.completedOn).toISOString() : null,
  };
}

/** A failure this service stored, or one pg-boss recorded itself (a timeout, a shutdown). */
function readFailure(output: Record<string, unknown> | undefined): JobFailure {
  const stored = output?.error;
  if (isRecord(stored) && typeof stored.code === 'string' && typeof stored.message === 'string') {
    const kind = stored.kind === 'user' || stored.kind === 'operational' ? stored.kind : 'unexpected';
    return { code: stored.code, message: stored.message, kind };
  }
  const message =
    typeof output?.message === 'string'
      ? output.message
      : typeof output?.value === 'string'
        ? output.value
        : 'The job failed';
  return { code: 'JOB_INTERRUPTED', message, kind: 'operational' };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
