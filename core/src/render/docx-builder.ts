import JSZip from 'jszip';
import { annexureTags } from './annexure-template-data.js';
import { mmToEmu, mmToTwips, PAGE_GEOMETRY } from './page-geometry.js';
import { escapeXml } from './xml-escape.js';

/**
 * A run of text. Text may hold carbone tags (`{d.owner.name}`); each run is written as one
 * `w:r`, so a tag is never split across runs the way Word splits typed text. `\n` is a line break.
 */
export type DocxRun =
  | string
  | {
      readonly text: string;
      readonly bold?: boolean;
      readonly italic?: boolean;
      readonly sizePt?: number;
      readonly color?: string;
    };

export type DocxAlign = 'left' | 'center' | 'right' | 'both';

export interface DocxParagraphBlock {
  readonly kind: 'paragraph';
  readonly runs: DocxRun | readonly DocxRun[];
  readonly align?: DocxAlign;
  readonly style?: 'Normal' | 'Title' | 'Subtitle' | 'Small' | 'Signature';
  readonly pageBreakBefore?: boolean;
  readonly keepNext?: boolean;
}

export interface DocxHeadingBlock {
  readonly kind: 'heading';
  readonly text: string;
  readonly level: 1 | 2;
  readonly pageBreakBefore?: boolean;
}

export interface DocxTableRow {
  readonly cells: readonly (DocxRun | readonly DocxRun[])[];
  /** Repeated at the top of each page, bold and shaded. */
  readonly header?: boolean;
  readonly bold?: boolean;
  /** Per-cell alignment; defaults to left. */
  readonly align?: readonly DocxAlign[];
}

/**
 * A table over the full text width. Rows holding `{d.items[i].x}` followed by a row holding
 * `{d.items[i+1].x}` form a carbone row loop, as in any carbone template.
 */
export interface DocxTableBlock {
  readonly kind: 'table';
  /** Relative column widths, e.g. `[1, 6, 0.3, 8]` for number | label | colon | value. */
  readonly widths: readonly number[];
  readonly rows: readonly DocxTableRow[];
  readonly borders?: boolean;
}

export interface DocxPageBreakBlock {
  readonly kind: 'pageBreak';
}

/**
 * The annexure pages: one page per entry of `d.annexure`, each a heading and its images in
 * rows. The placeholder picture carries the carbone tag in its alt text; the renderer swaps
 * in the evidence after carbone has run. `imageArea` is the box every page's images share.
 */
export interface DocxAnnexurePagesBlock {
  readonly kind: 'annexurePages';
  readonly imageArea?: { readonly widthMm: number; readonly heightMm: number };
  /** Only the pages of these sections, so an annexure can print where its format puts it. */
  readonly sections?: readonly string[];
  /** Every page but those of these sections (the rest of the annexures, after the ones printed earlier). */
  readonly exceptSections?: readonly string[];
}

/**
 * The carbone filter of an annexure block. carbone ANDs the conditions of a filter and has no
 * OR, so `sections` keeps one section; several sections are several blocks.
 */
export function annexureFilter(block: Pick<DocxAnnexurePagesBlock, 'sections' | 'exceptSections'>): string {
  const only = block.sections ?? [];
  if (only.length > 1) throw new Error('buildDocx: an annexurePages block keeps one section; use a block per section');
  return [
    ...only.map((section) => `section='${section}'`),
    ...(block.exceptSections ?? []).map((section) => `section!='${section}'`),
  ].join(', ');
}

/**
 * A centred picture the host fills after carbone: its alt text is `evidence:<slot>` (a chart's
 * slot is `chart.<id>`), and the image is fitted inside the box with its aspect ratio.
 */
export interface DocxPictureBlock {
  readonly kind: 'picture';
  readonly slot: string;
  readonly widthMm: number;
  readonly heightMm: number;
}

export type DocxBlock =
  | DocxParagraphBlock
  | DocxHeadingBlock
  | DocxTableBlock
  | DocxPageBreakBlock
  | DocxAnnexurePagesBlock
  | DocxPictureBlock;

