export * from './build-pack.js';
