import { rgb, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import { PAGE_GEOMETRY, mmToPoints } from './page-geometry.js';

/** What the checker found on a draft, and where the draft came from. */
export interface DraftFindings {
  /** e.g. `Draft version 2 generated on 12-08-2025 (SBI_UNDER_5CR_V1 1.0.0, input 3f…)`. */
  readonly provenance: string;
  readonly items: readonly { readonly level: string; readonly code: string; readonly message: string }[];
}

export const FINDINGS_HEADING = 'CHECKER FINDINGS (DRAFT ONLY)';

const MARGIN_MM = { side: 18, top: 20, bottom: 22 } as const;
const SIZE = { heading: 13, body: 9 } as const;
const LINE = { body: 11.5, gap: 4 } as const;
/** Column widths in mm: level, code, finding (the rest of the line). */
const COLUMNS_MM = [16, 58] as const;

/**
 * Appends the checker's findings to a draft, on pages of their own drawn by the host: a
 * template renders once, for the bank, so that the released PDF is the draft's pages without
 * the watermark; the findings never enter the document a bank receives. Answers the pages.
 */
export function appendFindingsPages(doc: PDFDocument, font: PDFFont, findings: DraftFindings): PDFPage[] {
  const width = mmToPoints(PAGE_GEOMETRY.a4.widthMm);
  const height = mmToPoints(PAGE_GEOMETRY.a4.heightMm);
  const left = mmToPoints(MARGIN_MM.side);
  const right = width - mmToPoints(MARGIN_MM.side);
  const bottom = mmToPoints(MARGIN_MM.bottom);
  const codeX = left + mmToPoints(COLUMNS_MM[0]);
  const messageX = codeX + mmToPoints(COLUMNS_MM[1]);
  const ink = rgb(0.1, 0.1, 0.1);
  const grey = rgb(0.4, 0.4, 0.4);

  const pages: PDFPage[] = [];
  let page!: PDFPage;
  let y = 0;
  const newPage = () => {
    page = doc.addPage([width, height]);
    pages.push(page);
    y = height - mmToPoints(MARGIN_MM.top);
  };
  const text = (value: string, x: number, size: number, color = ink) =>
    page.drawText(value, { x, y, size, font, color });

  newPage();
  y -= SIZE.heading;
  text(FINDINGS_HEADING, left, SIZE.heading);
  y -= LINE.body + LINE.gap;
  for (const line of wrap(
    font,
    `${findings.provenance}. Drafts only: the released report leaves these pages out.`,
    SIZE.body,
    right - left,
  )) {
    text(line, left, SIZE.body, grey);
    y -= LINE.body;
  }
  y -= LINE.gap;
  if (findings.items.length === 0) {
    text('No findings.', left, SIZE.body);
    return pages;
  }
  const header = () => {
    text('Level', left, SIZE.body, grey);
    text('Code', codeX, SIZE.body, grey);
    text('Finding', messageX, SIZE.body, grey);
    y -= LINE.body;
  };
  header();
  for (const item of findings.items) {
    const message = wrap(font, item.message, SIZE.body, right - messageX);
    const code = wrap(font, item.code, SIZE.body, messageX - codeX - 6);
    const rows = Math.max(message.length, code.length);
    if (y - rows * LINE.body < bottom) {
      newPage();
      header();
    }
    text(item.level, left, SIZE.body);
    for (let row = 0; row < rows; row += 1) {
      if (code[row]) text(code[row]!, codeX, SIZE.body);
      if (message[row]) text(message[row]!, messageX, SIZE.body);
      y -= LINE.body;
    }
    y -= LINE.gap;
  }
  return pages;
}

/** Splits text into lines no wider than `width` at `size`, breaking at spaces (or inside a word longer than a line). */
function wrap(font: PDFFont, value: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  const fits = (candidate: string) => font.widthOfTextAtSize(candidate, size) <= width;
  for (const word of value.replace(/\s+/g, ' ').trim().split(' ')) {
    const candidate = current ? `${current} ${word}` : word;
    if (fits(candidate)) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    let rest = word;
    while (!fits(rest)) {
      let cut = rest.length - 1;
      while (cut > 1 && !fits(rest.slice(0, cut))) cut -= 1;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    current = rest;
  }
  if (current) lines.push(current);
  return lines;
}
