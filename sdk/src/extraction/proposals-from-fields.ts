import type { FieldProposal } from '../contract/index.js';
import { ratePerSqftToPerSqm, SQFT_PER_SQM } from '../runtime/area.js';
import { roundToDecimals } from '../runtime/rounding.js';
import type { ExtractedFields } from './extracted-field.js';

/**
 * Where readings go in report data, for packs of the valuation family. A pointer a pack's schema
 * does not have is skipped by the host; a pack proposes its own fields through `extract`.
 */
export const FIELD_POINTERS = {
  lat: '/property/gps/lat',
  long: '/property/gps/lng',
  date: '/reportMeta/inspectionDate',
  time: '/reportMeta/inspectionTime',
  rate: '/guideline/landRatePerSqm',
  value: '/guideline/value',
} as const;

/** The most a rate read without its unit is trusted: guideline rates are per sqm, but not always. */
const UNITLESS_RATE_CONFIDENCE = 0.5;

/**
 * Turns extracted fields into proposals on report fields. A rate per sqft is stated per sqm, as
 * the report's field is; a rate whose unit was not read is assumed per sqm and trusted less.
 */
export function proposalsFromFields(fields: ExtractedFields): FieldProposal[] {
  const proposals: FieldProposal[] = [];
  for (const name of ['lat', 'long', 'date', 'time', 'value'] as const) {
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
      value: perSqft ? roundToDecimals(ratePerSqftToPerSqm(rate.value), 2) : rate.value,
      confidence: fields.unit ? rate.confidence : Math.min(rate.confidence, UNITLESS_RATE_CONFIDENCE),
      sourceText: perSqft ? `${rate.sourceText} (per sqft × ${SQFT_PER_SQM})` : rate.sourceText,
    });
  }
  return proposals;
}
