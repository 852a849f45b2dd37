/**
 * `@repogen/sdk/pack`: what a pack's `src/index.ts` imports and what is bundled into its
 * `logic.js`. Pure code only: no Node built-ins, no clock, no timers, no I/O, because the
 * bundle runs in a bare V8 isolate.
 */
export * from './contract/pack-contract.js';
export * from './define-pack/index.js';
export * from './runtime/index.js';
export * from './extraction/index.js';
