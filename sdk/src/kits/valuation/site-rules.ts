import {
  compareDates,
  daysBetween,
  decimalPlaces,
  haversineMeters,
  parseIsoDate,
  toIsoDate,
} from '../../runtime/index.js';
import { coordinateRangeFindings } from '../../define-pack/coordinate-range-findings.js';
import { outsideIndiaFindings } from '../../define-pack/outside-india-findings.js';
import type { ValuationRule } from './valuation-types.js';

const SIDES = ['north', 'south', 'east', 'west'] as const;
const PAN = /^[A-Z]{5}[0-9]{4}[A-Z]$/;
const IBBI = /^IBBI\/RV\/\d{2}\/\d{4}\/\d+$/;

function normalised(text: string | undefined): string {
  return (text ?? '')
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function isDate(text: string | undefined): text is string {
  return typeof text === 'string' && /^\d{4}-\d{2}-\d{2}/.test(text);
}

/** Dates, owners, boundaries, GPS, occupancy, documents, photographs and the valuer (DOMAIN §2.d). */
export const siteRules = {
  DATES_OUT_OF_ORDER: {
    description: 'Inspection ≤ valuation ≤ report date, none after today',
    level: 'error',
    check: ({ input, now }) => {
      const { inspectionDate, valuationDate, reportDate } = input.reportMeta ?? {};
      const today = toIsoDate(parseIsoDate(now));
      const problems: string[] = [];
      if (isDate(inspectionDate) && isDate(valuationDate) && compareDates(inspectionDate, valuationDate) > 0)
        problems.push('inspection is after valuation');
      if (isDate(valuationDate) && isDate(reportDate) && compareDates(valuationDate, reportDate) > 0)
        problems.push('valuation is after the report');
      for (const [name, date] of Object.entries({ inspectionDate, valuationDate, reportDate })) {
        if (isDate(date) && compareDates(date, today) > 0) problems.push(`${name} is in the future`);
      }
      return (
        problems.length > 0 && {
          message: `Dates out of order: ${problems.join('; ')}`,
          fields: ['/reportMeta/inspectionDate', '/reportMeta/valuationDate', '/reportMeta/reportDate'],
        }
      );
    },
  },
  REPORT_LONG_AFTER_INSPECTION: {
    description: 'The report is dated long after the inspection',
    level: 'warn',
    check: ({ input, settings }) => {
      const { inspectionDate, reportDate } = input.reportMeta ?? {};
      if (!isDate(inspectionDate) || !isDate(reportDate)) return;
      const days = daysBetween(inspectionDate, reportDate);
      return (
        days > settings.reportAfterInspectionMaxDays && {
          message: `Report dated ${days} days after the inspection`,
          fields: ['/reportMeta/reportDate'],
        }
      );
    },
  },
  OWNER_SHARES_INVALID: {
    description: 'At least one owner, shares summing to 100 %',
    level: 'error',
    check: ({ input }) => {
      const owners = input.owners ?? [];
      if (owners.length === 0) return { message: 'No owner is entered', fields: ['/owners'] };
      const total = owners.reduce((sum, owner) => sum + (owner.sharePct ?? 0), 0);
      return (
        Math.abs(total - 100) > 0.01 && {
          message: `Owners' shares add up to ${total} %, not 100 %`,
          fields: ['/owners'],
        }
      );
    },
  },
  BOUNDARIES_INCOMPLETE: {
    description: 'All four boundaries as per deed and as per site',
    level: 'error',
    check: ({ input }) => {
      const boundaries = input.property?.boundaries;
      const missing = (['asPerDeed', 'asPerSite'] as const).flatMap((source) =>
        SIDES.filter((side) => !boundaries?.[source]?.[side]?.trim()).map(
          (side) => `/property/boundaries/${source}/${side}`,
        ),
      );
      return missing.length > 0 && { message: `${missing.length} boundary entries are empty`, fields: missing };
    },
  },
  BOUNDARIES_DIFFER: {
    description: 'A boundary differs between deed and site, without a remark',
    level: 'warn',
    check: ({ input }) => {
      const boundaries = input.property?.boundaries;
      if (boundaries?.remark?.trim()) return;
      const differing = SIDES.filter(
        (side) =>
          boundaries?.asPerDeed?.[side] &&
          boundaries.asPerSite?.[side] &&
          normalised(boundaries.asPerDeed[side]) !== normalised(boundaries.asPerSite[side]),
      );
      return (
        differing.length > 0 && {
          message: `Boundaries differ on the ${differing.join(', ')} side; add a remark`,
          fields: ['/property/boundaries/remark'],
        }
      );
    },
  },
  GPS_MISSING: {
    description: 'The site latitude and longitude are needed',
    level: 'error',
    check: ({ input }) =>
      (input.property?.gps?.lat === undefined || input.property.gps.lng === undefined) && {
        message: 'Site GPS coordinates are missing (read them from the GPS-camera photo)',
        fields: ['/property/gps/lat', '/property/gps/lng'],
      },
  },
  GPS_OUTSIDE_INDIA: {
    description: 'Site GPS inside India with at least 5 decimals',
    level: 'error',
    check: ({ input }) => {
      const gps = input.property?.gps;
      if (gps?.lat === undefined || gps.lng === undefined) return;
      const outside = outsideIndiaFindings([{ pointer: '/property/gps', ...gps }]);
      if (outside.length > 0) return outside;
      if (decimalPlaces(gps.lat) < 5 || decimalPlaces(gps.lng) < 5) {
        return {
          message: 'GPS coordinates need at least 5 decimal places',
          level: 'warn',
          fields: ['/property/gps/lat', '/property/gps/lng'],
        };
      }
    },
  },
  COORDINATE_OUT_OF_RANGE: {
    description: 'The site latitude lies within ±90° and the longitude within ±180° (a typed value is kept)',
    level: 'warn',
    check: ({ input }) => coordinateRangeFindings([{ pointer: '/property/gps', ...input.property?.gps }]),
  },
  OCCUPANCY_DETAILS_MISSING: {
    description: 'Tenanted: tenant since and rent; leasehold: lease expiry',
    level: 'error',
    check: ({ input }) => {
      const fields: string[] = [];
      const occupancy = input.property?.occupancy;
      if (occupancy?.status === 'TENANTED') {
        if (!occupancy.tenantSince) fields.push('/property/occupancy/tenantSince');
        if (occupancy.rentPerMonth == null) fields.push('/property/occupancy/rentPerMonth');
      }
      if (input.property?.tenure === 'LEASEHOLD' && !input.property.lease?.expiryDate)
        fields.push('/property/lease/expiryDate');
      return fields.length > 0 && { message: 'Occupancy or lease details are incomplete', fields };
    },
  },
  SALE_DEED_MISSING: {
    description: 'The title document (sale deed) is among the documents perused',
    level: 'error',
    check: ({ input }) =>
      !(input.documentsPerused ?? []).some((document) =>
        /sale\s*deed|conveyance|gift\s*deed|title/i.test(document.type ?? ''),
      ) && {
        message: 'No sale deed / title document is listed',
        fields: ['/documentsPerused'],
      },
  },
  APPROVED_PLAN_MISSING: {
    description: 'A building needs its approved plan, or a remark that it was not produced',
    level: 'warn',
    check: ({ input }) => {
      if ((input.partB_building?.floors ?? []).length === 0) return;
      const listed = (input.documentsPerused ?? []).some((document) =>
        /plan|permission|commencement/i.test(document.type ?? ''),
      );
      if (listed || input.partB_building?.approvedPlan?.number) return;
      return {
        message: 'No approved plan is listed for the building',
        fields: ['/partB_building/approvedPlan/number', '/partB_building/approvedPlan/notProducedRemark'],
      };
    },
  },
  ENCUMBRANCE_CERTIFICATE_MISSING: {
    description: 'An encumbrance certificate or search is listed',
    level: 'warn',
    check: ({ input }) =>
      !(input.documentsPerused ?? []).some((document) => /encumbrance/i.test(document.type ?? '')) && {
        message: 'No encumbrance certificate is listed',
        fields: ['/documentsPerused'],
      },
  },
  PHOTO_NOT_AT_SITE: {
    description: 'Each photograph taken on the inspection date and near the site',
    level: 'warn',
    check: ({ input, settings }) => {
      const gps = input.property?.gps;
      const inspectionDate = input.reportMeta?.inspectionDate;
      return (input.photos ?? []).flatMap((photo, index) => {
        const problems: string[] = [];
        if (isDate(photo.takenAt) && isDate(inspectionDate) && compareDates(photo.takenAt, inspectionDate) !== 0)
          problems.push('not taken on the inspection date');
        if (gps?.lat !== undefined && gps.lng !== undefined && photo.lat !== undefined && photo.lng !== undefined) {
          const distance = haversineMeters({ lat: gps.lat, lng: gps.lng }, { lat: photo.lat, lng: photo.lng });
          if (distance > settings.photoMaxDistanceM) problems.push(`${Math.round(distance)} m from the site`);
        }
        return problems.length === 0
          ? []
          : [{ message: `Photo ${photo.file ?? index + 1}: ${problems.join(', ')}`, fields: [`/photos/${index}`] }];
      });
    },
  },
  VALUER_DETAILS_INVALID: {
    description: 'Valuer PAN and IBBI registration number are well formed',
    level: 'error',
    check: ({ input }) => {
      const valuer = input.valuer;
      const fields: string[] = [];
      if (!valuer?.pan || !PAN.test(valuer.pan)) fields.push('/valuer/pan');
      if (!valuer?.ibbiRegNo || !IBBI.test(valuer.ibbiRegNo)) fields.push('/valuer/ibbiRegNo');
      return fields.length > 0 && { message: 'Valuer PAN or IBBI registration number is missing or malformed', fields };
    },
  },
} satisfies Record<string, ValuationRule>;
