import Joi from 'joi';
import { coreServices } from '../core-services.js';
import { defineJob } from '../jobs/job-definition.js';
import { withSystem } from '../store/tenant-scope.js';

export type ExpireIdempotentRequestsPayload = Record<string, never>;

/**
 * Deletes the kept first answers past their 24 hours, in every tenant: some hold a secret
 * answered once (a new API token, a callback's signing secret), so they are not kept longer
 * than a retry needs. Runs hourly; a repeat of an expired key is a new request.
 */
export const expireIdempotentRequestsJob = defineJob({
  name: 'maintenance.expire-idempotent-requests',
  deps: { database: coreServices.database },
  payloadSchema: Joi.object<ExpireIdempotentRequestsPayload>({}),
  retry: { limit: 3, backoff: { delaySeconds: 60, exponential: true, maxDelaySeconds: 3600 } },
  policy: 'stately',
  timeoutSeconds: 10 * 60,
  schedule: { cron: '23 * * * *', payload: {} },
  async handler(_payload, { database }, { logger }) {
    // Counted in SQL: knex-pglite hands back a raw result, not a row count, for a delete.
    const result = await withSystem(database.knex, (trx) =>
      trx.raw<{ rows: { deleted: number }[] }>(
        `WITH gone AS (DELETE FROM idempotent_requests WHERE expires_at < now() RETURNING 1) SELECT count(*)::int AS deleted FROM gone`,
      ),
    );
    const deleted = result.rows[0]?.deleted ?? 0;
    logger.info({ deleted }, 'expired idempotent requests deleted');
    return { deleted };
  },
});
