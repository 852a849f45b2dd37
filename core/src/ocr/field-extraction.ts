import { parseCoordinates, parseDateTime, parseGuideline, type ExtractedFields, type OcrLine } from '@repogen/sdk';
import { classifyDocument } from './document-type-classifier.js';

/** Which reading a kind gets: a GPS photo's overlay, a guideline screenshot, a document's words. */
export type ExtractorName = 'gps-overlay' | 'guideline-rate' | 'document-type';

export function extractorFor(kind: string): ExtractorName | undefined {
  if (kind === 'photo.gps') return 'gps-overlay';
  if (kind === 'screenshot.guideline') return 'guideline-rate';
  if (kind.startsWith('document.')) return 'document-type';
  return undefined;
}

/** The host's own reading of OCR text; a pack's `extract` may add fields of its own. */
export function extractFields(
  extractor: ExtractorName,
  ocr: { readonly text: string; readonly confidence: number; readonly lines: readonly OcrLine[] },
): ExtractedFields {
  switch (extractor) {
    case 'gps-overlay':
      return { ...parseCoordinates(ocr.lines), ...parseDateTime(ocr.lines) };
    case 'guideline-rate':
      return { ...parseGuideline(ocr.lines) };
    case 'document-type': {
      const documentType = classifyDocument(ocr.text);
      return documentType ? { documentType } : {};
    }
  }
}

/** The least confident field decides: one doubtful field makes the whole reading doubtful. */
export function overallConfidence(fields: ExtractedFields): number {
  const values = Object.values(fields).map((field) => field.confidence);
  return values.length === 0 ? 0 : Math.min(...values);
}
