import type { JsonValue } from '@repogen/sdk';
import type { ExtractedFields } from '../ocr/extracted-field.js';

/** 1 sqm = 10.7639 sqft: a rate per sqft times this is the rate per sqm. */
const SQFT_PER_SQM = 10.7639;

/**
 * Where the host's readings go in report data, for packs of the valuation family. A pointer the
 * pack's schema does not have is skipped (`schemaHasPointer`); a pack proposes its own fields
 * through `extract`.
 */
export const FIELD_POINTERS = {
  lat: '/property/gps/lat',
  long: '/property/gps/lng',
  date: '/reportMeta/inspectionDate',
  rate: '/guideline/landRatePerSqm',
} as const;

export interface PointedProposal {
  readonly field: string;
  readonly value: JsonValue;
  readonly confidence: number;
  readonly sourceText: string;
}

/** Turns extracted fields into proposals on report fields; a rate per sqft is stated per sqm. */
export function proposalsFromFields(fields: ExtractedFields): PointedProposal[] {
  const proposals: PointedProposal[] = [];
  for (const name of ['lat', 'long', 'date'] as const) {
    const field = fields[name];
    if (field)
      proposals.push({
        field: FIELD_POINTERS[name],
        value: field.value,
        confidence: field.confidence,
        sourceText: field.sourceText,
      });
  }
  const rate = fields.rate;
  if (rate && typeof rate.value === 'number') {
    const perSqft = fields.unit?.value === 'sqft';
    proposals.push({
      field: FIELD_POINTERS.rate,
      value: perSqft ? Math.round(rate.value * SQFT_PER_SQM * 100) / 100 : rate.value,
      // A missing unit is assumed per sqm (guideline rates are), with less certainty.
      confidence: fields.unit ? rate.confidence : Math.min(rate.confidence, 0.5),
      sourceText: perSqft ? `${rate.sourceText} (per sqft × ${SQFT_PER_SQM})` : rate.sourceText,
    });
  }
  return proposals;
}

/** Whether a JSON Schema (objects with `properties`) declares the path a pointer names. */
export function schemaHasPointer(schema: JsonValue, pointer: string): boolean {
  let node: JsonValue | undefined = schema;
  for (const segment of pointer.split('/').slice(1)) {
    const properties: JsonValue | undefined = isObject(node) ? node.properties : undefined;
    node = isObject(properties) ? properties[segment.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    if (node === undefined) return false;
  }
  return true;
}

function isObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
