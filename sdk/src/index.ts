export * from './contract/index.js';
export * from './archive/index.js';
export * from './build/index.js';
export * from './fixtures/index.js';
export * from './manifest/index.js';
export * from './define-pack/index.js';
export * from './runtime/index.js';
export * from './client/index.js';
