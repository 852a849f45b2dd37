import { roundConfidence, type ExtractedField } from '@repogen/sdk';

/** Words and phrases that mark each kind of title or approval document. */
const SIGNALS: Readonly<Record<string, readonly RegExp[]>> = {
  'document.sale_deed': [
    /\bsale\s*deed\b/i,
    /\bvendors?\b/i,
    /\bvendees?\b/i,
    /\bpurchasers?\b/i,
    /\bconveyance\b/i,
    /\bsale\s*consideration\b/i,
  ],
  'document.rtc': [
    /\brecord\s*of\s*rights\b/i,
    /\brtc\b/i,
    /\b7\s*\/\s*12\b/,
    /\bpahani\b/i,
    /\butt?ara\b/i,
    /\bkhata\b/i,
    /\bsatbara\b/i,
  ],
  'document.na_order': [
    /\bnon[-\s]*agricultural\b/i,
    /\bn\.?\s*a\.?\s*order\b/i,
    /\bconversion\b/i,
    /\bcollector\b/i,
    /\bland\s*revenue\b/i,
  ],
  'document.layout_plan': [
    /\blayout\s*plan\b/i,
    /\bsanctioned\s*layout\b/i,
    /\bamenity\s*space\b/i,
    /\bopen\s*space\b/i,
    /\bplot\s*nos?\b/i,
  ],
  'document.building_permission': [
    /\bbuilding\s*permission\b/i,
    /\bcommencement\s*certificate\b/i,
    /\bbuilding\s*plan\b/i,
    /\bsanction(?:ed)?\s*plan\b/i,
    /\bfsi\b/i,
  ],
  'document.completion_certificate': [
    /\bcompletion\s*certificate\b/i,
    /\boccupa(?:ncy|tion)\s*certificate\b/i,
    /\bfit\s*for\s*occupation\b/i,
  ],
};

/**
 * The document kind named by a document's words, scored by how many of its signals occur;
 * the confidence grows with the lead over the runner-up, so a page that mentions two kinds
 * is left for the operator to confirm.
 */
export function classifyDocument(text: string): ExtractedField | undefined {
  const scores = Object.entries(SIGNALS)
    .map(([kind, signals]) => ({ kind, hits: signals.filter((signal) => signal.test(text)) }))
    .filter((entry) => entry.hits.length > 0)
    .sort((a, b) => b.hits.length - a.hits.length);
  const best = scores[0];
  if (!best) return undefined;
  const lead = best.hits.length - (scores[1]?.hits.length ?? 0);
  const confidence = Math.min(0.95, 0.4 + 0.15 * best.hits.length + 0.1 * lead);
  const first = best.hits[0]!.exec(text);
  return { value: best.kind, confidence: roundConfidence(confidence), sourceText: first ? first[0] : '' };
}
