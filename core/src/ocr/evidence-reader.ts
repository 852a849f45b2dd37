import { parseCoordinates, parseGuideline, type ExtractedFields, type FieldName } from '@repogen/sdk';
import { extractFields, extractorFor, overallConfidence } from './field-extraction.js';
import { prepareForOcr, type PreparationProfile } from './image-preparation.js';
import { regionInSource, regionOfSourceText, type ImageRegion, type LocatedLine } from './image-region.js';
import type { OcrEngine, OcrLayout, OcrResult } from './ocr-engine.js';
import { classifyDocument } from './document-type-classifier.js';

/** What reading one image gave: the kind (given or detected), the text and the fields. */
export interface EvidenceReading {
  readonly kind: string;
  readonly ocr: OcrResult;
  /** The recognised lines and where each lies in the image. */
  readonly located: readonly LocatedLine[];
  readonly fields: ExtractedFields;
  /** Where in the image each field was read. */
  readonly regions: Partial<Record<FieldName, ImageRegion>>;
  readonly confidence: number;
}

/** One recognition of a prepared image. */
interface Recognition {
  readonly ocr: OcrResult;
  readonly located: readonly LocatedLine[];
}

const PROFILE_BY_EXTRACTOR = {
  'gps-overlay': 'overlay-band',
  'guideline-rate': 'screenshot',
  'document-type': 'page',
} as const;

const NOTHING_READ: Recognition = { ocr: { text: '', confidence: 0, lines: [] }, located: [] };

/**
 * Prepares, reads and extracts one image. Without a kind it tells a GPS-camera photo (its
 * overlay band holds coordinates) from a guideline screenshot or a document (by their words),
 * as the upload hub must; anything else stays a plain photo with no fields.
 */
export async function readEvidenceImage(engine: OcrEngine, bytes: Buffer, kind?: string): Promise<EvidenceReading> {
  if (kind !== undefined) {
    const extractor = extractorFor(kind);
    if (!extractor) return reading(kind, NOTHING_READ, {});
    const read = await recognise(engine, bytes, PROFILE_BY_EXTRACTOR[extractor]);
    const fields = extractFields(extractor, read.ocr);
    // Some camera apps print the overlay at the top: without coordinates in the band, the whole photo is read.
    if (extractor === 'gps-overlay' && fields.lat === undefined && fields.long === undefined) {
      const whole = await recognise(engine, bytes, 'screenshot');
      const wholeFields = extractFields(extractor, whole.ocr);
      if (wholeFields.lat !== undefined || wholeFields.long !== undefined) return reading(kind, whole, wholeFields);
    }
    return reading(kind, read, fields);
  }
  const band = await recognise(engine, bytes, 'overlay-band');
  const coordinates = parseCoordinates(band.ocr.lines);
  if (coordinates.lat || coordinates.long) return reading('photo.gps', band, extractFields('gps-overlay', band.ocr));
  const page = await recognise(engine, bytes, 'screenshot');
  const guideline = parseGuideline(page.ocr.lines);
  if (guideline.rate && /guideline|ready\s*reckoner|circle\s*rate|rate/i.test(page.ocr.text)) {
    return reading('screenshot.guideline', page, extractFields('guideline-rate', page.ocr));
  }
  const documentType = classifyDocument(page.ocr.text);
  if (documentType) return reading(String(documentType.value), page, { documentType }, documentType.confidence);
  return reading('photo.exterior', page, {}, 0);
}

function reading(
  kind: string,
  read: Recognition,
  fields: ExtractedFields,
  confidence = overallConfidence(fields),
): EvidenceReading {
  const regions: Partial<Record<FieldName, ImageRegion>> = {};
  for (const [name, field] of Object.entries(fields) as [FieldName, { sourceText: string }][]) {
    const region = regionOfSourceText(field.sourceText, read.located);
    if (region) regions[name] = region;
  }
  return { kind, ocr: read.ocr, located: read.located, fields, regions, confidence };
}

async function recognise(engine: OcrEngine, bytes: Buffer, profile: PreparationProfile): Promise<Recognition> {
  const prepared = await prepareForOcr(bytes, profile);
  const layout: OcrLayout = profile === 'overlay-band' ? 'block' : 'page';
  const ocr = await engine.recognize(prepared.png, layout);
  return { ocr, located: ocr.lines.map((line) => ({ text: line.text, region: regionInSource(line.box, prepared) })) };
}
