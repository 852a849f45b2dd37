export type { PackManifest } from './pack-manifest.generated.js';
export * from './validate-input-schema.js';
export * from './validate-manifest.js';
