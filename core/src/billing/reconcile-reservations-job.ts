import Joi from 'joi';
import { coreServices } from '../core-services.js';
import { defineJob } from '../jobs/job-definition.js';
import { withSystem, withTenant } from '../store/tenant-scope.js';

export interface ReconcileReservationsPayload {
  /** Reports untouched and holding credits longer than this are abandoned; the configured age when absent. */
  readonly olderThanHours?: number;
}

export const RECONCILE_RESERVATIONS_JOB = 'billing.reconcile-reservations';

/**
 * Gives back credits still held by cancelled reports (a release that never landed) and by
 * reports nobody released or touched for the configured age. Each release is keyed by the
 * reservation it ends, so running twice releases once.
 */
export const reconcileReservationsJob = defineJob({
  name: RECONCILE_RESERVATIONS_JOB,
  deps: { database: coreServices.database, billing: coreServices.billing, config: coreServices.config },
  payloadSchema: Joi.object<ReconcileReservationsPayload>({
    olderThanHours: Joi.number()
      .integer()
      .min(0)
      .max(24 * 365),
  }),
  retry: { limit: 3, backoff: { delaySeconds: 60, exponential: true, maxDelaySeconds: 3600 } },
  policy: 'stately',
  timeoutSeconds: 10 * 60,
  schedule: { cron: '35 * * * *', payload: {} },
  async handler(payload, { database, billing, config }, { logger }) {
    const hours = payload.olderThanHours ?? config.reservationMaxAgeHours;
    // Across tenants by design, and against the database's clock, the one the ledger was stamped with.
    const result = await withSystem(database.knex, (trx) =>
      trx.raw<{ rows: { tenant_id: string; report_id: string; status: string }[] }>(
        `SELECT l.tenant_id, l.report_id, r.status
           FROM billing_ledger l JOIN reports r ON r.id = l.report_id
          GROUP BY l.tenant_id, l.report_id, r.status, r.updated_at
         HAVING sum(l.reserved_delta) > 0
            AND (r.status = 'cancelled'
                 OR (r.status <> 'released'
                     AND max(l.created_at) < now() - make_interval(hours => ?)
                     AND r.updated_at < now() - make_interval(hours => ?)))`,
        [hours, hours],
      ),
    );
    let released = 0;
    for (const row of result.rows) {
      const cause = row.status === 'cancelled' ? 'reconcile.cancelled' : 'reconcile.abandoned';
      const actor = { kind: 'system' as const, tenantId: row.tenant_id, label: 'job:billing.reconcile-reservations' };
      released += await withTenant(database.knex, row.tenant_id, (trx) =>
        billing.gate.releaseHold(trx, actor, row.report_id, cause, 'none'),
      );
    }
    logger.info({ reports: result.rows.length, released, olderThanHours: hours }, 'reservations reconciled');
    return { reports: result.rows.length, creditsReleased: released, olderThanHours: hours };
  },
});
