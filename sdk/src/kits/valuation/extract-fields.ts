import type { ExtractRequest, ExtractResult } from '../../contract/index.js';
import { parseCoordinates } from '../../extraction/coordinate-parser.js';
import { parseDateTime } from '../../extraction/date-time-parser.js';
import { linesOfText, type ExtractedFields } from '../../extraction/extracted-field.js';
import { parseGuideline } from '../../extraction/guideline-rate-parser.js';
import { proposalsFromFields } from '../../extraction/proposals-from-fields.js';

/** Assumed when the host sends no mean confidence: a clean screen capture reads at about this. */
const DEFAULT_MEAN_CONFIDENCE = 80;

/**
 * Proposes fields from OCR text with the parsers the host reads evidence with: the GPS-camera
 * overlay gives the site coordinates and the inspection date and time; the guideline screenshot
 * gives the land rate (stated per sqm whatever unit it was read in) and the guideline value.
 * The operator confirms each.
 */
export function extractValuationFields(request: ExtractRequest): ExtractResult {
  const lines = linesOfText(request.text, request.meanConfidence ?? DEFAULT_MEAN_CONFIDENCE);
  let fields: ExtractedFields = {};
  if (request.kind === 'photo.gps') fields = { ...parseCoordinates(lines), ...parseDateTime(lines) };
  if (request.kind === 'screenshot.guideline') fields = parseGuideline(lines);
  return { proposals: proposalsFromFields(fields) };
}
