import { lineConfidence, repairDigits, roundConfidence, type ExtractedField, type OcrLine } from './extracted-field.js';

/** The capture date (YYYY-MM-DD) and time (HH:MM, 24 h) read from overlay lines. */
export interface ParsedDateTime {
  readonly date?: ExtractedField;
  readonly time?: ExtractedField;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_WORD = String.raw`(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?`;
const ISO = /\b(20\d{2})[-/.](\d{1,2})[-/.](\d{1,2})\b/;
const NUMERIC = /\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})\b/;
const DAY_MONTH_WORD = new RegExp(
  String.raw`\b(\d{1,2})(?:st|nd|rd|th)?[\s\-/.,]+${MONTH_WORD}[\s\-/.,]+(\d{4})\b`,
  'i',
);
const MONTH_WORD_DAY = new RegExp(String.raw`\b${MONTH_WORD}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`, 'i');
// A time not preceded by a sign or digit, so a zone offset (+05:30) is never read as a time.
const TIME = /(?<![+\-\d:])(\d{1,2}):(\d{2})(?::(\d{2}))?(?!\d)\s*([AaPp]\.?\s?[Mm]\.?)?/;

/**
 * The capture date and time printed by GPS-camera apps. Numeric dates are read day first
 * (Indian usage) unless the first number cannot be a day; a day-first reading whose day could
 * also be a month is slightly less certain.
 */
export function parseDateTime(lines: readonly OcrLine[]): ParsedDateTime {
  let date: ExtractedField | undefined;
  let time: ExtractedField | undefined;
  for (const line of lines) {
    const text = repairDigits(line.text);
    const confidence = lineConfidence(line);
    if (!date) {
      const found = findDate(text);
      if (found)
        date = {
          value: found.value,
          confidence: roundConfidence(confidence * found.certainty),
          sourceText: line.text.trim(),
        };
    }
    if (!time) {
      const match = TIME.exec(text);
      const value = match ? timeOf(match) : undefined;
      if (value) time = { value, confidence: roundConfidence(confidence), sourceText: line.text.trim() };
    }
  }
  return { ...(date ? { date } : {}), ...(time ? { time } : {}) };
}

function findDate(text: string): { value: string; certainty: number } | undefined {
  const iso = ISO.exec(text);
  if (iso) return dated(Number(iso[1]), Number(iso[2]), Number(iso[3]), 1);
  const dayWord = DAY_MONTH_WORD.exec(text);
  if (dayWord) return dated(Number(dayWord[3]), monthOf(dayWord[2]!), Number(dayWord[1]), 1);
  const wordDay = MONTH_WORD_DAY.exec(text);
  if (wordDay) return dated(Number(wordDay[3]), monthOf(wordDay[1]!), Number(wordDay[2]), 1);
  const numeric = NUMERIC.exec(text);
  if (!numeric) return undefined;
  const first = Number(numeric[1]);
  const second = Number(numeric[2]);
  const year = numeric[3]!.length === 2 ? 2000 + Number(numeric[3]) : Number(numeric[3]);
  if (first > 12 || second > 12) {
    return first > 12 ? dated(year, second, first, 1) : dated(year, first, second, 0.85);
  }
  return dated(year, second, first, first === second ? 1 : 0.9);
}

function dated(
  year: number,
  month: number,
  day: number,
  certainty: number,
): { value: string; certainty: number } | undefined {
  if (year < 2000 || year > 2100 || month < 1 || month > 12 || day < 1) return undefined;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return undefined;
  return { value: `${year}-${pad(month)}-${pad(day)}`, certainty };
}

function timeOf(match: RegExpExecArray): string | undefined {
  let hours = Number(match[1]);
  const minutes = Number(match[2]);
  const meridiem = match[4]?.replace(/[.\s]/g, '').toLowerCase();
  if (minutes > 59) return undefined;
  if (meridiem) {
    if (hours < 1 || hours > 12) return undefined;
    hours = (hours % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  if (hours > 23) return undefined;
  return `${pad(hours)}:${pad(minutes)}`;
}

function monthOf(word: string): number {
  return MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
