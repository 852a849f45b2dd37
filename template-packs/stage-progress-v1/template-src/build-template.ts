import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeTemplate } from '../../dpr-v1/template-src/write-template.js';
import { STAGE_REPORT_SPEC } from './stage-report-spec.js';

/**
 * Builds `templates/report.docx` from `stage-report-spec.ts` and rewrites the tag list of
 * `template-src/README.md`.
 *
 *   node --import tsx template-packs/stage-progress-v1/template-src/build-template.ts [--out <file>]
 */
writeTemplate(STAGE_REPORT_SPEC, path.dirname(fileURLToPath(import.meta.url)), process.argv).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
