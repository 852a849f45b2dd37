import exifr from 'exifr';

/** What a photo's EXIF says about where and when it was taken; null when it does not say. */
export interface EvidenceExif {
  readonly lat: number | null;
  readonly long: number | null;
  /** Local camera time as `YYYY-MM-DDTHH:MM:SS`, with the offset when the camera wrote one. */
  readonly takenAt: string | null;
}

export const NO_EXIF: EvidenceExif = { lat: null, long: null, takenAt: null };

const EXIF_DATE = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/;

/** Parsed values only; anything unreadable is treated as absent, never as an upload failure. */
interface RawExif {
  latitude?: unknown;
  longitude?: unknown;
  DateTimeOriginal?: unknown;
  CreateDate?: unknown;
  OffsetTimeOriginal?: unknown;
}

/**
 * Reads GPS position and capture time. Dates stay strings (`reviveValues: false`): EXIF time
 * has no zone, and turning it into a `Date` would silently apply the server's zone.
 */
/** `source` is the image's bytes or its file (exifr then reads only the head). */
export async function readExif(source: Buffer | string, mime: string): Promise<EvidenceExif> {
  if (mime !== 'image/jpeg' && mime !== 'image/tiff' && mime !== 'image/png' && mime !== 'image/webp') return NO_EXIF;
  let raw: RawExif | undefined;
  try {
    raw = (await exifr.parse(source, {
      gps: true,
      exif: true,
      tiff: true,
      reviveValues: false,
      translateValues: false,
      pick: [
        'GPSLatitude',
        'GPSLatitudeRef',
        'GPSLongitude',
        'GPSLongitudeRef',
        'DateTimeOriginal',
        'CreateDate',
        'OffsetTimeOriginal',
      ],
    })) as RawExif | undefined;
    if (raw && (raw.latitude === undefined || raw.longitude === undefined)) {
      const gps = (await exifr.gps(source).catch(() => undefined)) as
        { latitude?: unknown; longitude?: unknown } | undefined;
      if (gps) raw = { ...raw, latitude: gps.latitude, longitude: gps.longitude };
    }
  } catch {
    return NO_EXIF;
  }
  if (!raw) return NO_EXIF;
  const lat = finiteIn(raw.latitude, 90);
  const long = finiteIn(raw.longitude, 180);
  // 0,0 is what cameras write when they have no fix.
  const hasFix = lat !== null && long !== null && !(lat === 0 && long === 0);
  return { lat: hasFix ? lat : null, long: hasFix ? long : null, takenAt: takenAtOf(raw) };
}

function finiteIn(value: unknown, bound: number): number | null {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= bound
    ? Math.round(value * 1e7) / 1e7
    : null;
}

function takenAtOf(raw: RawExif): string | null {
  const text =
    typeof raw.DateTimeOriginal === 'string'
      ? raw.DateTimeOriginal
      : typeof raw.CreateDate === 'string'
        ? raw.CreateDate
        : undefined;
  const match = text ? EXIF_DATE.exec(text) : null;
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  const offset =
    typeof raw.OffsetTimeOriginal === 'string' && /^[+-]\d{2}:\d{2}$/.test(raw.OffsetTimeOriginal)
      ? raw.OffsetTimeOriginal
      : '';
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`;
}
