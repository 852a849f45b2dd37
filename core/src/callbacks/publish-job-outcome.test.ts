import assert from 'node:assert/strict';
import Joi from 'joi';
import { InvalidError, UnavailableError } from '../errors/domain-error.js';
import { defineJob, type JobContext } from '../jobs/job-definition.js';
import { createLogger } from '../logging/logger.js';
import type { CallbackEvent } from './callback-events.js';
import { publishJobOutcome } from './publish-job-outcome.js';

interface Published {
  tenantId: string;
  event: CallbackEvent;
  data: Readonly<Record<string, unknown>>;
}

function setup(behaviour: (attempt: number) => Promise<Record<string, unknown>>) {
  const published: Published[] = [];
  const job = publishJobOutcome(
    defineJob({
      name: 'test.outcome',
      deps: {},
      payloadSchema: Joi.object<{ tenantId: string }>({ tenantId: Joi.string() }),
      retry: { limit: 2, backoff: { delaySeconds: 1, exponential: true } },
      handler: (_payload, _services, context) => behaviour(context.attempt),
    }),
    {
      completed: (payload, output) => Promise.resolve({ tenantId: payload.tenantId, event: 'report.generated', data: { ...output } }),
      failed: (payload, error) => Promise.resolve({ tenantId: payload.tenantId, event: 'report.failed', data: { code: (error as { code?: string }).code } }),
    },
  );
  const services = {
    outcomeCallbacks: { publish: (tenantId: string, event: CallbackEvent, data: Readonly<Record<string, unknown>>) => Promise.resolve(published.push({ tenantId, event, data })) },
    outcomeDatabase: { knex: undefined },
  } as never;
  const run = (attempt: number) => {
    const context: JobContext = { jobId: 'j', attempt, signal: new AbortController().signal, logger: createLogger('silent') };
    return job.handler({ tenantId: 't1' }, services, context);
  };
  return { job, published, run };
}

describe('publishJobOutcome', () => {
  it('publishes the completed event with the output, and declares the callbacks it needs', async () => {
    const { job, published, run } = setup(() => Promise.resolve({ versionId: 'v1' }));
    assert.deepEqual(Object.keys(job.deps).sort(), ['outcomeCallbacks', 'outcomeDatabase']);
    assert.deepEqual(await run(0), { versionId: 'v1' });
    assert.deepEqual(published, [{ tenantId: 't1', event: 'report.generated', data: { versionId: 'v1' } }]);
  });

  it('publishes the failure once it is final: a user error at once, an operational one on the last retry', async () => {
    const user = setup(() => Promise.reject(new InvalidError('REPORT_INCOMPLETE', 'no')));
    await assert.rejects(user.run(0), { code: 'REPORT_INCOMPLETE' });
    assert.deepEqual(user.published.map((item) => item.data), [{ code: 'REPORT_INCOMPLETE' }]);

    const operational = setup(() => Promise.reject(new UnavailableError('RENDERER_UNAVAILABLE', 'later')));
    await assert.rejects(operational.run(0));
    await assert.rejects(operational.run(1));
    assert.equal(operational.published.length, 0, 'a retry is still coming');
    await assert.rejects(operational.run(2));
    assert.deepEqual(operational.published.map((item) => item.event), ['report.failed']);
  });

  it('never lets a failing publisher fail the job', async () => {
    const { job, run } = setup(() => Promise.resolve({ ok: true }));
    const broken = { outcomeCallbacks: { publish: () => Promise.reject(new Error('database down')) }, outcomeDatabase: { knex: undefined } } as never;
    const context: JobContext = { jobId: 'j', attempt: 0, signal: new AbortController().signal, logger: createLogger('silent') };
    assert.deepEqual(await job.handler({ tenantId: 't1' }, broken, context), { ok: true });
    assert.ok(run);
  });
});
