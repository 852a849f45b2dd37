import type { AnnexurePage, JsonValue, PackWarning } from '@repogen/sdk';
import { ANNEXURE_DATA_KEY, toAnnexureTemplateData, type AnnexureTemplatePage } from '../render/index.js';

/**
 * What the template knows of the report itself, under `d.report`. Nothing says whether it is a
 * draft: a template renders once, for the bank, and the released PDF is that render without the
 * watermark; the host adds what only drafts carry (the watermark, the checker's findings).
 */
export interface ReportTemplateHeader {
  readonly title: string;
  /** The external key (`v1:assignment:123`) or, without one, the report id. */
  readonly reference: string;
  /** The version being generated: 1, 2, … */
  readonly version: number;
  /** DD-MM-YYYY, India time. */
  readonly generatedOn: string;
  readonly packKey: string;
  readonly packVersion: string;
  readonly inputSha256: string;
}

/**
 * The carbone data of a report template: the contract template authors write tags against
 * (`{d.report.reference}`, `{d.input.owners[i].name}`, `{d.values.fairMarketValue:formatRupees}`,
 * `{d.warnings[i].message}`, and the annexure loops).
 */
export interface ReportTemplateData {
  readonly report: ReportTemplateHeader;
  readonly input: JsonValue;
  readonly values: { readonly [name: string]: JsonValue };
  readonly warnings: readonly { readonly code: string; readonly level: string; readonly message: string }[];
  readonly [ANNEXURE_DATA_KEY]: AnnexureTemplatePage[];
}

export function buildReportTemplateData(parts: {
  header: ReportTemplateHeader;
  input: JsonValue;
  values: { readonly [name: string]: JsonValue };
  warnings: readonly PackWarning[];
  pages: readonly AnnexurePage[];
}): ReportTemplateData {
  return {
    report: parts.header,
    input: parts.input,
    values: parts.values,
    warnings: parts.warnings.map(({ code, level, message }) => ({ code, level, message })),
    [ANNEXURE_DATA_KEY]: toAnnexureTemplateData(parts.pages),
  };
}

/** DD-MM-YYYY of an instant in India Standard Time, as Indian reports print dates. */
export function formatIndianDate(instant: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Kolkata', day: '2-digit', month: '2-digit', year: 'numeric' }).formatToParts(instant);
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? '';
  return `${part('day')}-${part('month')}-${part('year')}`;
}