export interface DocxMarginsMm {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

export interface DocxSpec {
  readonly blocks: readonly DocxBlock[];
  /** Printed at the top of every page, above a rule. */
  readonly header?: string;
  readonly title?: string;
  readonly font?: string;
  readonly fontSizePt?: number;
  /**
   * The bottom margin also keeps clear the band where the PDF stamper prints
   * `Page x of y`, the reference and the date (see `PDF_FOOTER_BAND_MM`).
   */
  readonly marginsMm?: DocxMarginsMm;
  /** A4 portrait unless told; landscape swaps the page's width and height. */
  readonly orientation?: 'portrait' | 'landscape';
}

/** Room the PDF stamper needs under the text: its footer sits 10 mm above the paper's edge. */
export const PDF_FOOTER_BAND_MM = 18;

const DEFAULT_MARGINS: DocxMarginsMm = { top: 18, right: 18, bottom: 22, left: 22 };
/** By default annexure images take the text width and the text height less room for the heading. */
const ANNEXURE_HEADING_ROOM_MM = 45;

const NS = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  wp: 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  pic: 'http://schemas.openxmlformats.org/drawingml/2006/picture',
  rel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  officeDoc: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
} as const;

/** A 1×1 light grey PNG: the placeholder picture whose alt text names the evidence. */
const PLACEHOLDER_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGN49uwZAAVoArMCxcTLAAAAAElFTkSuQmCC',
  'base64',
);
const PLACEHOLDER_REL_ID = 'rIdAnnexurePlaceholder';
/** The DOS epoch: every zip entry carries it instead of the time of the build. */
const ZIP_ENTRY_DATE = new Date(Date.UTC(1980, 0, 1));

/**
 * Builds an A4 portrait DOCX that carbone renders and LibreOffice converts as it is: the
 * template format of Repogen's packs, written by a script because there is no Word here.
 */
export async function buildDocx(spec: DocxSpec): Promise<Buffer> {
  const margins = spec.marginsMm ?? DEFAULT_MARGINS;
  if (margins.bottom < PDF_FOOTER_BAND_MM) {
    throw new Error(
      `buildDocx: the bottom margin must be at least ${PDF_FOOTER_BAND_MM} mm to leave room for the PDF footer`,
    );
  }
  const page = pageSizeMm(spec.orientation ?? 'portrait');
  const textWidthMm = page.widthMm - margins.left - margins.right;
  const textHeightMm = page.heightMm - margins.top - margins.bottom;
  const context: BuildContext = {
    textWidthTwips: mmToTwips(textWidthMm),
    defaultImageArea: { widthMm: textWidthMm, heightMm: textHeightMm - ANNEXURE_HEADING_ROOM_MM },
    nextDrawingId: 1,
    usesPlaceholder: false,
  };
  const body = spec.blocks.map((block) => blockXml(block, context)).join('');
  const header = spec.header ?? '';

  const zip = new JSZip();
  // A fixed date and no folder entries (JSZip dates those now) keep the bytes a function of the spec alone.
  const add = (name: string, content: string | Buffer) =>
    zip.file(name, content, { date: ZIP_ENTRY_DATE, createFolders: false });
  add('[Content_Types].xml', contentTypesXml(header !== ''));
  add('_rels/.rels', rootRelsXml());
  add('docProps/core.xml', corePropsXml(spec.title ?? 'Report'));
  add('docProps/app.xml', appPropsXml());
  add('word/document.xml', documentXml(body, margins, page, header !== ''));
  add('word/styles.xml', stylesXml(spec.font ?? 'DejaVu Sans', spec.fontSizePt ?? 10));
  add('word/settings.xml', settingsXml());
  add('word/_rels/document.xml.rels', documentRelsXml(header !== '', context.usesPlaceholder));
  if (header !== '') add('word/header1.xml', headerXml(header));
  if (context.usesPlaceholder) add('word/media/annexure-placeholder.png', PLACEHOLDER_PNG);
  return zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  });
}

interface BuildContext {
  readonly textWidthTwips: number;
  readonly defaultImageArea: { readonly widthMm: number; readonly heightMm: number };
  nextDrawingId: number;
  usesPlaceholder: boolean;
}

