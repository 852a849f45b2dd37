import { lineConfidence, repairDigits, roundConfidence, type ExtractedField, type OcrLine } from './extracted-field.js';

/** The guideline rate in the unit it was printed in, that unit (sqm or sqft), and the guideline value. */
export interface ParsedGuideline {
  readonly rate?: ExtractedField;
  readonly unit?: ExtractedField;
  readonly value?: ExtractedField;
}

// `per sq` runs straight into its unit (`per sqm`, `per sq.ft`): no word boundary after it.
const RATE_WORD = /\brate\b|\bper\s*sq/i;
const VALUE_WORD = /\b(?:guideline|market|total|government)\s*value\b(?!\s*per)/i;
/** Indian (1,23,450) or Western (123,450) grouping, or none; an optional decimal part. */
const AMOUNT = /(?<![\d.,])(\d{1,3}(?:,\d{2})+,\d{3}|\d{1,3}(?:,\d{3})+|\d+)(\.\d{1,2})?(?![\d,])/g;
const INDIAN = /^\d{1,2}(?:,\d{2})*,\d{3}$/;
const WESTERN = /^\d{1,3}(?:,\d{3})+$/;
const SQM = /\b(?:sq\.?\s*m(?:t|tr|trs|tr\.|etre|eter|eters|etres)?s?\b|sqm\b|square\s*met(?:re|er)s?|m2\b|m²)/i;
const SQFT = /\b(?:sq\.?\s*f(?:ee)?t\.?|sqft\b|square\s*f(?:ee|oo)t|ft2\b|ft²)/i;

/**
 * The guideline (circle) rate and its unit from a guideline-value screenshot: the first amount
 * after a rate label on its line (or on the next line, for a table's header and row), with the
 * unit named near it. Digit grouping may be Indian or Western; a grouping that is neither is
 * read but trusted less.
 */
export function parseGuideline(lines: readonly OcrLine[]): ParsedGuideline {
  let rate: ExtractedField | undefined;
  let unit: ExtractedField | undefined;
  let value: ExtractedField | undefined;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    const text = repairDigits(line.text);
    const confidence = lineConfidence(line);
    const rateLabel = RATE_WORD.exec(text);
    if (!rate && rateLabel) {
      const after = text.slice(rateLabel.index + rateLabel[0].length);
      let amount = firstAmount(after);
      let source = line.text;
      let sourceConfidence = confidence;
      const next = lines[index + 1];
      if (!amount && next) {
        amount = firstAmount(repairDigits(next.text));
        source = `${line.text} / ${next.text}`;
        sourceConfidence = Math.min(confidence, lineConfidence(next)) * 0.9;
      }
      if (amount) {
        rate = {
          value: amount.value,
          confidence: roundConfidence(sourceConfidence * amount.certainty),
          sourceText: source.trim(),
        };
        const unitName =
          unitIn(text) ?? (next ? unitIn(next.text) : undefined) ?? unitIn(lines.map((l) => l.text).join(' '));
        if (unitName) unit = { value: unitName, confidence: roundConfidence(confidence), sourceText: line.text.trim() };
      }
      continue;
    }
    const valueLabel = VALUE_WORD.exec(text);
    if (!value && valueLabel) {
      const amount = firstAmount(text.slice(valueLabel.index + valueLabel[0].length));
      if (amount)
        value = {
          value: amount.value,
          confidence: roundConfidence(confidence * amount.certainty),
          sourceText: line.text.trim(),
        };
    }
  }
  return { ...(rate ? { rate } : {}), ...(unit ? { unit } : {}), ...(value ? { value } : {}) };
}

function firstAmount(text: string): { value: number; certainty: number } | undefined {
  // A unit's digits (m2, ft2) and survey numbers such as 12/3 are not amounts.
  const cleaned = text
    .replace(/\b(?:m|ft)[2²]\b/gi, ' ')
    .replace(/\d+\s*\/\s*\d+/g, ' ')
    .replace(/\b(?:19|20)\d{2}\s*-\s*\d{2,4}\b/g, ' ');
  for (const match of cleaned.matchAll(AMOUNT)) {
    const whole = match[1]!;
    const amount = Number(whole.replace(/,/g, '') + (match[2] ?? ''));
    if (!Number.isFinite(amount) || amount < 10) continue;
    const grouped = whole.includes(',');
    const wellGrouped = !grouped || INDIAN.test(whole) || WESTERN.test(whole);
    return { value: amount, certainty: wellGrouped ? 1 : 0.6 };
  }
  return undefined;
}

function unitIn(text: string): 'sqm' | 'sqft' | undefined {
  const sqft = SQFT.exec(text);
  const sqm = SQM.exec(text);
  if (sqft && sqm) return sqft.index < sqm.index ? 'sqft' : 'sqm';
  return sqft ? 'sqft' : sqm ? 'sqm' : undefined;
}
