import type { ValuationRule, ValuationSettings } from './valuation-types.js';

/** How many site photographs a report needs. */
export interface PhotoCountSettings extends ValuationSettings {
  /** Photographs: front, approach road, side / rear, ≥ 2 interior, valuer at site (DOMAIN §2.d). */
  readonly minPhotos: number;
  /** A vacant plot has no interior to photograph. */
  readonly minPhotosVacantPlot: number;
}

const FLOOD_PRONE = /^(yes|high|prone|flood)/i;

/** Extent considered, site risks and the photograph count (DOMAIN §2.d). */
export const surveyRules = {
  EXTENT_CONSIDERED_EXCEEDS_LESSER: {
    description: 'Extent considered may not exceed the lesser of the deed and the actual extent (I.16)',
    level: 'error',
    check: ({ input, number, values }) => {
      if (values.isFlat === true) return;
      const considered = number('extentConsideredSqm');
      const extents = [input.property?.extentSqm?.asPerDeed, input.property?.extentSqm?.actual].filter(
        (extent): extent is number => typeof extent === 'number',
      );
      if (considered === undefined || extents.length === 0) return;
      const lesser = Math.min(...extents);
      return (
        considered > lesser + 0.005 && {
          message: `Extent considered ${considered} sq m exceeds the lesser extent ${lesser} sq m`,
          fields: ['values/extentConsideredSqm', '/property/extentSqm'],
        }
      );
    },
  },
  SITE_RISK_UNREMARKED: {
    description: 'Land-locked, flood-prone or CRZ sites need a special remark',
    level: 'warn',
    check: ({ input }) => {
      const site = input.siteCharacteristics;
      if (site?.specialRemarks?.trim()) return;
      const risks = [
        site?.landLocked === true ? 'land-locked' : undefined,
        FLOOD_PRONE.test(site?.floodingRisk ?? '') ? 'flood-prone' : undefined,
        site?.crzApplicable === true ? 'CRZ applicable' : undefined,
      ].filter((risk): risk is string => risk !== undefined);
      return (
        risks.length > 0 && {
          message: `Site is ${risks.join(', ')}: add a special remark`,
          fields: ['/siteCharacteristics/specialRemarks'],
        }
      );
    },
  },
  PHOTOS_INSUFFICIENT: {
    description: 'At least the minimum number of site photographs (fewer for a vacant plot)',
    level: 'error',
    check: ({ input, values, settings }) => {
      const needed = values.hasBuilding === true ? settings.minPhotos : settings.minPhotosVacantPlot;
      const count = (input.photos ?? []).length;
      return (
        count < needed && {
          message: `${count} photograph(s); at least ${needed} are needed`,
          fields: ['/photos'],
        }
      );
    },
  },
} satisfies Record<string, ValuationRule<PhotoCountSettings>>;
