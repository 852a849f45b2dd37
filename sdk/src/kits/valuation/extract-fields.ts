import type { ExtractRequest, ExtractResult, FieldProposal } from '../../contract/index.js';

const LAT = /\bLat(?:itude)?\s*[:=]?\s*(-?\d{1,2}\.\d{4,8})/i;
const LNG = /\bLo?ng(?:itude)?\s*[:=]?\s*(-?\d{1,3}\.\d{4,8})/i;
const DATE_DMY = /\b(\d{2})[/.-](\d{2})[/.-](\d{4})\b/;
const RATE =
  /(?:rate|₹|rs\.?)\s*[:/-]?\s*(?:per\s*sq\.?\s*m\.?)?\s*[:=]?\s*₹?\s*((?:\d{1,3},)*(?:\d{2},)*\d{3}|\d+)(?:\.\d+)?/i;

/**
 * Proposes fields from OCR text: the GPS-camera overlay gives the site coordinates and the
 * inspection date; the guideline screenshot gives the land rate. The operator confirms each.
 */
export function extractValuationFields(request: ExtractRequest): ExtractResult {
  const confidence = Math.max(0, Math.min(1, (request.meanConfidence ?? 80) / 100));
  const proposals: FieldProposal[] = [];
  if (request.kind === 'photo.gps') {
    const lat = LAT.exec(request.text);
    const lng = LNG.exec(request.text);
    const date = DATE_DMY.exec(request.text);
    if (lat?.[1]) proposals.push({ field: '/property/gps/lat', value: Number(lat[1]), confidence, sourceText: lat[0] });
    if (lng?.[1]) proposals.push({ field: '/property/gps/lng', value: Number(lng[1]), confidence, sourceText: lng[0] });
    if (date?.[1] && date[2] && date[3])
      proposals.push({
        field: '/reportMeta/inspectionDate',
        value: `${date[3]}-${date[2]}-${date[1]}`,
        confidence,
        sourceText: date[0],
      });
  }
  if (request.kind === 'screenshot.guideline') {
    const rate = RATE.exec(request.text);
    if (rate?.[1])
      proposals.push({
        field: '/guideline/landRatePerSqm',
        value: Number(rate[1].replace(/,/g, '')),
        confidence: confidence * 0.8,
        sourceText: rate[0],
      });
  }
  return { proposals };
}
