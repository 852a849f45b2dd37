/** One line of recognised text with the OCR's confidence for it (0–100). */
export interface OcrLine {
  readonly text: string;
  readonly confidence: number;
}

/** The fields read from evidence, in the units the CLI and proposals use. */
export type FieldName = 'lat' | 'long' | 'date' | 'time' | 'rate' | 'unit' | 'value' | 'documentType';

/** One field read from OCR text, with how sure the reading is and the text it came from. */
export interface ExtractedField {
  /** `date` as YYYY-MM-DD, `time` as HH:MM (24 h), `unit` as sqm or sqft, numbers as numbers. */
  readonly value: number | string;
  /** 0 to 1: the OCR's confidence in the line, lowered where the reading is ambiguous. */
  readonly confidence: number;
  readonly sourceText: string;
}

/** The fields read from one evidence item, by name. */
export type ExtractedFields = Partial<Record<FieldName, ExtractedField>>;

/** Below this a proposal carries a low-confidence warning (never a block). */
export const LOW_CONFIDENCE = 0.6;

/** A line's OCR confidence (0–100) as 0 to 1. */
export function lineConfidence(line: OcrLine): number {
  return Math.max(0, Math.min(1, line.confidence / 100));
}

/** A confidence clamped to 0–1 and rounded to two places, as proposals store it. */
export function roundConfidence(value: number): number {
  return Math.round(Math.max(0, Math.min(1, value)) * 100) / 100;
}

/**
 * Plain OCR text as lines that all carry the page's mean confidence: what a pack's `extract`
 * gets is the text and that mean, not the OCR's lines.
 */
export function linesOfText(text: string, meanConfidence: number): OcrLine[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => ({ text: line, confidence: meanConfidence }));
}

/**
 * Undoes the usual OCR slips inside numbers only (O for 0, l or I for 1, a comma for a decimal
 * point between digits is left alone: it may be digit grouping). Words are not touched.
 */
export function repairDigits(text: string): string {
  return text.replace(/[0-9OolI|]{2,}(?:[.,:][0-9OolI|]+)*/g, (token) =>
    /\d/.test(token) && (token.match(/\d/g)?.length ?? 0) >= 2
      ? token.replace(/[Oo]/g, '0').replace(/[lI|]/g, '1')
      : token,
  );
}
