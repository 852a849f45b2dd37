import Joi from 'joi';
import { coreServices } from '../core-services.js';
import { defineJob } from '../jobs/job-definition.js';
import { withSystem, withTenant } from '../store/tenant-scope.js';
import { appendEntry, lockAccount } from './billing-ledger.js';

export interface RefillCreditsPayload {
  /** The subscription period to refill, `YYYY-MM` (UTC); the current month when absent. */
  readonly period?: string;
}

export const REFILL_CREDITS_JOB = 'billing.refill-credits';

export function currentPeriod(now: Date): string {
  return now.toISOString().slice(0, 7);
}

/**
 * Grants every CREDIT account with a plan its plan's credits for the period. The ledger key
 * names the account and the period, so a second run in the same period grants nothing.
 */
export const refillCreditsJob = defineJob({
  name: REFILL_CREDITS_JOB,
  deps: { database: coreServices.database, audit: coreServices.audit },
  payloadSchema: Joi.object<RefillCreditsPayload>({ period: Joi.string().pattern(/^\d{4}-(0[1-9]|1[0-2])$/) }),
  retry: { limit: 3, backoff: { delaySeconds: 60, exponential: true, maxDelaySeconds: 3600 } },
  policy: 'stately',
  timeoutSeconds: 10 * 60,
  schedule: { cron: '5 0 * * *', payload: {} },
  async handler(payload, { database, audit }, { logger }) {
    const period = payload.period ?? currentPeriod(new Date());
    // Across tenants by design: the sweep serves every subscribed account.
    const accounts = await withSystem<{ id: string; tenant_id: string; plan_credits: number }[]>(database.knex, (trx) =>
      trx('billing_accounts')
        .where({ mode: 'CREDIT' })
        .where('plan_credits', '>', 0)
        .select('id', 'tenant_id', 'plan_credits'),
    );
    let granted = 0;
    for (const account of accounts) {
      const created = await withTenant(database.knex, account.tenant_id, async (trx) => {
        if (!(await lockAccount(trx, account.id))) return false;
        const entry = await appendEntry(trx, {
          tenantId: account.tenant_id,
          accountId: account.id,
          kind: 'grant',
          balanceDelta: account.plan_credits,
          reservedDelta: 0,
          idempotencyKey: `refill:${account.id}:${period}`,
          reason: `subscription ${period}`,
          createdBy: 'job:billing.refill-credits',
        });
        if (entry.created) {
          await audit.record(
            trx,
            { kind: 'system', tenantId: account.tenant_id, label: 'job:billing.refill-credits' },
            {
              action: 'billing.credits.refilled',
              targetType: 'billing_account',
              targetId: account.id,
              after: { credits: account.plan_credits, period, ledgerEntryId: Number(entry.row.id) },
            },
          );
        }
        return entry.created;
      });
      if (created) granted += 1;
    }
    logger.info({ period, accounts: accounts.length, granted }, 'subscription credits refilled');
    return { period, accounts: accounts.length, granted };
  },
});
