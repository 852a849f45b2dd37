import { ageInYearsSince, roundToDecimals } from '../../runtime/index.js';
import { rupeesTimes, sumRupees } from './rupee-arithmetic.js';
import type { ValuationFormula } from './valuation-types.js';

/** Part B: age, depreciation and the per-floor valuation table. */
export const buildingFormulas = {
  hasBuilding: {
    description: 'Whether a building is valued (a flat, or at least one floor entered)',
    unit: 'boolean',
    compute: (c) => c.value('isFlat') === true || (c.input('/partB_building/floors') ?? []).length > 0,
  },
  buildingAgeYears: {
    description: 'Age of the building: valuation year − year of construction',
    unit: 'years',
    compute: (c) => {
      if (c.value('hasBuilding') !== true) return null;
      if (c.value('isFlat') !== true) {
        return ageInYearsSince(c.need('/partB_building/yearOfConstruction'), c.text('valuationDate'));
      }
      const year = c.input('/flat/yearOfConstruction');
      return year === undefined ? c.need('/flat/ageYears') : ageInYearsSince(year, c.text('valuationDate'));
    },
  },
  buildingLifeYears: {
    description: 'Estimated total life of the building',
    unit: 'years',
    compute: (c) => {
      if (c.value('hasBuilding') !== true) return null;
      return c.value('isFlat') === true ? c.need('/flat/lifeYears') : c.need('/partB_building/estimatedTotalLifeYears');
    },
  },
  salvagePct: {
    description: 'Salvage value percentage (the setting when none is typed)',
    unit: '%',
    compute: (c) =>
      (c.value('isFlat') === true ? c.input('/flat/salvagePct') : c.input('/partB_building/salvagePct')) ??
      c.setting('defaultSalvagePct'),
  },
  depreciationPct: {
    description:
      'Depreciation: (100 − salvage %) × min(age, life) ÷ life; capped at 100 − salvage once age reaches life',
    unit: '%',
    compute: (c) => {
      if (c.value('hasBuilding') !== true) return null;
      const age = Math.max(0, c.number('buildingAgeYears'));
      const life = c.number('buildingLifeYears');
      return roundToDecimals(((100 - c.number('salvagePct')) * Math.min(age, life)) / life, 2);
    },
  },
  partB_rows: {
    description: 'Per floor: replacement cost = area × rate; depreciation; net value = cost − depreciation',
    unit: 'table',
    compute: (c) => {
      const floors = c.input('/partB_building/floors') ?? [];
      if (floors.length === 0) return [];
      const depreciationPct = c.number('depreciationPct');
      return floors.map((floor, index) => {
        const area = floor.plinthAreaSqm ?? c.need(`/partB_building/floors/${index}/plinthAreaSqm`);
        const rate = floor.replacementRatePerSqm ?? c.need(`/partB_building/floors/${index}/replacementRatePerSqm`);
        const replacementCost = rupeesTimes(rate, area);
        const depreciation = rupeesTimes(replacementCost, depreciationPct / 100);
        return {
          floor: floor.floor ?? `Floor ${index + 1}`,
          plinthAreaSqm: area,
          roofHeightM: floor.roofHeightM ?? null,
          ageYears: c.number('buildingAgeYears'),
          lifeYears: c.number('buildingLifeYears'),
          replacementRatePerSqm: rate,
          replacementCost,
          depreciationPct,
          depreciation,
          netValue: replacementCost - depreciation,
        };
      });
    },
  },
  partB_total: {
    description: 'Part B total: sum of the floors’ net values',
    unit: 'INR',
    compute: (c) => {
      const rows = c.value('partB_rows');
      if (!Array.isArray(rows)) return null;
      return sumRupees(
        rows.map((row) =>
          row !== null && typeof row === 'object' && !Array.isArray(row) && typeof row.netValue === 'number'
            ? row.netValue
            : 0,
        ),
      );
    },
  },
  buildingValue: {
    description: 'Building value (Part B): as typed by the valuer, else the Part B working',
    unit: 'INR',
    compute: (c) => c.input('/partB_building/buildingValueAdopted') ?? c.number('partB_total'),
  },
  builtUpTotalSqm: {
    description: 'Total built-up (plinth) area of all floors; for a flat, its built-up area',
    unit: 'sqm',
    compute: (c) => {
      if (c.value('isFlat') === true) return c.need('/flat/builtUpAreaSqm');
      return roundToDecimals(
        (c.input('/partB_building/floors') ?? []).reduce((sum, floor) => sum + (floor.plinthAreaSqm ?? 0), 0),
        2,
      );
    },
  },
  approvedTotalSqm: {
    description: 'Total area as per the approved plan (none when no floor gives one)',
    unit: 'sqm',
    compute: (c) => {
      const approved = (c.input('/partB_building/floors') ?? [])
        .map((floor) => floor.approvedAreaSqm)
        .filter((area): area is number => typeof area === 'number');
      return approved.length === 0
        ? null
        : roundToDecimals(
            approved.reduce((sum, area) => sum + area, 0),
            2,
          );
    },
  },
  deviationPct: {
    description: 'Deviation from the approved plan: (built-up − approved) ÷ approved × 100',
    unit: '%',
    compute: (c) => {
      const approved = c.value('approvedTotalSqm');
      if (typeof approved !== 'number' || approved === 0) return null;
      return roundToDecimals(((c.number('builtUpTotalSqm') - approved) / approved) * 100, 2);
    },
  },
  fsiConsumed: {
    description: 'FSI consumed: built-up area ÷ extent considered (not for a flat)',
    unit: 'ratio',
    compute: (c) =>
      c.value('isFlat') === true
        ? null
        : roundToDecimals(c.number('builtUpTotalSqm') / c.number('extentConsideredSqm'), 3),
  },
} satisfies Record<string, ValuationFormula>;
