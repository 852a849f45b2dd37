export * from './api-types.js';
export * from './repogen-api-error.js';
export * from './repogen-client.js';
export * from './verify-callback-signature.js';
