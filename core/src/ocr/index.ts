export { parseCoordinates, type ParsedCoordinates } from './coordinate-parser.js';
export { parseDateTime, type ParsedDateTime } from './date-time-parser.js';
export { classifyDocument } from './document-type-classifier.js';
export { readEvidenceImage, type EvidenceReading } from './evidence-reader.js';
export { LOW_CONFIDENCE, type ExtractedField, type ExtractedFields, type FieldName } from './extracted-field.js';
export { extractFields, extractorFor, overallConfidence, type ExtractorName } from './field-extraction.js';
export { parseGuideline, type ParsedGuideline } from './guideline-rate-parser.js';
export { otsuLevel, prepareForOcr, type PreparationProfile, type PreparedImage } from './image-preparation.js';
export {
  createTesseractEngine,
  englishLanguageDir,
  type OcrEngine,
  type OcrLayout,
  type OcrLine,
  type OcrResult,
} from './ocr-engine.js';
