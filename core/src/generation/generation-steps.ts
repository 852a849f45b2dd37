/** The steps of one generation, in order; progress reports name them. */
export const GENERATION_STEPS = ['snapshot', 'compute', 'layout', 'render-docx', 'convert-pdf', 'assemble-pdf', 'store'] as const;
export type GenerationStep = (typeof GENERATION_STEPS)[number];

export interface ProgressEvent {
  readonly step: GenerationStep;
  readonly state: 'started' | 'done';
  readonly at: string;
  /** Wall time of the step, once done. */
  readonly ms?: number;
}

export type ProgressListener = (event: ProgressEvent) => void | Promise<void>;

/** Runs `work` as a named step, telling `listener` when it starts and ends. */
export async function step<T>(listener: ProgressListener | undefined, name: GenerationStep, work: () => Promise<T>): Promise<T> {
  await listener?.({ step: name, state: 'started', at: new Date().toISOString() });
  const started = performance.now();
  const result = await work();
  await listener?.({ step: name, state: 'done', at: new Date().toISOString(), ms: Math.round(performance.now() - started) });
  return result;
}
