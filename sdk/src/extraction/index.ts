/**
 * Reading fields from OCR text: coordinates, dates and times from GPS-camera overlays, the
 * guideline rate, its unit and the guideline value from screenshots, and the report fields
 * they are proposed for. Pure code: the host reads evidence with it, and a pack's `extract`
 * bundles the same parsers, so both read a text alike.
 */
export * from './coordinate-parser.js';
export * from './date-time-parser.js';
export * from './extracted-field.js';
export * from './guideline-rate-parser.js';
export * from './proposals-from-fields.js';
