import { SBI_REPORT_SPEC } from '../../sbi-under-5cr-v1/template-src/sbi-report-spec.js';
import * as sbiTags from '../../sbi-under-5cr-v1/template-src/template-tags.js';

/**
 * The SBI template source this report is built on: its spec and its tag helpers. The
 * valuation formats share the covering letter, the declaration, the checklists and the
 * annexures, so this report reuses the SBI blocks and changes only what its format changes.
 */
export type SbiTemplateSource = typeof sbiTags & { readonly SBI_REPORT_SPEC: typeof SBI_REPORT_SPEC };

export function loadSbiTemplateSource(): Promise<SbiTemplateSource> {
  return Promise.resolve({ ...sbiTags, SBI_REPORT_SPEC });
}
