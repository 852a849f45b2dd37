import { compareDates, coordinateRangeFindings, outsideIndiaFindings } from '@repogen/sdk/pack';
import { rowsOf } from '@repogen/sdk/kits/project-finance';
import type { StageRule } from './settings.js';

type PhotoCheck = {
  readonly file: string;
  readonly takenOn: string;
  readonly daysFromInspection: number;
  readonly distanceM: number | null;
  readonly tower: string | null;
};

/** Dates and photographs (DOMAIN §1.7, §4.d). */
export const siteRules = {
  INSPECTION_DATES_INVALID: {
    description: 'The inspection date lies within the period; the report is dated on or after the inspection',
    level: 'error',
    check: ({ input }) => {
      const { inspectionDate, reportDate, periodFrom, periodTo } = input.reportMeta ?? {};
      const problems: string[] = [];
      if (inspectionDate && periodFrom && compareDates(inspectionDate, periodFrom) < 0)
        problems.push('inspection before the period');
      if (inspectionDate && periodTo && compareDates(inspectionDate, periodTo) > 0)
        problems.push('inspection after the period');
      if (inspectionDate && reportDate && compareDates(reportDate, inspectionDate) < 0)
        problems.push('report dated before the inspection');
      return (
        problems.length > 0 && {
          message: `Dates: ${problems.join('; ')}`,
          fields: ['/reportMeta/inspectionDate', '/reportMeta/reportDate'],
        }
      );
    },
  },
  COORDINATE_OUT_OF_RANGE: {
    description: 'Latitudes lie within ±90° and longitudes within ±180° (a typed value is kept)',
    level: 'warn',
    check: ({ input }) =>
      coordinateRangeFindings([
        { pointer: '/project/gps', ...input.project?.gps },
        ...(input.photos ?? []).map((photo, index) => ({ pointer: `/photos/${index}`, ...photo })),
      ]),
  },
  GPS_OUTSIDE_INDIA: {
    description: 'The site GPS and every photograph’s GPS lie inside India (DOMAIN §6)',
    level: 'error',
    check: ({ input }) =>
      outsideIndiaFindings([
        { pointer: '/project/gps', ...input.project?.gps },
        ...(input.photos ?? []).map((photo, index) => ({ pointer: `/photos/${index}`, ...photo })),
      ]),
  },
  PHOTOS_TOO_FEW: {
    description: 'At least 8 progress photographs',
    level: 'error',
    check: ({ input, settings }) => {
      const count = (input.photos ?? []).length;
      return count < settings.minPhotos && `${count} photographs; at least ${settings.minPhotos} are needed`;
    },
  },
  PHOTO_DATE_OUTSIDE_INSPECTION: {
    description: 'Every photograph is dated on the inspection date (± the configured window)',
    level: 'error',
    check: ({ values, settings }) => {
      const off = rowsOf<PhotoCheck>(values.photoChecks).filter(
        (photo) => Math.abs(photo.daysFromInspection) > settings.photoDateWindowDays,
      );
      return (
        off.length > 0 &&
        `Photographs not taken on the inspection date: ${off.map((photo) => `${photo.file} (${photo.takenOn})`).join(', ')}`
      );
    },
  },
  PHOTO_FAR_FROM_SITE: {
    description: 'Every photograph is within 200 m of the site GPS',
    level: 'error',
    check: ({ values, settings }) => {
      const far = rowsOf<PhotoCheck>(values.photoChecks).filter(
        (photo) => photo.distanceM === null || photo.distanceM > settings.photoMaxDistanceM,
      );
      return (
        far.length > 0 &&
        `Photographs farther than ${settings.photoMaxDistanceM} m from the site or without GPS: ${far
          .map((photo) => `${photo.file} (${photo.distanceM === null ? 'no GPS' : `${photo.distanceM} m`})`)
          .join(', ')}`
      );
    },
  },
  TOWER_NOT_PHOTOGRAPHED: {
    description: 'Every tower appears in at least one photograph',
    level: 'error',
    check: ({ input, values }) => {
      const shown = new Set(rowsOf<PhotoCheck>(values.photoChecks).map((photo) => photo.tower?.toLowerCase()));
      const missing = (input.project?.towers ?? [])
        .map((tower) => tower.name ?? '')
        .filter((name) => name && !shown.has(name.toLowerCase()));
      return missing.length > 0 && `No photograph of ${missing.join(', ')}`;
    },
  },
} satisfies Record<string, StageRule>;
