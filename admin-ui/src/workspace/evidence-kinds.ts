/** The kinds the host files evidence under (core/src/evidence/evidence-kinds.ts), with labels. */
export const EVIDENCE_KIND_LABELS: Readonly<Record<string, string>> = {
  'photo.exterior': 'Photo: exterior',
  'photo.interior': 'Photo: interior',
  'photo.surroundings': 'Photo: surroundings',
  'photo.gps': 'Photo: GPS camera',
  'screenshot.guideline': 'Screenshot: guideline value',
  'screenshot.map': 'Screenshot: map',
  'screenshot.route': 'Screenshot: route',
  'document.sale_deed': 'Document: sale deed',
  'document.rtc': 'Document: RTC / Uttar extract',
  'document.na_order': 'Document: NA order',
  'document.layout_plan': 'Document: layout plan',
  'document.building_permission': 'Document: building permission',
  'document.completion_certificate': 'Document: completion certificate',
  'document.other': 'Document: other',
};

export const EVIDENCE_KINDS = Object.keys(EVIDENCE_KIND_LABELS);

export const kindLabel = (kind: string) => EVIDENCE_KIND_LABELS[kind] ?? kind;
