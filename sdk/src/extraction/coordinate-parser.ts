import { lineConfidence, repairDigits, roundConfidence, type ExtractedField, type OcrLine } from './extracted-field.js';

/** The coordinates read from overlay lines, in decimal degrees (south and west negative). */
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
const HEMISPHERE_FIRST_PAIR = new RegExp(
  String.raw`\b([NS])\s*(${NUMBER_LAT})\s*${DEGREE}?[\s,;]*([EW])\s*(${NUMBER_LONG})\s*${DEGREE}?(?![\d.,])`,
  'i',
);
/**
 * Degrees and minutes with optional seconds (`18°31'13.5"`), or degrees and decimal minutes
 * (`18°31.2258'`); the hemisphere letter is found beside it, before or after.
 */
const ANGLE = new RegExp(
  String.raw`(\d{1,3})\s*${DEGREE}\s*(\d{1,2}(?:[.,]\d{1,6})?)\s*['’′\`]\s*(?:(\d{1,2}(?:[.,]\d{1,4})?)(?!\d)\s*(?:["”″]|'')?)?`,
  'g',
);
const LETTER_AFTER = /^\s*([NSEW])\b/i;
const LETTER_BEFORE = /\b([NSEW])[\s,;]*$/i;
const PLAIN_PAIR = /([-+]?\d{1,2}\.\d{4,9})\s*,\s*([-+]?\d{1,3}\.\d{4,9})/;

/** India's extent with a margin: a reading outside it is likely misread, so it is flagged. */
const INDIA = { lat: [6, 38], long: [68, 98] } as const;

/**
 * Latitude and longitude from GPS-camera overlay lines: labelled decimals (`Lat 18.520430°`),
 * decimals with hemispheres (`18.520430N 73.856744E`, `N 18.520430 E 73.856744`),
 * degrees-minutes-seconds or degrees and decimal minutes with the hemisphere after or before
 * (`18°31'13.5"N`, `N 18°31.2258'`), or a bare pair. Out-of-range values are dropped: a wrong
 * latitude in a bank report is worse than a missing one.
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
    const firstPair = HEMISPHERE_FIRST_PAIR.exec(text);
    if (firstPair) {
      take('lat', signed(decimal(firstPair[2]!), firstPair[1]), confidence, line.text);
      take('long', signed(decimal(firstPair[4]!), firstPair[3]), confidence, line.text);
      continue;
    }
    const angles = anglesIn(text);
    for (const angle of angles) take(angle.which, angle.value, confidence * 0.95, line.text);
    if (angles.length > 0) continue;
    const plain = PLAIN_PAIR.exec(text);
    if (plain) {
      take('lat', Number(plain[1]), confidence * 0.8, line.text);
      take('long', Number(plain[2]), confidence * 0.8, line.text);
    }
  }
  return { ...(lat ? { lat } : {}), ...(long ? { long } : {}) };
}

interface Angle {
  readonly which: 'lat' | 'long';
  readonly value: number;
}

/**
 * The angles on a line with their hemispheres. A line writes every letter after its angle
 * (`18°31'13.5"N 73°51'24.3"E`) or every letter before it (`N 18°31'13.5" E 73°51'24.3"`):
 * reading letters after first would give the latitude the longitude's letter in the second.
 */
function anglesIn(text: string): Angle[] {
  const found: { value: number; after?: string; before?: string }[] = [];
  for (const match of text.matchAll(ANGLE)) {
    const [whole, degrees, minutes, seconds] = match;
    const minuteValue = decimal(minutes!);
    const secondValue = seconds === undefined ? 0 : decimal(seconds);
    // Decimal minutes are never followed by seconds; 60 or more is a misreading.
    if (minuteValue >= 60 || secondValue >= 60 || (seconds !== undefined && !Number.isInteger(minuteValue))) continue;
    const start = match.index;
    found.push({
      value: Number(degrees) + minuteValue / 60 + secondValue / 3600,
      after: LETTER_AFTER.exec(text.slice(start + whole.length))?.[1],
      before: LETTER_BEFORE.exec(text.slice(0, start))?.[1],
    });
  }
  const lettersAfter = found.every((angle) => angle.after !== undefined);
  const lettersBefore = !lettersAfter && found.every((angle) => angle.before !== undefined);
  return found.flatMap((angle) => {
    // Mixed, only a letter after is read: one before may belong to the angle ahead of it.
    const letter = lettersBefore ? angle.before : angle.after;
    if (letter === undefined) return [];
    return [{ which: /[NS]/i.test(letter) ? ('lat' as const) : ('long' as const), value: signed(angle.value, letter) }];
  });
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
