/**
 * The whole contract between the host and a pack's logic. Only JSON crosses it: the host
 * sends one request string per call and gets one response string back.
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** What a pack's logic answers. `extract` is optional for a pack. */
export const PACK_OPERATIONS = ['compute', 'rules', 'layout', 'extract', 'describe'] as const;
export type PackOperation = (typeof PACK_OPERATIONS)[number];

export type WarningLevel = 'info' | 'warn' | 'error';

/** A finding; it never blocks (an `error` marks the report "not ready"). */
export interface PackWarning {
  readonly code: string;
  readonly level: WarningLevel;
  readonly message: string;
  /** JSON pointers into the input (`/land/adoptedRate`) or value names (`values/fmv`). */
  readonly fields: readonly string[];
}

/** One read made by a formula: an input field (by JSON pointer) or another computed value. */
export interface TraceRead {
  readonly kind: 'input' | 'value';
  readonly name: string;
  readonly value: JsonValue;
}

/** Where a computed value comes from, enough to answer "why" and print a calculation appendix. */
export interface TraceEntry {
  readonly name: string;
  readonly description: string;
  readonly unit?: string;
  readonly reads: readonly TraceRead[];
  readonly value: JsonValue;
}

export interface ComputeRequest {
  readonly input: JsonValue;
  /** ISO 8601 instant supplied by the host: the pack has no clock of its own. */
  readonly now: string;
  /** Pack settings a tenant may choose (e.g. realisable factor); defaults live in the pack. */
  readonly settings?: { readonly [key: string]: JsonValue };
}

export interface ComputeResult {
  readonly values: { readonly [name: string]: JsonValue };
  readonly trace: { readonly [name: string]: TraceEntry };
  readonly warnings: readonly PackWarning[];
}

export interface RulesRequest extends ComputeRequest {
  readonly values: { readonly [name: string]: JsonValue };
}

/** One evidence item as the host describes it to a pack: no bytes, no paths. */
export interface EvidenceManifestItem {
  readonly id: string;
  readonly kind: string;
  readonly mime: string;
  readonly size: number;
  readonly width?: number;
  readonly height?: number;
  /** The operator's order within its kind (0 first). */
  readonly order: number;
  readonly takenAt?: string;
  readonly lat?: number;
  readonly long?: number;
}

export interface LayoutRequest {
  readonly evidence: readonly EvidenceManifestItem[];
}

/** One annexure page: a heading and 1–4 evidence items in a grid chosen by their aspect ratios. */
export interface AnnexurePage {
  readonly section: string;
  readonly heading: string;
  /** `1x1` a single item (documents), `1x2` two stacked, `2x1` two side by side, `2x2` four. */
  readonly grid: '1x1' | '1x2' | '2x1' | '2x2' | '1x3';
  readonly evidenceIds: readonly string[];
}

export interface LayoutResult {
  readonly pages: readonly AnnexurePage[];
}

export interface ExtractRequest {
  readonly kind: string;
  readonly text: string;
  /** Per-word OCR confidence (0–100), aligned with the text's words when the OCR gives it. */
  readonly meanConfidence?: number;
}

export interface FieldProposal {
  /** JSON pointer of the input field (`/inspection/lat`). */
  readonly field: string;
  readonly value: JsonValue;
  /** 0 to 1. */
  readonly confidence: number;
  readonly sourceText: string;
}

export interface ExtractResult {
  readonly proposals: readonly FieldProposal[];
}

/** What `describe` answers: the names the pack's formulas and rules declare, for the host and the UI. */
export interface PackDescription {
  readonly formulas: readonly { readonly name: string; readonly description: string; readonly unit?: string }[];
  readonly rules: readonly { readonly code: string; readonly description: string }[];
  readonly operations: readonly PackOperation[];
  /** The defaults of the settings a tenant may change; absent from packs built before settings were described. */
  readonly settings?: { readonly [key: string]: JsonValue };
}

export interface PackRequestMap {
  compute: ComputeRequest;
  rules: RulesRequest;
  layout: LayoutRequest;
  extract: ExtractRequest;
  describe: Record<string, never>;
}

export interface PackResultMap {
  compute: ComputeResult;
  rules: { readonly warnings: readonly PackWarning[] };
  layout: LayoutResult;
  extract: ExtractResult;
  describe: PackDescription;
}

/**
 * The envelope `invoke` returns, as a JSON string. A pack's own failure is reported, never
 * thrown across the boundary, so no stack or host object can leak either way.
 */
export type InvokeResponse<T = JsonValue> =
  | { readonly ok: true; readonly result: T }
  | { readonly ok: false; readonly error: { readonly code: string; readonly message: string } };

/**
 * A built pack's `logic.js` is one classic script (esbuild IIFE) with no imports. Evaluated in
 * an empty context, it defines exactly this global; the host calls `invoke` with a string
 * and receives a string.
 */
export const PACK_GLOBAL = '__repogenPack';

export interface PackGlobal {
  invoke(operation: string, requestJson: string): string;
}

/**
 * The value name under which a pack returns its charts: `values.charts` is a list of chart
 * specs. Packs give numbers only; the host draws each chart and places it into the template's
 * picture whose alt text is `evidence:chart.<id>`.
 */
export const CHARTS_VALUE = 'charts';

/** The prefix of a chart's picture slot: chart `dscr` fills the slot `evidence:chart.dscr`. */
export const CHART_SLOT_PREFIX = 'chart.';

/** One series of a chart: a value per category; `null` leaves a gap. */
export interface ChartSeries {
  readonly name: string;
  readonly values: readonly (number | null)[];
}

/** A horizontal line across a chart, such as a DSCR comfort level. */
export interface ChartReferenceLine {
  readonly label: string;
  readonly value: number;
}

/**
 * A chart as numbers: `bar` draws grouped vertical bars, `hbar` horizontal bars (one row per
 * category), `line` a line per series. `unit` is printed on the value axis (`₹ in lakh`, `%`, `×`).
 */
export interface ChartSpec {
  readonly id: string;
  readonly kind: 'bar' | 'hbar' | 'line';
  readonly title: string;
  readonly unit: string;
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
  readonly referenceLines?: readonly ChartReferenceLine[];
  /** Fixes the value axis (e.g. 0–100 for percentages); otherwise it fits the data. */
  readonly min?: number;
  readonly max?: number;
}
