import fs from 'node:fs/promises';
import path from 'node:path';
import type { ExtractedFields } from '@repogen/sdk';
import { OCR_FIXTURES_DIR, type TruthEntry } from '../fixtures/ocr/generate-fixtures.js';

export async function readTruth(): Promise<TruthEntry[]> {
  const parsed = JSON.parse(await fs.readFile(path.join(OCR_FIXTURES_DIR, 'truth.json'), 'utf8')) as {
    files: TruthEntry[];
  };
  return parsed.files;
}

export const fixturePath = (file: string) => path.join(OCR_FIXTURES_DIR, file);

/** DMS overlays print seconds to 0.01″ (about 3e-6°): coordinates agree within 1e-5° (about 1 m). */
const COORDINATE_TOLERANCE = 1e-5;

export function fieldMatches(name: string, expected: number | string, actual: number | string | undefined): boolean {
  if (actual === undefined) return false;
  if ((name === 'lat' || name === 'long') && typeof actual === 'number' && typeof expected === 'number')
    return Math.abs(actual - expected) <= COORDINATE_TOLERANCE;
  return actual === expected;
}

export interface FieldScore {
  right: number;
  wrong: number;
  missing: number;
  /** Wrong values that did not say they were doubtful (confidence at or above the warning level). */
  confidentlyWrong: number;
}

export function score(
  scores: Map<string, FieldScore>,
  truth: TruthEntry,
  fields: ExtractedFields,
  lowConfidence: number,
): string[] {
  const problems: string[] = [];
  for (const [name, expected] of Object.entries(truth.fields)) {
    const entry = scores.get(name) ?? { right: 0, wrong: 0, missing: 0, confidentlyWrong: 0 };
    scores.set(name, entry);
    const actual = fields[name as keyof ExtractedFields];
    if (!actual) {
      entry.missing += 1;
      problems.push(`${truth.file} ${name}: missing (expected ${expected})`);
    } else if (fieldMatches(name, expected, actual.value)) {
      entry.right += 1;
    } else {
      entry.wrong += 1;
      if (actual.confidence >= lowConfidence) entry.confidentlyWrong += 1;
      problems.push(`${truth.file} ${name}: ${actual.value} (expected ${expected}, confidence ${actual.confidence})`);
    }
  }
  return problems;
}

/** The report fields a labelled image should fill, and with what: a rate per sqft is stated per sqm. */
const POINTER_OF: Readonly<Record<string, string>> = {
  lat: '/property/gps/lat',
  long: '/property/gps/lng',
  date: '/reportMeta/inspectionDate',
  time: '/reportMeta/inspectionTime',
  rate: '/guideline/landRatePerSqm',
  value: '/guideline/value',
};

export function expectedProposals(truth: TruthEntry): Map<string, { name: string; value: number | string }> {
  const expected = new Map<string, { name: string; value: number | string }>();
  for (const [name, value] of Object.entries(truth.fields)) {
    const pointer = POINTER_OF[name];
    if (!pointer) continue;
    const perSqft = name === 'rate' && truth.fields.unit === 'sqft' && typeof value === 'number';
    expected.set(pointer, { name, value: perSqft ? Math.round(value * 10.7639 * 100) / 100 : value });
  }
  return expected;
}

/** Scores proposals (a pack's `extract`) against the labels, as `score` does fields. */
export function scoreProposals(
  scores: Map<string, FieldScore>,
  truth: TruthEntry,
  proposals: readonly { field: string; value: unknown; confidence: number }[],
  lowConfidence: number,
  label: string,
): string[] {
  const problems: string[] = [];
  for (const [pointer, { name, value: expected }] of expectedProposals(truth)) {
    const key = `${label} ${name}`;
    const entry = scores.get(key) ?? { right: 0, wrong: 0, missing: 0, confidentlyWrong: 0 };
    scores.set(key, entry);
    const found = proposals.filter((proposal) => proposal.field === pointer);
    if (found.length === 0) {
      entry.missing += 1;
      problems.push(`${truth.file} ${key}: missing (expected ${expected})`);
      continue;
    }
    for (const proposal of found) {
      const actual =
        typeof proposal.value === 'number' || typeof proposal.value === 'string' ? proposal.value : undefined;
      if (fieldMatches(name, expected, actual)) {
        entry.right += 1;
      } else {
        entry.wrong += 1;
        if (proposal.confidence >= lowConfidence) entry.confidentlyWrong += 1;
        problems.push(
          `${truth.file} ${key}: ${JSON.stringify(proposal.value)} (expected ${expected}, confidence ${proposal.confidence})`,
        );
      }
    }
  }
  return problems;
}
