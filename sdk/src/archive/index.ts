export * from './pack-archive.js';
export * from './read-pack-archive.js';
export * from './write-pack-archive.js';