function blockXml(block: DocxBlock, context: BuildContext): string {
  switch (block.kind) {
    case 'paragraph':
      return paragraphXml(toRuns(block.runs), {
        style: block.style,
        align: block.align,
        pageBreakBefore: block.pageBreakBefore,
        keepNext: block.keepNext,
      });
    case 'heading':
      return paragraphXml([block.text], { style: `Heading${block.level}`, pageBreakBefore: block.pageBreakBefore });
    case 'table':
      return tableXml(block, context);
    case 'pageBreak':
      return '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';
    case 'annexurePages':
      return annexurePagesXml(block, context);
    case 'picture':
      return pictureXml(block, context);
  }
}

function toRuns(runs: DocxRun | readonly DocxRun[]): readonly DocxRun[] {
  return isRunList(runs) ? runs : [runs];
}

function isRunList(runs: DocxRun | readonly DocxRun[]): runs is readonly DocxRun[] {
  return Array.isArray(runs);
}

interface ParagraphOptions {
  readonly style?: string | undefined;
  readonly align?: DocxAlign | undefined;
  readonly pageBreakBefore?: boolean | undefined;
  readonly keepNext?: boolean | undefined;
}

function paragraphXml(runs: readonly DocxRun[], options: ParagraphOptions): string {
  const properties = [
    options.style && options.style !== 'Normal' ? `<w:pStyle w:val="${options.style}"/>` : '',
    options.keepNext ? '<w:keepNext/>' : '',
    options.pageBreakBefore ? '<w:pageBreakBefore/>' : '',
    options.align ? `<w:jc w:val="${options.align}"/>` : '',
  ].join('');
  return `<w:p>${properties ? `<w:pPr>${properties}</w:pPr>` : ''}${runs.map(runXml).join('')}</w:p>`;
}

function runXml(run: DocxRun): string {
  const { text, bold, italic, sizePt, color } =
    typeof run === 'string' ? ({ text: run } as Exclude<DocxRun, string>) : run;
  const properties = [
    bold ? '<w:b/><w:bCs/>' : '',
    italic ? '<w:i/><w:iCs/>' : '',
    color ? `<w:color w:val="${escapeXml(color)}"/>` : '',
    sizePt ? `<w:sz w:val="${Math.round(sizePt * 2)}"/><w:szCs w:val="${Math.round(sizePt * 2)}"/>` : '',
  ].join('');
  const content = text
    .split('\n')
    .map((line) => `<w:t xml:space="preserve">${escapeXml(line)}</w:t>`)
    .join('<w:br/>');
  return `<w:r>${properties ? `<w:rPr>${properties}</w:rPr>` : ''}${content}</w:r>`;
}

