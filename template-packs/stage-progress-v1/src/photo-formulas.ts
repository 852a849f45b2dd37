import { daysBetween, haversineMeters, roundToDecimals } from '@repogen/sdk/pack';
import { json } from '@repogen/sdk/kits/project-finance';
import type { StageFormula } from './settings.js';

/** The calendar date a camera stamped, in its own offset (the first 10 characters of ISO 8601). */
export function takenOn(takenAt: string): string {
  return takenAt.slice(0, 10);
}

/** Photographs against the inspection date and the site GPS (DOMAIN §1.7, §4.d). */
export const photoFormulas = {
  photosCount: {
    description: 'Number of progress photographs',
    unit: 'count',
    compute: (c) => (c.input('/photos') ?? []).length,
  },
  photoChecks: {
    description:
      'Each photograph: date taken, days from the inspection date, haversine distance from the site GPS (m), tower shown',
    unit: 'm',
    compute: (c) => {
      const site = c.need('/project/gps');
      const inspection = c.need('/reportMeta/inspectionDate');
      const towers = (c.input('/project/towers') ?? []).map((tower) => tower.name ?? '');
      return json(
        (c.input('/photos') ?? []).map((photo) => ({
          file: photo.file,
          takenOn: takenOn(photo.takenAt),
          daysFromInspection: daysBetween(inspection, takenOn(photo.takenAt)),
          distanceM:
            photo.lat === undefined || photo.lng === undefined
              ? null
              : roundToDecimals(haversineMeters(site, { lat: photo.lat, lng: photo.lng }), 1),
          tower:
            photo.tower ??
            towers.find((name) => name && (photo.caption ?? '').toLowerCase().includes(name.toLowerCase())) ??
            null,
        })),
      );
    },
  },
  maxPhotoDistanceFromSiteM: {
    description: 'The farthest photograph from the site GPS (m)',
    unit: 'm',
    compute: (c) => {
      const checks = c.value('photoChecks');
      const distances = Array.isArray(checks)
        ? checks.flatMap((row) =>
            row && typeof row === 'object' && !Array.isArray(row) && typeof row.distanceM === 'number'
              ? [row.distanceM]
              : [],
          )
        : [];
      return distances.length > 0 ? Math.max(...distances) : null;
    },
  },
} satisfies Record<string, StageFormula>;
