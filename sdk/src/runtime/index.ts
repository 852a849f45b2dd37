export * from './amount-in-words.js';
export * from './area.js';
export * from './dates.js';
export * from './finance.js';
export * from './geo.js';
export * from './indian-number-format.js';
export * from './money.js';
export * from './rounding.js';
