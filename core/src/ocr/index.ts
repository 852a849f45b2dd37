export { classifyDocument } from './document-type-classifier.js';
export { readEvidenceImage, type EvidenceReading } from './evidence-reader.js';
export { extractFields, extractorFor, overallConfidence, type ExtractorName } from './field-extraction.js';
export { otsuLevel, prepareForOcr, type PreparationProfile, type PreparedImage } from './image-preparation.js';
export {
  createTesseractEngine,
  englishLanguageDir,
  type OcrEngine,
  type OcrLayout,
  type OcrResult,
} from './ocr-engine.js';
