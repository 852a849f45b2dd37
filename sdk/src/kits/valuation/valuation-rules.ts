import {
  completedMonthsBetween,
  formatRupeesReport,
  isValidGeoPoint,
  parseAmountInWords,
  parseIsoDate,
} from '../../runtime/index.js';
import { PRINTED_VALUES } from './presentation-formulas.js';
import type { ValuationRule, ValuationSettings } from './valuation-types.js';

/**
 * Land, building and final-value checks every valuation pack makes (DOMAIN §2.d, REQUIREMENTS
 * valuation rules); the value band, FSI and the amounts in words are added by the pack.
 */
export const valuationRules = {
  COMPARABLES_INSUFFICIENT: {
    description: 'At least two comparable transactions, each with date and source',
    level: 'error',
    check: ({ input, settings }) => {
      const comparables = input.partA_land?.comparables ?? [];
      const complete = comparables.filter((comparable) => comparable.date && comparable.source?.trim());
      return (
        complete.length < settings.minComparables && {
          message: `${complete.length} complete comparable transaction(s); ${settings.minComparables} are needed, each with date and source`,
          fields: ['/partA_land/comparables'],
        }
      );
    },
  },
  COMPARABLE_STALE: {
    description: 'A comparable is older than the allowed age',
    level: 'warn',
    check: ({ input, values, settings }) => {
      const asOf = typeof values.valuationDate === 'string' ? values.valuationDate : undefined;
      if (!asOf) return;
      const limit = settings.comparableMaxAgeMonths;
      return (input.partA_land?.comparables ?? []).flatMap((comparable, index) => {
        if (!comparable.date) return [];
        const months = completedMonthsBetween(comparable.date, asOf);
        // Exactly `limit` months to the day is not yet older than `limit` months.
        const older =
          months > limit || (months === limit && parseIsoDate(asOf).day !== parseIsoDate(comparable.date).day);
        return older
          ? [
              {
                message: `Comparable ${index + 1} is dated ${comparable.date}, older than ${limit} months`,
                fields: [`/partA_land/comparables/${index}/date`],
              },
            ]
          : [];
      });
    },
  },
  GUIDELINE_MISSING: {
    description: 'The guideline rate is needed; guideline and book value print NA without it',
    level: 'warn',
    check: ({ values }) =>
      values.guidelineValue == null && {
        message: 'Guideline rate is missing: guideline and book value print "NA"',
        fields: ['/guideline/landRatePerSqm', 'values/guidelineValue'],
      },
  },
  GUIDELINE_BUILDING_RATE_MISSING: {
    description:
      'A building is valued but no guideline construction rate is given: the guideline value covers the land only',
    level: 'warn',
    check: ({ input, values, number }) => {
      const builtUp = number('builtUpTotalSqm') ?? 0;
      return (
        typeof values.guidelineValue === 'number' &&
        values.hasBuilding === true &&
        builtUp > 0 &&
        input.guideline?.buildingRatePerSqm === undefined && {
          message: `No guideline construction rate: the guideline value ${formatRupeesReport(values.guidelineValue)} covers the land only, not the ${builtUp} sq m built-up`,
          fields: ['/guideline/buildingRatePerSqm', 'values/guidelineValue'],
        }
      );
    },
  },
  FMV_GUIDELINE_DEVIATION: {
    description: 'FMV differs from the guideline value by the threshold or more: "Justification required"',
    level: 'info',
    check: ({ input, values, settings }) => {
      if (values.guidelineJustificationRequired !== true) return;
      const justification = input.partA_land?.guidelineVariationJustification?.trim() ?? '';
      const enough = justification.length >= settings.justificationMinChars;
      return {
        message: `Justification required: FMV differs from the guideline value by ${typeof values.variationFromGuidelinePct === 'number' ? values.variationFromGuidelinePct : '?'} %${enough ? '' : ` — write at least ${settings.justificationMinChars} characters`}`,
        level: enough ? 'info' : 'error',
        fields: ['/partA_land/guidelineVariationJustification', 'values/variationFromGuidelinePct'],
      };
    },
  },
  VALUE_DIFFERS_FROM_WORKING: {
    description: 'A typed land or building value differs from the computed working',
    level: 'info',
    check: ({ number }) =>
      (
        [
          ['landValue', 'landValueWorking', '/partA_land/landValueAdopted'],
          ['buildingValue', 'partB_total', '/partB_building/buildingValueAdopted'],
        ] as const
      ).flatMap(([typed, working, field]) => {
        const a = number(typed);
        const b = number(working);
        return a !== undefined && b !== undefined && Math.abs(a - b) > 1
          ? [{ message: `${typed} ${a} differs from the working ${b}`, fields: [field, `values/${working}`] }]
          : [];
      }),
  },
  BUILDING_YEAR_IN_FUTURE: {
    description: 'The year of construction is after the valuation date',
    level: 'error',
    check: ({ number }) =>
      (number('buildingAgeYears') ?? 0) < 0 && {
        message: 'Year of construction is after the valuation year',
        fields: ['/partB_building/yearOfConstruction'],
      },
  },
  BUILDING_AGE_BEYOND_LIFE: {
    description: 'The building has reached or passed its estimated life',
    level: 'warn',
    check: ({ number }) => {
      const age = number('buildingAgeYears');
      const life = number('buildingLifeYears');
      return (
        age !== undefined &&
        life !== undefined &&
        age >= life && {
          message: `Building age ${age} years has reached its estimated life of ${life} years; depreciation is capped`,
          fields: ['/partB_building/yearOfConstruction', '/partB_building/estimatedTotalLifeYears'],
        }
      );
    },
  },
  LIFE_OUTSIDE_RANGE: {
    description: 'The estimated life is outside the usual range for the construction type',
    level: 'warn',
    check: ({ input, settings, number }) => {
      const type = input.partB_building?.typeOfConstruction;
      const life = number('buildingLifeYears');
      if (!type || life === undefined) return;
      const [low, high] = settings.buildingLifeYears[type] ?? [];
      return (
        low !== undefined &&
        high !== undefined &&
        (life < low || life > high) && {
          message: `Life of ${life} years is outside ${low}–${high} years usual for ${type}`,
          fields: ['/partB_building/estimatedTotalLifeYears'],
        }
      );
    },
  },
  PLAN_DEVIATION: {
    description: 'Built-up area exceeds the approved plan',
    level: 'warn',
    check: ({ input, number, settings }) => {
      const deviation = number('deviationPct');
      if (deviation === undefined || deviation <= 0) return;
      const remarked = !!input.partB_building?.deviationRemark?.trim();
      return {
        message: `Built-up area exceeds the approved plan by ${deviation} %`,
        level: deviation > settings.planDeviationErrorPct && !remarked ? 'error' : 'warn',
        fields: ['values/deviationPct', '/partB_building/deviationRemark'],
      };
    },
  },
  VALUES_OUT_OF_ORDER: {
    description: 'Distress ≤ realisable ≤ fair market value',
    level: 'error',
    check: ({ number }) => {
      const fmv = number('fairMarketValue');
      const rv = number('realizableValue');
      const dv = number('distressValue');
      return (
        fmv !== undefined &&
        rv !== undefined &&
        dv !== undefined &&
        !(dv <= rv && rv <= fmv) && {
          message: 'Values must satisfy distress ≤ realisable ≤ fair market value',
          fields: ['values/distressValue', 'values/realizableValue', 'values/fairMarketValue'],
        }
      );
    },
  },
  FACTOR_OUTSIDE_BAND: {
    description: 'Realisable or distress value outside the usual band of FMV',
    level: 'warn',
    check: ({ number, settings }) => {
      const fmv = number('fairMarketValue');
      if (fmv === undefined || fmv === 0) return;
      const checks = [
        ['realizableValue', settings.realisableBandPct],
        ['distressValue', settings.distressBandPct],
      ] as const;
      return checks.flatMap(([name, band]) => {
        const value = number(name);
        const [low = 0, high = 100] = band;
        const pct = value === undefined ? undefined : (value / fmv) * 100;
        return pct !== undefined && (pct < low - 0.5 || pct > high)
          ? [{ message: `${name} is ${pct.toFixed(1)} % of FMV, outside ${low}–${high} %`, fields: [`values/${name}`] }]
          : [];
      });
    },
  },
  PHOTO_GPS_INVALID: {
    description: 'Photo coordinates are valid latitude/longitude pairs',
    level: 'warn',
    check: ({ input }) =>
      (input.photos ?? []).flatMap((photo, index) =>
        photo.lat !== undefined && photo.lng !== undefined && !isValidGeoPoint({ lat: photo.lat, lng: photo.lng })
          ? [{ message: `Photo ${index + 1} has invalid coordinates`, fields: [`/photos/${index}`] }]
          : [],
      ),
  },
  FLAT_AREAS_INCONSISTENT: {
    description: 'Flat: UDS above zero and carpet < built-up ≤ super built-up',
    level: 'error',
    check: ({ input, values }) => {
      if (values.isFlat !== true) return;
      const {
        carpetAreaSqm: carpet,
        builtUpAreaSqm: builtUp,
        superBuiltUpAreaSqm: superBuiltUp,
        udsLandSqm: uds,
      } = input.flat ?? {};
      const problems: string[] = [];
      if (uds !== undefined && uds <= 0) problems.push('UDS must be above zero');
      if (carpet !== undefined && builtUp !== undefined && carpet >= builtUp)
        problems.push('carpet area must be below built-up area');
      if (builtUp !== undefined && superBuiltUp !== undefined && builtUp > superBuiltUp)
        problems.push('built-up area must not exceed super built-up area');
      return problems.length > 0 && { message: `Flat areas: ${problems.join('; ')}`, fields: ['/flat'] };
    },
  },
} satisfies Record<string, ValuationRule>;

