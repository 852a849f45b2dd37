import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject } from 'ajv';
import manifestSchema from './pack-manifest.schema.json' with { type: 'json' };
import type { PackManifest } from './pack-manifest.generated.js';

/** One reason a manifest or schema was refused, with where it is. */
export interface ValidationProblem {
  readonly path: string;
  readonly message: string;
}

export type ManifestCheck =
  | { readonly ok: true; readonly manifest: PackManifest }
  | { readonly ok: false; readonly problems: readonly ValidationProblem[] };

const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile<PackManifest>(manifestSchema);

/** Checks a manifest against the sdk's JSON Schema. The CLI and the host both call this. */
export function validateManifest(candidate: unknown): ManifestCheck {
  if (validate(candidate)) return { ok: true, manifest: candidate };
  return { ok: false, problems: toProblems(validate.errors) };
}

/** Flattens Ajv errors to `{path, message}` pairs a person can act on. */
export function toProblems(errors: readonly ErrorObject[] | null | undefined): ValidationProblem[] {
  return (errors ?? []).slice(0, 20).map((error) => ({
    path: error.instancePath === '' ? '/' : error.instancePath,
    message: error.message ?? error.keyword,
  }));
}

export { manifestSchema };
