import { lineConfidence, repairDigits, roundConfidence, type ExtractedField } from './extracted-field.js';
import type { OcrLine } from './ocr-engine.js';

export interface ParsedCoordinates {
  readonly lat?: ExtractedField;
  readonly long?: ExtractedField;
}

const DEGREE = '[°º˚*o]';
const NUMBER_LAT = String.raw`[-+]?\d{1,2}[.,]\d{3,9}`;
const NUMBER_LONG = String.raw`[-+]?\d{1,3}[.,]\d{3,9}`;
const LABELLED_LAT = new RegExp(
  String.raw`\blat(?:itude)?\b\.?\s*[:=]?\s*(${NUMBER_LAT})\s*${DEGREE}?\s*([NS])?\b`,
  'i',
);
const LABELLED_LONG = new RegExp(
  String.raw`\b(?:long(?:itude)?|lng|lon)\b\.?\s*[:=]?\s*(${NUMBER_LONG})\s*${DEGREE}?\s*([EW])?\b`,
  'i',
);
const HEMISPHERE_PAIR = new RegExp(
  String.raw`(${NUMBER_LAT})\s*${DEGREE}?\s*([NS])\b[\s,;]*(${NUMBER_LONG})\s*${DEGREE}?\s*([EW])\b`,
  'i',
);
const DMS = new RegExp(
  String.raw`(\d{1,3})\s*${DEGREE}\s*(\d{1,2})\s*['’′\`]\s*(\d{1,2}(?:[.,]\d{1,4})?)\s*(?:["”″]|'')?\s*([NSEW])\b`,
  'gi',
);
const PLAIN_PAIR = /([-+]?\d{1,2}\.\d{4,9})\s*,\s*([-+]?\d{1,3}\.\d{4,9})/;

/** India's extent with a margin: a reading outside it is likely misread, so it is flagged. */
const INDIA = { lat: [6, 38], long: [68, 98] } as const;

/**
 * Latitude and longitude from GPS-camera overlay lines: labelled decimals (`Lat 18.520430°`),
 * decimals with hemispheres (`18.520430N 73.856744E`), degrees-minutes-seconds
 * (`18°31'13.5"N`), or a bare pair. Out-of-range values are dropped: a wrong latitude in a
 * bank report is worse than a missing one.
 */
export function parseCoordinates(lines: readonly OcrLine[]): ParsedCoordinates {
  let lat: ExtractedField | undefined;
  let long: ExtractedField | undefined;
  const take = (which: 'lat' | 'long', value: number, confidence: number, sourceText: string) => {
    const bound = which === 'lat' ? 90 : 180;
    if (!Number.isFinite(value) || Math.abs(value) > bound) return;
    const [low, high] = INDIA[which];
    const plausible = value >= low && value <= high;
    const field = {
      value: round(value),
      confidence: roundConfidence(confidence * (plausible ? 1 : 0.6)),
      sourceText: sourceText.trim(),
    };
    if (which === 'lat' && (!lat || field.confidence > lat.confidence)) lat = field;
    if (which === 'long' && (!long || field.confidence > long.confidence)) long = field;
  };

  for (const line of lines) {
    const text = repairDigits(line.text);
    const confidence = lineConfidence(line);
    const latMatch = LABELLED_LAT.exec(text);
    if (latMatch) take('lat', signed(decimal(latMatch[1]!), latMatch[2]), confidence, line.text);
    const longMatch = LABELLED_LONG.exec(text);
    if (longMatch) take('long', signed(decimal(longMatch[1]!), longMatch[2]), confidence, line.text);
    if (latMatch || longMatch) continue;

    const pair = HEMISPHERE_PAIR.exec(text);
    if (pair) {
      take('lat', signed(decimal(pair[1]!), pair[2]), confidence, line.text);
      take('long', signed(decimal(pair[3]!), pair[4]), confidence, line.text);
      continue;
    }
    let dmsFound = false;
    for (const dms of text.matchAll(DMS)) {
      const [, degrees, minutes, seconds, hemisphere] = dms;
      const value = Number(degrees) + Number(minutes) / 60 + decimal(seconds!) / 3600;
      if (Number(minutes) >= 60 || decimal(seconds!) >= 60) continue;
      dmsFound = true;
      const which = /[NS]/i.test(hemisphere!) ? 'lat' : 'long';
      take(which, signed(value, hemisphere), confidence * 0.95, line.text);
    }
    if (dmsFound) continue;
    const plain = PLAIN_PAIR.exec(text);
    if (plain) {
      take('lat', Number(plain[1]), confidence * 0.8, line.text);
      take('long', Number(plain[2]), confidence * 0.8, line.text);
    }
  }
  return { ...(lat ? { lat } : {}), ...(long ? { long } : {}) };
}

/** `18,520430` is a decimal comma here: coordinates are never digit-grouped. */
function decimal(text: string): number {
  return Number(text.replace(',', '.'));
}

function signed(value: number, hemisphere: string | undefined): number {
  return hemisphere && /[SW]/i.test(hemisphere) ? -Math.abs(value) : value;
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
