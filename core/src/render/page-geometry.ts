/** Units of the three worlds a report crosses: DOCX (twips, EMU), PDF (points) and paper (mm). */
export const PAGE_GEOMETRY = {
  emuPerMm: 36_000,
  twipsPerMm: 1440 / 25.4,
  pointsPerMm: 72 / 25.4,
  a4: { widthMm: 210, heightMm: 297 },
} as const;

export function mmToEmu(mm: number): number {
  return Math.round(mm * PAGE_GEOMETRY.emuPerMm);
}

export function mmToTwips(mm: number): number {
  return Math.round(mm * PAGE_GEOMETRY.twipsPerMm);
}

export function mmToPoints(mm: number): number {
  return mm * PAGE_GEOMETRY.pointsPerMm;
}
