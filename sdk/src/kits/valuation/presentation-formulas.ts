import {
  formatDdMmYyyy,
  formatRupeesReport,
  haversineMeters,
  roundToDecimals,
  rupeesInWords,
} from '../../runtime/index.js';
import type { ValuationFormula } from './valuation-types.js';

/** Guideline and book value print "NA" when the guideline rate is missing (firm rule). */
const NOT_AVAILABLE = 'NA';

function words(name: string): ValuationFormula {
  return {
    description: `${name} in words (Indian English)`,
    unit: 'text',
    compute: (c) => rupeesInWords(c.number(name)),
  };
}

function display(name: string, orNa = false): ValuationFormula {
  return {
    description: `${name} as printed (Rs. 1,23,45,678/-)${orNa ? ', or NA' : ''}`,
    unit: 'text',
    compute: (c) => {
      const value = c.value(name);
      if (typeof value !== 'number') return orNa ? NOT_AVAILABLE : null;
      return formatRupeesReport(value);
    },
  };
}

function printedDate(pointer: '/reportMeta/inspectionDate' | '/reportMeta/reportDate'): ValuationFormula {
  return {
    description: `${pointer.slice(pointer.lastIndexOf('/') + 1)} as DD-MM-YYYY`,
    unit: 'text',
    compute: (c) => formatDdMmYyyy(c.need(pointer)),
  };
}

/** The final values printed in figures and in words, in print order (the guideline value prints "NA" when missing). */
export const PRINTED_VALUES = ['fairMarketValue', 'realizableValue', 'distressValue', 'insurableValue'] as const;

/**
 * What the report prints: words, rupee figures, dates, and a few facts the checker shows.
 * `printed` lists the final values in words and figures, in print order.
 */
export function presentationFormulas(printed: readonly string[] = PRINTED_VALUES): Record<string, ValuationFormula> {
  return {
    ...Object.fromEntries(
      printed.flatMap((name) => [
        [`${name}Words`, words(name)],
        [`${name}Display`, display(name)],
      ]),
    ),
    guidelineValueWords: {
      description: 'Guideline value in words, or NA',
      unit: 'text',
      compute: (c) => {
        const value = c.value('guidelineValue');
        return typeof value === 'number' ? rupeesInWords(value) : NOT_AVAILABLE;
      },
    },
    guidelineValueDisplay: display('guidelineValue', true),
    bookValueDisplay: display('bookValue', true),
    inspectionDateDisplay: printedDate('/reportMeta/inspectionDate'),
    reportDateDisplay: printedDate('/reportMeta/reportDate'),
    valuationDateDisplay: {
      description: 'valuationDate as DD-MM-YYYY',
      unit: 'text',
      compute: (c) => formatDdMmYyyy(c.text('valuationDate')),
    },
    printDepreciationTable: {
      description:
        'Whether the report prints the per-floor depreciation table (a setting); the percentage always prints',
      unit: 'boolean',
      compute: (c) => c.setting('printDepreciationTable'),
    },
    boundariesComplete: {
      description: 'All four boundaries are given as per deed and as per site',
      unit: 'boolean',
      compute: (c) => {
        const deed = c.input('/property/boundaries/asPerDeed');
        const site = c.input('/property/boundaries/asPerSite');
        const sides = ['north', 'south', 'east', 'west'] as const;
        return sides.every((side) => !!deed?.[side]?.trim() && !!site?.[side]?.trim());
      },
    },
    ownersSharePct: {
      description: 'Sum of the owners’ shares',
      unit: '%',
      compute: (c) =>
        roundToDecimals(
          (c.input('/owners') ?? []).reduce((sum, owner) => sum + (owner.sharePct ?? 0), 0),
          2,
        ),
    },
    photosCount: {
      description: 'Photographs listed with GPS details',
      unit: 'count',
      compute: (c) => (c.input('/photos') ?? []).length,
    },
    maxPhotoDistanceFromSiteM: {
      description: 'Farthest photograph from the site coordinates (haversine), in metres',
      unit: 'm',
      compute: (c) => {
        const lat = c.input('/property/gps/lat');
        const lng = c.input('/property/gps/lng');
        const photos = (c.input('/photos') ?? []).filter(
          (photo) => typeof photo.lat === 'number' && typeof photo.lng === 'number',
        );
        if (lat === undefined || lng === undefined || photos.length === 0) return null;
        return roundToDecimals(
          Math.max(...photos.map((photo) => haversineMeters({ lat, lng }, { lat: photo.lat!, lng: photo.lng! }))),
          1,
        );
      },
    },
  };
}