function tableXml(block: DocxTableBlock, context: BuildContext): string {
  const total = block.widths.reduce((sum, width) => sum + width, 0);
  if (block.widths.length === 0 || total <= 0)
    throw new Error('buildDocx: a table needs at least one column of positive width');
  const columns = block.widths.map((width) => Math.floor((width / total) * context.textWidthTwips));
  const borders = block.borders ?? true;
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="7F7F7F"/>`;
  const tableBorders = borders
    ? `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders>`
    : '';
  const rows = block.rows
    .map((row) => {
      if (row.cells.length !== columns.length) {
        throw new Error(`buildDocx: a table row has ${row.cells.length} cells for ${columns.length} columns`);
      }
      const cells = row.cells
        .map((cell, index) => {
          const shading = row.header ? '<w:shd w:val="clear" w:color="auto" w:fill="DCE3EC"/>' : '';
          const runs = toRuns(cell).map((run) => (row.header || row.bold ? withBold(run) : run));
          return `<w:tc><w:tcPr><w:tcW w:w="${columns[index]}" w:type="dxa"/>${shading}</w:tcPr>${paragraphXml(runs, { style: 'TableText', align: row.align?.[index] })}</w:tc>`;
        })
        .join('');
      const rowProperties = row.header
        ? '<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>'
        : '<w:trPr><w:cantSplit/></w:trPr>';
      return `<w:tr>${rowProperties}${cells}</w:tr>`;
    })
    .join('');
  return (
    `<w:tbl><w:tblPr><w:tblW w:w="${context.textWidthTwips}" w:type="dxa"/>${tableBorders}<w:tblLayout w:type="fixed"/>` +
    `<w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>` +
    `<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>${columns.map((width) => `<w:gridCol w:w="${width}"/>`).join('')}</w:tblGrid>${rows}</w:tbl>` +
    // Word requires a paragraph between two tables and after a table that ends a cell or the body.
    '<w:p><w:pPr><w:pStyle w:val="AfterTable"/></w:pPr></w:p>'
  );
}

function withBold(run: DocxRun): DocxRun {
  return typeof run === 'string' ? { text: run, bold: true } : { ...run, bold: true };
}

/**
 * Three nested carbone loops: pages (`i`) repeat a heading paragraph (which starts a new page)
 * and its rows; rows (`k`) repeat a centred paragraph; cells (`j`) repeat a picture and a gap
 * inside that paragraph. The `[x+1]` markers only close the loops and disappear on render.
 */
function annexurePagesXml(block: DocxAnnexurePagesBlock, context: BuildContext): string {
  const area = block.imageArea ?? context.defaultImageArea;
  const tags = annexureTags(annexureFilter(block));
  context.usesPlaceholder = true;
  const drawingId = context.nextDrawingId++;
  const text = (tag: string) => `<w:r><w:t xml:space="preserve">${escapeXml(tag)}</w:t></w:r>`;
  const picture = `<w:r>${inlinePictureXml(drawingId, tags.cellRef, mmToEmu(area.widthMm), mmToEmu(area.heightMm))}</w:r>`;
  // The gap's width comes from character spacing, so it does not depend on the font.
  const gap = `<w:r><w:rPr><w:spacing w:val="${mmToTwips(ANNEXURE_CELL_GAP_MM)}"/></w:rPr><w:t xml:space="preserve"> </w:t></w:r>`;
  return (
    `<w:p><w:pPr><w:pStyle w:val="AnnexureHeading"/></w:pPr>${text(tags.heading)}</w:p>` +
    `<w:p><w:pPr><w:pStyle w:val="AnnexureRow"/></w:pPr>${picture}${gap}${text(tags.cellEnd)}</w:p>` +
    `<w:p><w:pPr><w:pStyle w:val="AnnexureRow"/></w:pPr>${text(tags.rowEnd)}</w:p>` +
    `<w:p>${text(tags.pageEnd)}</w:p>`
  );
}

function pictureXml(block: DocxPictureBlock, context: BuildContext): string {
  context.usesPlaceholder = true;
  const picture = inlinePictureXml(
    context.nextDrawingId++,
    `evidence:${block.slot}`,
    mmToEmu(block.widthMm),
    mmToEmu(block.heightMm),
  );
  return `<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r>${picture}</w:r></w:p>`;
}

function inlinePictureXml(id: number, description: string, cx: number, cy: number): string {
  return (
    `<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/>` +
    `<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="${id}" name="Picture ${id}" descr="${escapeXml(description)}"/>` +
    `<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="${NS.a}" noChangeAspect="1"/></wp:cNvGraphicFramePr>` +
    `<a:graphic xmlns:a="${NS.a}"><a:graphicData uri="${NS.pic}"><pic:pic xmlns:pic="${NS.pic}">` +
    `<pic:nvPicPr><pic:cNvPr id="${id}" name="Picture ${id}"/><pic:cNvPicPr/></pic:nvPicPr>` +
    `<pic:blipFill><a:blip r:embed="${PLACEHOLDER_REL_ID}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
    `</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>`
  );
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

interface PageSizeMm {
  readonly widthMm: number;
  readonly heightMm: number;
  readonly orientation: 'portrait' | 'landscape';
}

function pageSizeMm(orientation: 'portrait' | 'landscape'): PageSizeMm {
  const { widthMm, heightMm } = PAGE_GEOMETRY.a4;
  return orientation === 'portrait'
    ? { widthMm, heightMm, orientation }
    : { widthMm: heightMm, heightMm: widthMm, orientation };
}

