export * from './pack-contract.js';
