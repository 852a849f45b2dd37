export * from './pack-contract.js';
//# sourceMappingURL=index.js.map