function documentXml(body: string, margins: DocxMarginsMm, page: PageSizeMm, hasHeader: boolean): string {
  const headerReference = hasHeader ? '<w:headerReference w:type="default" r:id="rIdHeader1"/>' : '';
  const orient = page.orientation === 'landscape' ? ' w:orient="landscape"' : '';
  const section =
    `<w:sectPr>${headerReference}<w:pgSz w:w="${mmToTwips(page.widthMm)}" w:h="${mmToTwips(page.heightMm)}"${orient}/>` +
    `<w:pgMar w:top="${mmToTwips(margins.top)}" w:right="${mmToTwips(margins.right)}" w:bottom="${mmToTwips(margins.bottom)}" ` +
    `w:left="${mmToTwips(margins.left)}" w:header="${mmToTwips(8)}" w:footer="${mmToTwips(8)}" w:gutter="0"/><w:cols w:space="708"/></w:sectPr>`;
  return (
    XML_DECLARATION +
    `<w:document xmlns:w="${NS.w}" xmlns:r="${NS.r}" xmlns:wp="${NS.wp}" xmlns:a="${NS.a}" xmlns:pic="${NS.pic}">` +
    `<w:body>${body}${section}</w:body></w:document>`
  );
}

function headerXml(text: string): string {
  return (
    XML_DECLARATION + `<w:hdr xmlns:w="${NS.w}" xmlns:r="${NS.r}">${paragraphXml([text], { style: 'Header' })}</w:hdr>`
  );
}

function stylesXml(font: string, sizePt: number): string {
  const f = escapeXml(font);
  const half = (pt: number) => Math.round(pt * 2);
  const style = (id: string, name: string, pPr: string, rPr: string, basedOn = 'Normal') =>
    `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="${basedOn}"/>` +
    `<w:qFormat/><w:pPr>${pPr}</w:pPr><w:rPr>${rPr}</w:rPr></w:style>`;
  return (
    XML_DECLARATION +
    `<w:styles xmlns:w="${NS.w}">` +
    `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="${f}" w:hAnsi="${f}" w:cs="${f}" w:eastAsia="${f}"/>` +
    `<w:sz w:val="${half(sizePt)}"/><w:szCs w:val="${half(sizePt)}"/><w:lang w:val="en-IN"/></w:rPr></w:rPrDefault>` +
    `<w:pPrDefault><w:pPr><w:spacing w:after="100" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
    style(
      'Title',
      'Title',
      '<w:jc w:val="center"/><w:spacing w:before="120" w:after="60"/>',
      `<w:b/><w:bCs/><w:sz w:val="${half(17)}"/><w:szCs w:val="${half(17)}"/><w:color w:val="1F3864"/>`,
    ) +
    style(
      'Subtitle',
      'Subtitle',
      '<w:jc w:val="center"/><w:spacing w:after="240"/>',
      `<w:sz w:val="${half(11)}"/><w:color w:val="404040"/>`,
    ) +
    style(
      'Heading1',
      'heading 1',
      '<w:keepNext/><w:spacing w:before="240" w:after="100"/><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="2" w:color="1F3864"/></w:pBdr><w:outlineLvl w:val="0"/>',
      `<w:b/><w:bCs/><w:sz w:val="${half(12)}"/><w:szCs w:val="${half(12)}"/><w:color w:val="1F3864"/>`,
    ) +
    style(
      'Heading2',
      'heading 2',
      '<w:keepNext/><w:spacing w:before="160" w:after="80"/><w:outlineLvl w:val="1"/>',
      `<w:b/><w:bCs/><w:sz w:val="${half(10.5)}"/><w:szCs w:val="${half(10.5)}"/>`,
    ) +
    style(
      'TableText',
      'Table Text',
      '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>',
      `<w:sz w:val="${half(sizePt - 0.5)}"/><w:szCs w:val="${half(sizePt - 0.5)}"/>`,
    ) +
    style(
      'AfterTable',
      'After Table',
      '<w:spacing w:before="0" w:after="60" w:line="240" w:lineRule="auto"/>',
      '<w:sz w:val="8"/><w:szCs w:val="8"/>',
    ) +
    style(
      'Small',
      'Small',
      '<w:spacing w:after="60"/>',
      `<w:sz w:val="${half(8)}"/><w:szCs w:val="${half(8)}"/><w:color w:val="595959"/>`,
    ) +
    style('Signature', 'Signature', '<w:spacing w:before="480" w:after="0"/><w:jc w:val="right"/>', '<w:b/><w:bCs/>') +
    style(
      'Header',
      'header',
      '<w:jc w:val="right"/><w:spacing w:after="0"/><w:pBdr><w:bottom w:val="single" w:sz="4" w:space="2" w:color="7F7F7F"/></w:pBdr>',
      `<w:sz w:val="${half(8)}"/><w:szCs w:val="${half(8)}"/><w:color w:val="595959"/>`,
    ) +
    style(
      'AnnexureHeading',
      'Annexure Heading',
      '<w:pageBreakBefore/><w:keepNext/><w:jc w:val="center"/><w:spacing w:before="0" w:after="240"/><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="4" w:color="1F3864"/></w:pBdr><w:outlineLvl w:val="0"/>',
      `<w:b/><w:bCs/><w:caps/><w:sz w:val="${half(12)}"/><w:szCs w:val="${half(12)}"/><w:color w:val="1F3864"/>`,
    ) +
    style(
      'AnnexureRow',
      'Annexure Row',
      `<w:jc w:val="center"/><w:spacing w:before="0" w:after="${mmToTwips(ANNEXURE_ROW_GAP_MM)}" w:line="240" w:lineRule="auto"/>`,
      '',
    ) +
    `<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>` +
    `<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
    `</w:styles>`
  );
}

