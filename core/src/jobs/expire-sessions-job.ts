import Joi from 'joi';
import { coreServices } from '../core-services.js';
import { withSystem } from '../store/tenant-scope.js';
import { defineJob } from './job-definition.js';

export interface ExpireSessionsPayload {
  /** Sessions whose expiry is at least this many days past are deleted. */
  readonly olderThanDays: number;
}

export const EXPIRED_SESSION_RETENTION_DAYS = 7;

/**
 * Deletes sessions that expired more than a week ago, in every tenant. An expired session
 * authenticates nobody already; the week keeps recent ones for looking into a sign-in problem.
 * Runs daily, and on demand by sending the job.
 */
export const expireSessionsJob = defineJob({
  name: 'maintenance.expire-sessions',
  deps: { database: coreServices.database },
  payloadSchema: Joi.object<ExpireSessionsPayload>({
    olderThanDays: Joi.number().integer().min(0).max(3650).default(EXPIRED_SESSION_RETENTION_DAYS),
  }),
  retry: { limit: 3, backoff: { delaySeconds: 60, exponential: true, maxDelaySeconds: 3600 } },
  policy: 'stately',
  timeoutSeconds: 10 * 60,
  schedule: { cron: '17 3 * * *', payload: { olderThanDays: EXPIRED_SESSION_RETENTION_DAYS } },
  async handler(payload, { database }, { logger }) {
    // Across tenants by design, and against the database's clock, the one sign-in checks against.
    // Counted in SQL: knex-pglite hands back a raw result, not a row count, for a delete.
    const result = await withSystem(database.knex, (trx) =>
      trx.raw<{ rows: { deleted: number }[] }>(
        `WITH gone AS (DELETE FROM sessions WHERE expires_at < now() - make_interval(days => ?) RETURNING 1)
         SELECT count(*)::int AS deleted FROM gone`,
        [payload.olderThanDays],
      ),
    );
    const deleted = result.rows[0]?.deleted ?? 0;
    logger.info({ deleted, olderThanDays: payload.olderThanDays }, 'expired sessions deleted');
    return { deleted, olderThanDays: payload.olderThanDays };
  },
});
