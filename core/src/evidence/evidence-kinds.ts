/**
 * The kinds of evidence a report takes; a pack's manifest names them (or a family: `photo.*`),
 * and a pack naming any other is refused at upload. Valuation kinds first, then what the
 * project-finance formats (DPR, TEV, stage progress) annex.
 */
export const EVIDENCE_KINDS = [
  'photo.exterior',
  'photo.interior',
  'photo.surroundings',
  'photo.gps',
  'screenshot.guideline',
  'screenshot.map',
  'screenshot.route',
  'document.sale_deed',
  'document.rtc',
  'document.na_order',
  'document.layout_plan',
  'document.building_permission',
  'document.completion_certificate',
  'document.quotation',
  'document.benchmark',
  'document.approval',
  'document.noc',
  'document.statutory',
  'document.lease_deed',
  'document.land_record',
  'document.site_plan',
  'document.kyc',
  'document.registration',
  'document.ca_certificate',
  'document.net_worth',
  'document.bank_statement',
  'document.progress_sheet',
  'document.architect_certificate',
  'document.engineer_certificate',
  'document.insurance',
  'document.cv',
  'document.declaration',
  'document.other',
] as const;

export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export function isEvidenceKind(value: string): value is EvidenceKind {
  return (EVIDENCE_KINDS as readonly string[]).includes(value);
}

/** A kind the host files evidence under, or a family of them (`photo.*`). */
export function isKnownKindPattern(pattern: string): boolean {
  return pattern.endsWith('.*')
    ? EVIDENCE_KINDS.some((kind) => kind.startsWith(pattern.slice(0, -1)))
    : isEvidenceKind(pattern);
}

/** Kinds read by OCR when the pack's manifest does not say (`evidence.ocr`). */
export const DEFAULT_OCR_KINDS: readonly EvidenceKind[] = ['photo.gps', 'screenshot.guideline'];

/** `photo.*` matches every photo kind; a plain kind matches itself. */
export function kindMatches(pattern: string, kind: string): boolean {
  return pattern.endsWith('.*') ? kind.startsWith(pattern.slice(0, -1)) : pattern === kind;
}

/** The kind an upload gets when none is given: by its type, refined later by OCR. */
export function defaultKindFor(mime: string): EvidenceKind {
  return mime === 'application/pdf' ? 'document.other' : 'photo.exterior';
}
