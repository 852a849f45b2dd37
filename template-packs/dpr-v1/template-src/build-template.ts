import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DPR_REPORT_SPEC } from './dpr-report-spec.js';
import { writeTemplate } from './write-template.js';

/**
 * Builds `templates/report.docx` from `dpr-report-spec.ts` and rewrites the tag list of
 * `template-src/README.md`.
 *
 *   node --import tsx template-packs/dpr-v1/template-src/build-template.ts [--out <file>]
 */
writeTemplate(DPR_REPORT_SPEC, path.dirname(fileURLToPath(import.meta.url)), process.argv).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
