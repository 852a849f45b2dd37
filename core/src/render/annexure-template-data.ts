import type { AnnexurePage } from '@repogen/sdk';
import { renderErrors } from './render-errors.js';

/** The key under which the renderer adds the annexure pages to a template's data. */
export const ANNEXURE_DATA_KEY = 'annexure';

/**
 * The carbone tags of an annexure page as the template builder writes them. A template written
 * by hand uses the same tags: the picture's alt text holds `cellRef`, and the `…+1` tags, in
 * runs or paragraphs after the repeated part, close the loops. Every level names its iterator
 * `i`: carbone 3.8.2 repeats a nested loop only then (with `[j]`/`[k]` it renders one item).
 */
export const ANNEXURE_TAGS = annexureTags();

/**
 * The annexure tags of the pages a carbone filter keeps (`section='x'`, `section!='x'`, …): a
 * template may print one section's pages in one place and the others elsewhere. The filter
 * stands on every level-one marker, as carbone needs it on the loop's `[i]` and `[i+1]` alike.
 */
export function annexureTags(filter = ''): {
  readonly heading: string;
  readonly cellRef: string;
  readonly cellEnd: string;
  readonly rowEnd: string;
  readonly pageEnd: string;
} {
  const page = filter ? `d.annexure[i, ${filter}]` : 'd.annexure[i]';
  const next = filter ? `d.annexure[i+1, ${filter}]` : 'd.annexure[i+1]';
  return {
    heading: `{${page}.heading}`,
    cellRef: `{${page}.rows[i].cells[i].ref}`,
    cellEnd: `{${page}.rows[i].cells[i+1].ref}`,
    rowEnd: `{${page}.rows[i+1].cells[i].ref}`,
    pageEnd: `{${next}.heading}`,
  };
}

export type AnnexureGrid = AnnexurePage['grid'];

/** Columns × rows of each grid: `2x1` is two side by side, `1x2` two stacked. */
export const ANNEXURE_GRIDS: Readonly<Record<AnnexureGrid, { readonly columns: number; readonly rows: number }>> = {
  '1x1': { columns: 1, rows: 1 },
  '1x2': { columns: 1, rows: 2 },
  '2x1': { columns: 2, rows: 1 },
  '2x2': { columns: 2, rows: 2 },
  '1x3': { columns: 1, rows: 3 },
};

/** What a picture's alt text says once carbone has filled it: the evidence and its page's grid. */
export interface SlotReference {
  readonly evidenceId: string;
  readonly grid: AnnexureGrid;
}

const EVIDENCE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const SLOT_REFERENCE = /^evidence:(.+);grid=(\dx\d)$/;

export function formatSlotReference(reference: SlotReference): string {
  return `evidence:${reference.evidenceId};grid=${reference.grid}`;
}

/** `undefined` for alt text that is not a slot reference (a logo, a stamp, a typed description). */
export function parseSlotReference(description: string): SlotReference | undefined {
  const match = SLOT_REFERENCE.exec(description);
  if (!match) return undefined;
  const [, evidenceId = '', grid = ''] = match;
  if (!isAnnexureGrid(grid)) return undefined;
  return { evidenceId, grid };
}

function isAnnexureGrid(grid: string): grid is AnnexureGrid {
  return Object.hasOwn(ANNEXURE_GRIDS, grid);
}

export interface AnnexureTemplatePage {
  readonly section: string;
  readonly heading: string;
  readonly grid: AnnexureGrid;
  readonly rows: readonly { readonly cells: readonly { readonly ref: string }[] }[];
}

/**
 * Turns the pack's layout into the rows and cells the template loops over. The images of a
 * page fill its grid row by row; a page may leave trailing slots empty.
 */
export function toAnnexureTemplateData(pages: readonly AnnexurePage[]): AnnexureTemplatePage[] {
  return pages.map((page, index) => {
    const shape = ANNEXURE_GRIDS[page.grid] as (typeof ANNEXURE_GRIDS)[AnnexureGrid] | undefined;
    if (!shape)
      throw renderErrors.layoutInvalid(`Annexure page ${index + 1} has an unknown grid '${String(page.grid)}'`);
    const capacity = shape.columns * shape.rows;
    if (page.evidenceIds.length === 0 || page.evidenceIds.length > capacity) {
      throw renderErrors.layoutInvalid(
        `Annexure page ${index + 1} ('${page.heading}') holds ${page.evidenceIds.length} items; grid ${page.grid} takes 1 to ${capacity}`,
      );
    }
    const rows: { cells: { ref: string }[] }[] = [];
    page.evidenceIds.forEach((evidenceId, position) => {
      if (!EVIDENCE_ID.test(evidenceId)) {
        throw renderErrors.layoutInvalid(`Annexure page ${index + 1} names an invalid evidence id '${evidenceId}'`);
      }
      const row = Math.floor(position / shape.columns);
      (rows[row] ??= { cells: [] }).cells.push({ ref: formatSlotReference({ evidenceId, grid: page.grid }) });
    });
    return { section: page.section, heading: page.heading, grid: page.grid, rows };
  });
}
