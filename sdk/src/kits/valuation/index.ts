/**
 * `@repogen/sdk/kits/valuation`: the land, building and flat formulas, final values, printed
 * figures and the common rules of land & building valuation packs (SBI, PSU, co-op). A pack
 * spreads what it shares into `definePack` and adds or overrides what differs. Pure code,
 * bundled into each pack's `logic.js` at build time.
 */
export * from './abstract-rules.js';
export * from './annexure-sections.js';
export * from './building-formulas.js';
export * from './extract-fields.js';
export * from './flat-formulas.js';
export * from './land-formulas.js';
export * from './presentation-formulas.js';
export * from './rupee-arithmetic.js';
export * from './site-rules.js';
export * from './survey-rules.js';
export * from './valuation-formulas-for.js';
export * from './valuation-rules.js';
export * from './valuation-types.js';
export * from './value-formulas.js';