/** FSI consumed may not exceed the permissible FSI of the approved plan. */
export const fsiRules = {
  FSI_EXCEEDED: {
    description: 'FSI consumed exceeds the permissible FSI',
    level: 'warn',
    check: ({ input, number }) => {
      const consumed = number('fsiConsumed');
      const permissible = input.partB_building?.approvedPlan?.permissibleFsi;
      return (
        consumed !== undefined &&
        permissible !== undefined &&
        consumed > permissible && {
          message: `FSI consumed ${consumed} exceeds the permissible ${permissible}`,
          fields: ['values/fsiConsumed', '/partB_building/approvedPlan/permissibleFsi'],
        }
      );
    },
  },
} satisfies Record<string, ValuationRule>;

/** The RBI threshold above which a second, independent valuation is needed. */
export interface TwoValuationsSettings extends ValuationSettings {
  readonly twoValuationsThresholdRupees: number;
}

/** RBI: properties of ₹50 crore or more need two independent valuations. */
export const twoValuationsRules = {
  TWO_VALUATIONS_REQUIRED: {
    description: 'FMV of ₹50 crore or more: RBI requires two independent valuations',
    level: 'warn',
    check: ({ number, settings }) =>
      (number('fairMarketValue') ?? 0) >= settings.twoValuationsThresholdRupees && {
        message: 'FMV is ₹50 crore or more: the bank needs a second, independent valuation',
        fields: ['values/fairMarketValue'],
      },
  },
} satisfies Record<string, ValuationRule<TwoValuationsSettings>>;

/** The values a valuation report prints in words, each beside its `<name>Words`. */
export const WORDED_VALUES = [...PRINTED_VALUES, 'guidelineValue'] as const;

/** Every amount in words reads back to its figure; `names` are the values printed in words. */
export function amountWordsRules(names: readonly string[] = WORDED_VALUES): Record<string, ValuationRule> {
  return {
    AMOUNT_WORDS_MISMATCH: {
      description: 'Every amount in words reads back to its figure (values edited by the host included)',
      level: 'error',
      check: ({ values }) =>
        names.flatMap((name) => {
          const figure = values[name];
          const words = values[`${name}Words`];
          if (typeof figure !== 'number' || typeof words !== 'string' || words === 'NA') return [];
          let read: number | undefined;
          try {
            read = parseAmountInWords(words);
          } catch {
            read = undefined;
          }
          return read === Math.round(figure * 100)
            ? []
            : [
                {
                  message: `${name}: the words do not say ${figure}`,
                  fields: [`values/${name}`, `values/${name}Words`],
                },
              ];
        }),
    },
  };
}
