import { roundToDecimals } from '../../runtime/index.js';
import type { FormulaContext, FormulaDefinition } from '../../define-pack/index.js';
import { json, rowsOf } from './json.js';
import { project, shocked, type Drivers, type ProjectionYear, type SensitivityShock } from './projection-engine.js';
import {
  averageDscr,
  firrPct,
  minimumDscr,
  netPresentValue,
  paybackYears,
  simpleMeanDscr,
  summarise,
} from './viability-summary.js';

/** The settings the viability formulas read. */
export interface ViabilitySettings {
  /** The year whose break-even the summary and the sensitivity table print. */
  readonly bepReferenceYear: number;
}

/**
 * How a pack reads its drivers: the pointers differ from pack to pack, so each pack reads them
 * through the formula context itself, and every value built on them keeps its trace.
 */
export interface DriverReaders<Input, Settings> {
  readonly drivers: (c: FormulaContext<Input, Settings, string>) => Drivers;
  readonly sensitivityCases: (c: FormulaContext<Input, Settings, string>) => SensitivityShock[];
  readonly discountRatePct: (c: FormulaContext<Input, Settings, string>) => number;
}

/**
 * DSCR, break-even, FIRR/NPV, payback and sensitivity (DOMAIN §3.b), over the `projections` and
 * `projectCostTotal` values the pack computes.
 */
export function viabilityFormulas<Input, Settings extends ViabilitySettings>(
  read: DriverReaders<Input, Settings>,
): Record<string, FormulaDefinition<Input, Settings, string>> {
  return {
    avgDscr: {
      description: 'Average DSCR over the repayment years: Σ numerator ÷ Σ denominator (moratorium excluded)',
      unit: 'ratio',
      compute: (c) => averageDscr(rowsOf<ProjectionYear>(c.value('projections'))),
    },
    avgDscrSimpleMean: {
      description: 'Simple mean of the yearly DSCRs over the repayment years (shown for its basis)',
      unit: 'ratio',
      compute: (c) => simpleMeanDscr(rowsOf<ProjectionYear>(c.value('projections'))),
    },
    minDscr: {
      description: 'Minimum DSCR over the repayment years',
      unit: 'ratio',
      compute: (c) => minimumDscr(rowsOf<ProjectionYear>(c.value('projections')))?.value ?? null,
    },
    minDscrYear: {
      description: 'The year of the minimum DSCR',
      unit: 'year',
      compute: (c) => minimumDscr(rowsOf<ProjectionYear>(c.value('projections')))?.year ?? null,
    },
    breakEven: {
      description:
        'Break-even in the reference year: FC = fixed cash cost + dep + amort + interest; BEP = FC ÷ contribution × CU; cash BEP leaves out dep and amort; margin of safety = (sales − BEP sales) ÷ sales',
      unit: '%',
      compute: (c) => {
        const rows = rowsOf<ProjectionYear>(c.value('projections'));
        const row = rows[Math.min(c.setting('bepReferenceYear'), rows.length) - 1];
        if (row?.bepSales === null || row?.bepSales === undefined) return null;
        return json({
          year: row.year,
          bepPctOfSales: row.bepPctOfSales,
          bepPctOfInstalledCapacity: row.bepPctOfInstalledCapacity,
          cashBepPctOfInstalledCapacity: row.cashBepPctOfInstalledCapacity,
          bepSales: row.bepSales,
          cashBepSales: row.cashBepSales,
          marginOfSafetyPct: row.sales > 0 ? roundToDecimals(((row.sales - row.bepSales) / row.sales) * 100, 2) : null,
        });
      },
    },
    firrCashFlows: {
      description:
        'FIRR flows (unlevered, post-tax): −cost; EBITDA − tax × max(EBIT, 0); + residual value in the last year',
      unit: 'INR_LAKH',
      compute: (c) => json(project(read.drivers(c)).firrCashFlows),
    },
    firrPct: {
      description: 'Project IRR of the FIRR flows (Excel-compatible IRR)',
      unit: '%',
      compute: (c) => firrPct(numbers(c.value('firrCashFlows'))),
    },
    npv: {
      description: 'NPV of the FIRR flows at the discount rate: CF₀ + Σ CF_t ÷ (1 + r)^t',
      unit: 'INR_LAKH',
      compute: (c) => netPresentValue(numbers(c.value('firrCashFlows')), read.discountRatePct(c)),
    },
    paybackYears: {
      description:
        'Payback from COD: years until cumulative cash accruals (PAT + dep + amort) reach the project cost, interpolated',
      unit: 'years',
      compute: (c) => paybackYears(rowsOf<ProjectionYear>(c.value('projections')), c.number('projectCostTotal')),
    },
    sensitivity: {
      description:
        'Sensitivity: each case re-runs the projections from the base drivers with only its shocks; avg and min DSCR, FIRR, NPV and break-even in the reference year',
      unit: 'ratio',
      compute: (c) => {
        const base = read.drivers(c);
        const bepYear = c.setting('bepReferenceYear');
        const cases = [{ key: 'base', label: 'Base case' }, ...read.sensitivityCases(c)];
        return json(
          Object.fromEntries(
            cases.map((shock) => [shock.key, { label: shock.label, ...summarise(shocked(base, shock), bepYear) }]),
          ),
        );
      },
    },
  };
}

function numbers(value: unknown): number[] {
  return Array.isArray(value) ? value.filter((item): item is number => typeof item === 'number') : [];
}
