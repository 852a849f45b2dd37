import type { PackWarning, ValidationProblem } from '@repogen/sdk';

/** What still keeps a report from being complete; generation is allowed with warnings, never with missing fields. */
export interface Readiness {
  readonly ready: boolean;
  /** JSON pointers of schema-required fields that are absent. */
  readonly missingFields: readonly string[];
  /** Error-level warnings of the pack's rules (they print; they mark the report not ready). */
  readonly errors: readonly { readonly code: string; readonly message: string; readonly fields: readonly string[] }[];
}

const REQUIRED = /^must have required property '(.+)'$/;

/** Splits schema problems into missing required fields (allowed while drafting) and real faults. */
export function splitProblems(problems: readonly ValidationProblem[]): { missing: string[]; faults: ValidationProblem[] } {
  const missing: string[] = [];
  const faults: ValidationProblem[] = [];
  for (const problem of problems) {
    const match = REQUIRED.exec(problem.message);
    if (match) {
      const base = problem.path === '/' ? '' : problem.path;
      missing.push(`${base}/${(match[1] ?? '').replace(/~/g, '~0').replace(/\//g, '~1')}`);
    } else {
      faults.push(problem);
    }
  }
  return { missing: [...new Set(missing)], faults };
}

export function readinessOf(missingFields: readonly string[], warnings: readonly PackWarning[]): Readiness {
  const errors = warnings.filter((warning) => warning.level === 'error').map(({ code, message, fields }) => ({ code, message, fields }));
  return { ready: missingFields.length === 0 && errors.length === 0, missingFields, errors };
}
