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
  const cleanedUp: string[] = [];
  const job = publishJobOutcome(
    defineJob({
      name: 'test.outcome',
      deps: {},
      payloadSchema: Joi.object<{ tenantId: string }>({ tenantId: Joi.string() }),
      retry: { limit: 2, backoff: { delaySeconds: 1, exponential: true } },
      handler: (_payload, _services, context) => behaviour(context.attempt),
      onFailedForGood: (_payload, _services, failure) => Promise.resolve(void cleanedUp.push(failure.code)),
    }),
    {
      completed: (payload, output) => Promise.resolve({ tenantId: payload.tenantId, event: 'report.generated', data: { ...output } }),
      failed: (payload, failure) => Promise.resolve({ tenantId: payload.tenantId, event: 'report.failed', data: { code: failure.code } }),
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
  const failForGood = (code: string) => {
    const context: JobContext = { jobId: 'j', attempt: 2, signal: new AbortController().signal, logger: createLogger('silent') };
    return job.onFailedForGood!({ tenantId: 't1' }, services, { code, message: 'no', kind: 'user' }, context);
  };
  return { job, published, cleanedUp, run, failForGood };
}

describe('publishJobOutcome', () => {
  it('publishes the completed event with the output, and declares the callbacks it needs', async () => {
    const { job, published, run } = setup(() => Promise.resolve({ versionId: 'v1' }));
    assert.deepEqual(Object.keys(job.deps).sort(), ['outcomeCallbacks', 'outcomeDatabase']);
    assert.deepEqual(await run(0), { versionId: 'v1' });
    assert.deepEqual(published, [{ tenantId: 't1', event: 'report.generated', data: { versionId: 'v1' } }]);
  });

  it('publishes nothing while an attempt fails, and the failure after the job\'s own clean-up once it is final', async () => {
    const failing = setup(() => Promise.reject(new InvalidError('REPORT_INCOMPLETE', 'no')));
    await assert.rejects(failing.run(0), { code: 'REPORT_INCOMPLETE' });
    assert.equal(failing.published.length, 0, 'the job service decides when a failure is final');
    await failing.failForGood('REPORT_INCOMPLETE');
    assert.deepEqual(failing.cleanedUp, ['REPORT_INCOMPLETE']);
    assert.deepEqual(failing.published, [{ tenantId: 't1', event: 'report.failed', data: { code: 'REPORT_INCOMPLETE' } }]);

    const operational = setup(() => Promise.reject(new UnavailableError('RENDERER_UNAVAILABLE', 'later')));
    await assert.rejects(operational.run(2));
    assert.equal(operational.published.length, 0);
  });

  it('never lets a failing publisher fail the job', async () => {
    const { job, run } = setup(() => Promise.resolve({ ok: true }));
    const broken = { outcomeCallbacks: { publish: () => Promise.reject(new Error('database down')) }, outcomeDatabase: { knex: undefined } } as never;
    const context: JobContext = { jobId: 'j', attempt: 0, signal: new AbortController().signal, logger: createLogger('silent') };
    assert.deepEqual(await job.handler({ tenantId: 't1' }, broken, context), { ok: true });
    assert.ok(run);
  });
});
