import type { PsuRule } from './settings.js';

/** Town-planning parameters and separate areas of the >₹5 crore format (DOMAIN §2 background, §2.d). */
export const townPlanningRules = {
  FSI_EXCEEDED: {
    description: 'FSI consumed exceeds the permissible FSI',
    level: 'warn',
    check: ({ input, number }) => {
      const consumed = number('fsiConsumed');
      const permissible = input.townPlanning?.permissibleFsi;
      return (
        consumed !== undefined &&
        permissible !== undefined &&
        consumed > permissible && {
          message: `FSI consumed ${consumed} exceeds the permissible ${permissible}`,
          fields: ['values/fsiConsumed', '/townPlanning/permissibleFsi'],
        }
      );
    },
  },
  GROUND_COVERAGE_EXCEEDED: {
    description: 'Ground coverage consumed exceeds the permissible coverage',
    level: 'warn',
    check: ({ input, number }) => {
      const consumed = number('groundCoveragePct');
      const permissible = input.townPlanning?.permissibleGroundCoveragePct;
      return (
        consumed !== undefined &&
        permissible !== undefined &&
        consumed > permissible && {
          message: `Ground coverage ${consumed} % exceeds the permissible ${permissible} %`,
          fields: ['values/groundCoveragePct', '/townPlanning/permissibleGroundCoveragePct'],
        }
      );
    },
  },
  SEPARATE_AREAS_MISSING: {
    description: 'The format states plinth, carpet and saleable areas separately for every floor',
    level: 'warn',
    check: ({ input }) => {
      const fields = (input.partB_building?.floors ?? []).flatMap((floor, index) =>
        (['carpetAreaSqm', 'saleableAreaSqm'] as const)
          .filter((name) => floor[name] === undefined)
          .map((name) => `/partB_building/floors/${index}/${name}`),
      );
      return fields.length > 0 && { message: `${fields.length} carpet or saleable area(s) are not stated`, fields };
    },
  },
  FLOOR_AREAS_INCONSISTENT: {
    description: 'Per floor: carpet < plinth (built-up) ≤ saleable',
    level: 'error',
    check: ({ input }) =>
      (input.partB_building?.floors ?? []).flatMap((floor, index) => {
        const { carpetAreaSqm: carpet, plinthAreaSqm: plinth, saleableAreaSqm: saleable } = floor;
        const problems: string[] = [];
        if (carpet !== undefined && plinth !== undefined && carpet >= plinth)
          problems.push('carpet area must be below the plinth area');
        if (plinth !== undefined && saleable !== undefined && plinth > saleable)
          problems.push('plinth area must not exceed the saleable area');
        return problems.length === 0
          ? []
          : [
              {
                message: `${floor.floor ?? `Floor ${index + 1}`}: ${problems.join('; ')}`,
                fields: [`/partB_building/floors/${index}`],
              },
            ];
      }),
  },
} satisfies Record<string, PsuRule>;