/** Space under each row of annexure images; the slot arithmetic of the image step accounts for it. */
export const ANNEXURE_ROW_GAP_MM = 3;

/** Character spacing of the gap after each annexure image (the space glyph adds about 1.2 mm). */
export const ANNEXURE_CELL_GAP_MM = 3;

function settingsXml(): string {
  return (
    XML_DECLARATION +
    `<w:settings xmlns:w="${NS.w}"><w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/>` +
    `<w:characterSpacingControl w:val="doNotCompress"/><w:compat>` +
    `<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`
  );
}

function contentTypesXml(hasHeader: boolean): string {
  const main = 'application/vnd.openxmlformats-officedocument.wordprocessingml';
  return (
    XML_DECLARATION +
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>` +
    `<Default Extension="jpeg" ContentType="image/jpeg"/>` +
    `<Override PartName="/word/document.xml" ContentType="${main}.document.main+xml"/>` +
    `<Override PartName="/word/styles.xml" ContentType="${main}.styles+xml"/>` +
    `<Override PartName="/word/settings.xml" ContentType="${main}.settings+xml"/>` +
    (hasHeader ? `<Override PartName="/word/header1.xml" ContentType="${main}.header+xml"/>` : '') +
    `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
    `<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
    `</Types>`
  );
}

function rootRelsXml(): string {
  return (
    XML_DECLARATION +
    `<Relationships xmlns="${NS.rel}">` +
    `<Relationship Id="rId1" Type="${NS.officeDoc}/officeDocument" Target="word/document.xml"/>` +
    `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
    `<Relationship Id="rId3" Type="${NS.officeDoc}/extended-properties" Target="docProps/app.xml"/>` +
    `</Relationships>`
  );
}

function documentRelsXml(hasHeader: boolean, usesPlaceholder: boolean): string {
  return (
    XML_DECLARATION +
    `<Relationships xmlns="${NS.rel}">` +
    `<Relationship Id="rIdStyles" Type="${NS.officeDoc}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rIdSettings" Type="${NS.officeDoc}/settings" Target="settings.xml"/>` +
    (hasHeader ? `<Relationship Id="rIdHeader1" Type="${NS.officeDoc}/header" Target="header1.xml"/>` : '') +
    (usesPlaceholder
      ? `<Relationship Id="${PLACEHOLDER_REL_ID}" Type="${NS.officeDoc}/image" Target="media/annexure-placeholder.png"/>`
      : '') +
    `</Relationships>`
  );
}

function corePropsXml(title: string): string {
  return (
    XML_DECLARATION +
    `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    `xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
    `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${escapeXml(title)}</dc:title>` +
    `<dc:creator>Repogen</dc:creator></cp:coreProperties>`
  );
}

function appPropsXml(): string {
  return (
    XML_DECLARATION +
    `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Repogen</Application></Properties>`
  );
}
