/**
 * `@repogen/sdk/kits/project-finance`: the projection engine, schedules, balance sheet and
 * viability measures that project-finance packs (DPR, TEV) share. Pure code, bundled into each
 * pack's `logic.js` at build time.
 */
export * from './amount-precision-rules.js';
export * from './balance-sheet.js';
export * from './cost-summary-formulas.js';
export * from './depreciation-schedule.js';
export * from './json.js';
export * from './lakh.js';
export * from './project-finance-types.js';
export * from './projection-engine.js';
export * from './projection-formulas.js';
export * from './repayment-schedule.js';
export * from './structure-rules.js';
export * from './threshold-rules.js';
export * from './viability-chart-formulas.js';
export * from './viability-formulas.js';
export * from './viability-table-formulas.js';
export * from './viability-summary.js';
