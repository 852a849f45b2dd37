import { isDomainError } from '../errors/domain-error.js';

/** The steps of one generation, in order; progress reports name them. */
export const GENERATION_STEPS = [
  'snapshot',
  'compute',
  'layout',
  'render-docx',
  'convert-pdf',
  'assemble-pdf',
  'store',
] as const;
export type GenerationStep = (typeof GENERATION_STEPS)[number];

export interface ProgressEvent {
  readonly step: GenerationStep;
  readonly state: 'started' | 'done' | 'failed';
  readonly at: string;
  /** Wall time of the step, once done or failed. */
  readonly ms?: number;
  /** Why the step failed: the domain error's code, so that a retried job keeps the story of its attempts. */
  readonly code?: string;
}

export type ProgressListener = (event: ProgressEvent) => void | Promise<void>;

/** The code recorded for a step that failed with something other than a domain error. */
export const STEP_FAILED_UNEXPECTEDLY = 'JOB_FAILED';

/** Runs `work` as a named step, telling `listener` when it starts and when it ends or fails. */
export async function step<T>(
  listener: ProgressListener | undefined,
  name: GenerationStep,
  work: () => Promise<T>,
): Promise<T> {
  await listener?.({ step: name, state: 'started', at: new Date().toISOString() });
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let result: T;
  try {
    result = await work();
  } catch (error) {
    const code = isDomainError(error) ? error.code : STEP_FAILED_UNEXPECTEDLY;
    try {
      await listener?.({ step: name, state: 'failed', at: new Date().toISOString(), ms: elapsed(), code });
    } catch {
      // The step's own error is what the job reports; a progress write that fails too must not replace it.
    }
    throw error;
  }
  await listener?.({ step: name, state: 'done', at: new Date().toISOString(), ms: elapsed() });
  return result;
}
