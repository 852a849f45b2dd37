import assert from 'node:assert/strict';
import { UnavailableError } from '../errors/domain-error.js';
import { step, STEP_FAILED_UNEXPECTEDLY, type ProgressEvent } from './generation-steps.js';

describe('generation steps', () => {
  it('reports a step as started, then done with its time', async () => {
    const events: ProgressEvent[] = [];
    assert.equal(
      await step(
        (event) => void events.push(event),
        'compute',
        () => Promise.resolve(42),
      ),
      42,
    );
    assert.deepEqual(
      events.map((event) => [event.step, event.state]),
      [
        ['compute', 'started'],
        ['compute', 'done'],
      ],
    );
    assert.equal(typeof events[1]!.ms, 'number');
  });

  it('reports a failed step with the code of its domain error, and rethrows that error', async () => {
    const events: ProgressEvent[] = [];
    const hung = new UnavailableError('RENDER_TIMEOUT', 'LibreOffice did not answer');
    await assert.rejects(
      step(
        (event) => void events.push(event),
        'convert-pdf',
        () => Promise.reject(hung),
      ),
      (error) => error === hung,
    );
    assert.deepEqual(
      events.map((event) => [event.step, event.state, event.code]),
      [
        ['convert-pdf', 'started', undefined],
        ['convert-pdf', 'failed', 'RENDER_TIMEOUT'],
      ],
    );
  });

  it('keeps the step’s own error when recording the failure fails too, and codes a bare error as unexpected', async () => {
    const recorded: ProgressEvent[] = [];
    const bare = new Error('boom');
    const listener = (event: ProgressEvent) => {
      recorded.push(event);
      if (event.state === 'failed') return Promise.reject(new Error('database down'));
      return undefined;
    };
    await assert.rejects(
      step(listener, 'store', () => Promise.reject(bare)),
      (error) => error === bare,
    );
    assert.equal(recorded[1]!.code, STEP_FAILED_UNEXPECTEDLY);
  });
});
