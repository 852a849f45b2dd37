import type { DocxAlign, DocxBlock, DocxRun, DocxTableRow } from '@repogen/core';

/**
 * Carbone tags and table rows of the SBI template, written once so that the report source
 * reads like the form. Every tag names a path of the template data contract:
 * `d.report` (generation facts), `d.input` (schema.json), `d.values` (the pack's formulas),
 * `d.warnings` and `d.annexure`.
 */

/** sq ft in one sq m (DOMAIN §1.5). */
export const SQFT_PER_SQM = 10.7639;

/** `{d.input.<path>}`, optionally followed by carbone formatters (`:formatRupees`). */
export function input(path: string, formatters = ''): string {
  return `{d.input.${path}${formatters}}`;
}

/** `{d.values.<name>}`, optionally followed by carbone formatters. */
export function value(name: string, formatters = ''): string {
  return `{d.values.${name}${formatters}}`;
}

/** `{d.report.<name>}`. */
export function report(name: string): string {
  return `{d.report.${name}}`;
}

/** An amount in rupees with Indian grouping: `₹1,39,80,000`. */
export const RUPEES = ':formatRupees';
/** A number with Indian grouping and two decimals: `2,384.20`. */
export const TWO_DP = ':formatIndian(2)';
/** An ISO date printed DD-MM-YYYY. */
export const DATE = ":formatD('DD-MM-YYYY')";
/** sq m → sq ft, two decimals. */
export const TO_SQFT = `:mul(${SQFT_PER_SQM}):formatIndian(2)`;

/** A tag of one path with the given formatters, e.g. `(f) => value('landValue', f)`. */
export type TagOf = (formatters: string) => string;

/** An area in sq m with its sq ft in brackets, `221.50 sq m (2,384.20 sq ft)`, or NA. */
export function areaSqm(tag: TagOf): string {
  return (
    `${tag(':ifNEM:showBegin')}${tag(TWO_DP)} sq m (${tag(TO_SQFT)} sq ft)${tag(':showEnd')}` +
    tag(":ifEM:show('NA'):elseShow('')")
  );
}

/** A rate in rupees with two decimals and its unit, `₹42,000.00 per sq m`, or NA. */
export function rate(tag: TagOf, unit = 'per sq m'): string {
  return `${tag(":formatRupees(2):ifEM:show('NA')")}${tag(`:ifNEM:show(' ${unit}')`)}`;
}

/** A schema enum printed as words; an unknown or missing value prints as it is (or blank). */
export function choice(tag: string, labels: Readonly<Record<string, string>>): string {
  const chain = Object.entries(labels)
    .map(([code, label]) => `:ifEQ('${code}'):show('${label}')`)
    .join('');
  return tag.replace(/}$/, `${chain}}`);
}

/** A boolean printed Yes / No; a missing one prints blank. */
export function yesNo(tag: string): string {
  return choice(tag, { true: 'Yes', false: 'No' });
}

/** An empty value printed as "NA" (the firm prints NA for what is not available). */
export function orNa(tag: string): string {
  return tag.replace(/}$/, ":ifEM:show('NA')}");
}

/** The empty box the firm ticks by hand. */
export const BOX = '☐';

/** A numbered form item: number | particulars | details, as the bank's form numbers them. */
export function item(no: string, label: string, details: DocxRun | readonly DocxRun[]): DocxTableRow {
  return { cells: [no, label, details] };
}

/** A sub-heading row inside a form table (the number column holds the item number). */
export function subhead(no: string, label: string): DocxTableRow {
  return { bold: true, cells: [no, label, ''] };
}

/** Column widths of a numbered form table: No. | Particulars | Details. */
export const FORM_WIDTHS = [1.1, 7.1, 8.8] as const;

export function formTable(rows: readonly DocxTableRow[]): DocxBlock {
  return { kind: 'table', widths: FORM_WIDTHS, rows };
}

/** A money schedule (Parts C–F, extras): No. | Item | Amount, with a bold total row. */
export function moneyTable(
  items: readonly (readonly [label: string, tag: string])[],
  totalLabel: string,
  totalTag: string,
): DocxBlock {
  const right: readonly DocxAlign[] = ['left', 'left', 'right'];
  return {
    kind: 'table',
    widths: [1.1, 10.9, 5],
    rows: [
      { header: true, cells: ['No.', 'Particulars of item', 'Amount (₹)'], align: right },
      ...items.map(([label, tag], index) => ({ cells: [`${index + 1}.`, label, tag], align: right })),
      { bold: true, cells: ['', totalLabel, totalTag], align: right },
    ],
  };
}

export function heading(text: string, pageBreakBefore = false): DocxBlock {
  return { kind: 'heading', level: 1, text, pageBreakBefore };
}

export function subheading(text: string): DocxBlock {
  return { kind: 'heading', level: 2, text };
}

export function paragraph(runs: DocxRun | readonly DocxRun[], align?: DocxAlign): DocxBlock {
  return align ? { kind: 'paragraph', runs, align } : { kind: 'paragraph', runs };
}

export function note(text: string): DocxBlock {
  return { kind: 'paragraph', style: 'Small', runs: text };
}

/**
 * Blocks shown only when a carbone condition holds: a `showBegin` marker paragraph, the
 * blocks, and a `showEnd` marker paragraph. `condition` is a tag body without braces, such
 * as `d.values.isFlat:ifEQ(true)`; carbone removes everything between the markers otherwise.
 */
export function showWhen(condition: string, blocks: readonly DocxBlock[]): DocxBlock[] {
  const path = condition.split(':')[0] ?? condition;
  return [
    { kind: 'paragraph', style: 'Small', runs: `{${condition}:showBegin}` },
    ...blocks,
    { kind: 'paragraph', style: 'Small', runs: `{${path}:showEnd}` },
  ];
}
