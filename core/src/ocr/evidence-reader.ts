import { parseCoordinates, parseGuideline, type ExtractedFields } from '@repogen/sdk';
import { extractFields, extractorFor, overallConfidence } from './field-extraction.js';
import { prepareForOcr, type PreparationProfile } from './image-preparation.js';
import type { OcrEngine, OcrLayout, OcrResult } from './ocr-engine.js';
import { classifyDocument } from './document-type-classifier.js';

/** What reading one image gave: the kind (given or detected), the text and the fields. */
export interface EvidenceReading {
  readonly kind: string;
  readonly ocr: OcrResult;
  readonly fields: ExtractedFields;
  readonly confidence: number;
}

const PROFILE_BY_EXTRACTOR = {
  'gps-overlay': 'overlay-band',
  'guideline-rate': 'screenshot',
  'document-type': 'page',
} as const;

/**
 * Prepares, reads and extracts one image. Without a kind it tells a GPS-camera photo (its
 * overlay band holds coordinates) from a guideline screenshot or a document (by their words),
 * as the upload hub must; anything else stays a plain photo with no fields.
 */
export async function readEvidenceImage(engine: OcrEngine, bytes: Buffer, kind?: string): Promise<EvidenceReading> {
  if (kind !== undefined) {
    const extractor = extractorFor(kind);
    if (!extractor) return { kind, ocr: { text: '', confidence: 0, lines: [] }, fields: {}, confidence: 0 };
    const ocr = await recognise(engine, bytes, PROFILE_BY_EXTRACTOR[extractor]);
    const fields = extractFields(extractor, ocr);
    // Some camera apps print the overlay at the top: without coordinates in the band, the whole photo is read.
    if (extractor === 'gps-overlay' && fields.lat === undefined && fields.long === undefined) {
      const whole = await recognise(engine, bytes, 'screenshot');
      const wholeFields = extractFields(extractor, whole);
      if (wholeFields.lat !== undefined || wholeFields.long !== undefined)
        return { kind, ocr: whole, fields: wholeFields, confidence: overallConfidence(wholeFields) };
    }
    return { kind, ocr, fields, confidence: overallConfidence(fields) };
  }
  const band = await recognise(engine, bytes, 'overlay-band');
  const coordinates = parseCoordinates(band.lines);
  if (coordinates.lat || coordinates.long) {
    const fields = extractFields('gps-overlay', band);
    return { kind: 'photo.gps', ocr: band, fields, confidence: overallConfidence(fields) };
  }
  const page = await recognise(engine, bytes, 'screenshot');
  const guideline = parseGuideline(page.lines);
  if (guideline.rate && /guideline|ready\s*reckoner|circle\s*rate|rate/i.test(page.text)) {
    const fields = extractFields('guideline-rate', page);
    return { kind: 'screenshot.guideline', ocr: page, fields, confidence: overallConfidence(fields) };
  }
  const documentType = classifyDocument(page.text);
  if (documentType) {
    return {
      kind: String(documentType.value),
      ocr: page,
      fields: { documentType },
      confidence: documentType.confidence,
    };
  }
  return { kind: 'photo.exterior', ocr: page, fields: {}, confidence: 0 };
}

async function recognise(engine: OcrEngine, bytes: Buffer, profile: PreparationProfile): Promise<OcrResult> {
  const prepared = await prepareForOcr(bytes, profile);
  const layout: OcrLayout = profile === 'overlay-band' ? 'block' : 'page';
  return engine.recognize(prepared.png, layout);
}
