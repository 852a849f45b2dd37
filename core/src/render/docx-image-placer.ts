import JSZip from 'jszip';
import { ANNEXURE_GRIDS, parseSlotReference, type AnnexureGrid } from './annexure-template-data.js';
import { ANNEXURE_CELL_GAP_MM, ANNEXURE_ROW_GAP_MM } from './docx-builder.js';
import type { NormalisedImage } from './image-normaliser.js';
import { mmToEmu } from './page-geometry.js';
import { renderErrors } from './render-errors.js';
import { escapeXml, unescapeXml } from './xml-escape.js';

/** A picture slot the template marked: the evidence it asks for and the box it may fill. */
export interface PictureSlot {
  readonly evidenceId: string;
  readonly boxEmu: { readonly cx: number; readonly cy: number };
}

const DOCUMENT_PART = 'word/document.xml';
const DOCUMENT_RELS_PART = 'word/_rels/document.xml.rels';
const CONTENT_TYPES_PART = '[Content_Types].xml';
const IMAGE_RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';
const EXTENSIONS: Readonly<Record<NormalisedImage['mime'], string>> = { 'image/jpeg': 'jpeg', 'image/png': 'png' };

/** The space glyph of the gap run, on top of its character spacing. */
const SPACE_GLYPH_MM = 1.5;

/**
 * The DOCX image step, run on carbone's output (carbone's community edition cannot replace
 * pictures: carboneio/carbone issues 177 and 226). Each picture whose description carbone has
 * filled with `evidence:<id>` (optionally `;grid=<c>x<r>`) gets that evidence: one media part and
 * one relationship per distinct image, and an extent with the image's aspect ratio inside the
 * slot's box. The box is the placeholder's own extent, or, with a grid, one cell of it, the
 * placeholder's extent then being the area the whole grid shares. Drawing ids, which carbone's
 * loops duplicate, are renumbered. Pictures that are not slots are left as they are.
 */
export async function placeImages(docx: Buffer, images: ReadonlyMap<string, NormalisedImage>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  const documentXml = await readPart(zip, DOCUMENT_PART);
  const relsXml = await readPart(zip, DOCUMENT_RELS_PART);
  const contentTypesXml = await readPart(zip, CONTENT_TYPES_PART);

  const relationshipByEvidence = new Map<string, string>();
  const newRelationships: string[] = [];
  const usedExtensions = new Set<string>();
  const replacedTargets = new Set<string>();
  let nextDrawingId = 1;

  const placedXml = documentXml.replace(/<w:drawing>[\s\S]*?<\/w:drawing>/g, (drawing) => {
    const renumbered = renumberDrawing(drawing, nextDrawingId++);
    const slot = readSlot(renumbered);
    if (!slot) return renumbered;
    const image = images.get(slot.evidenceId);
    if (!image) throw renderErrors.evidenceMissing(slot.evidenceId);
    let relationshipId = relationshipByEvidence.get(slot.evidenceId);
    if (!relationshipId) {
      relationshipId = `rIdEvidence${relationshipByEvidence.size + 1}`;
      const extension = EXTENSIONS[image.mime];
      const target = `media/evidence-${relationshipByEvidence.size + 1}.${extension}`;
      // JPEG and PNG are compressed already: deflating them again only costs time.
      zip.file(`word/${target}`, image.data, { compression: 'STORE' });
      usedExtensions.add(extension);
      relationshipByEvidence.set(slot.evidenceId, relationshipId);
      newRelationships.push(`<Relationship Id="${relationshipId}" Type="${IMAGE_RELATIONSHIP}" Target="${target}"/>`);
    }
    const previousEmbed = /<a:blip\b[^>]*\br:embed="([^"]*)"/.exec(renumbered)?.[1];
    if (previousEmbed) replacedTargets.add(previousEmbed);
    return withImage(renumbered, relationshipId, fitInside(image, slot.boxEmu));
  });

  zip.file(DOCUMENT_PART, placedXml);
  zip.file(
    DOCUMENT_RELS_PART,
    withoutUnusedImages(
      zip,
      relsXml.replace('</Relationships>', `${newRelationships.join('')}</Relationships>`),
      placedXml,
      replacedTargets,
    ),
  );
  zip.file(CONTENT_TYPES_PART, withImageDefaults(contentTypesXml, usedExtensions));
  return zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  });
}

/** Reads a slot from a drawing's description; `undefined` when the picture is no slot. */
export function readSlot(drawing: string): PictureSlot | undefined {
  const descr = /<wp:docPr\b[^>]*\bdescr="([^"]*)"/.exec(drawing)?.[1];
  const extent = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(drawing);
  if (descr === undefined || !extent) return undefined;
  const description = unescapeXml(descr);
  const area = { cx: Number(extent[1]), cy: Number(extent[2]) };
  const gridSlot = parseSlotReference(description);
  if (gridSlot) return { evidenceId: gridSlot.evidenceId, boxEmu: cellBox(area, gridSlot.grid) };
  const plain = /^evidence:([A-Za-z0-9][A-Za-z0-9._:-]{0,127})$/.exec(description);
  return plain?.[1] ? { evidenceId: plain[1], boxEmu: area } : undefined;
}

/** One cell of a grid laid out as docx-builder writes it: a gap after every image, a gap under every row. */
export function cellBox(
  area: { readonly cx: number; readonly cy: number },
  grid: AnnexureGrid,
): { cx: number; cy: number } {
  const { columns, rows } = ANNEXURE_GRIDS[grid];
  const columnGap = mmToEmu(ANNEXURE_CELL_GAP_MM + SPACE_GLYPH_MM);
  const rowGap = mmToEmu(ANNEXURE_ROW_GAP_MM);
  return {
    cx: Math.floor((area.cx - columns * columnGap) / columns),
    cy: Math.floor((area.cy - rows * rowGap) / rows),
  };
}

/** The largest extent with the image's aspect ratio that fits the box. */
export function fitInside(
  image: Pick<NormalisedImage, 'widthPx' | 'heightPx'>,
  box: { readonly cx: number; readonly cy: number },
): { cx: number; cy: number } {
  const scale = Math.min(box.cx / image.widthPx, box.cy / image.heightPx);
  return { cx: Math.round(image.widthPx * scale), cy: Math.round(image.heightPx * scale) };
}

function renumberDrawing(drawing: string, id: number): string {
  return drawing
    .replace(/(<wp:docPr\b[^>]*\bid=")\d+(")/, `$1${id}$2`)
    .replace(/(<pic:cNvPr\b[^>]*\bid=")\d+(")/, `$1${id}$2`);
}

function withImage(drawing: string, relationshipId: string, extent: { cx: number; cy: number }): string {
  return drawing
    .replace(/<wp:extent cx="\d+" cy="\d+"\/>/, `<wp:extent cx="${extent.cx}" cy="${extent.cy}"/>`)
    .replace(/(<a:ext\b[^>]*\bcx=")\d+("[^>]*\bcy=")\d+(")/, `$1${extent.cx}$2${extent.cy}$3`)
    .replace(/(<a:blip\b[^>]*\br:embed=")[^"]*(")/, `$1${escapeXml(relationshipId)}$2`);
}

/** Drops the placeholders' relationships and media once no drawing refers to them. */
function withoutUnusedImages(
  zip: JSZip,
  relsXml: string,
  documentXml: string,
  candidates: ReadonlySet<string>,
): string {
  return relsXml.replace(/<Relationship\b[^>]*\/>/g, (relationship) => {
    const id = /\bId="([^"]*)"/.exec(relationship)?.[1];
    if (!id || !candidates.has(id) || documentXml.includes(`r:embed="${id}"`)) return relationship;
    const target = /\bTarget="([^"]*)"/.exec(relationship)?.[1];
    if (target) zip.remove(`word/${target}`);
    return '';
  });
}

function withImageDefaults(contentTypesXml: string, extensions: ReadonlySet<string>): string {
  const missing = [...extensions].filter(
    (extension) => !new RegExp(`<Default Extension="${extension}"`, 'i').test(contentTypesXml),
  );
  const defaults = missing
    .map((extension) => `<Default Extension="${extension}" ContentType="image/${extension}"/>`)
    .join('');
  return defaults ? contentTypesXml.replace(/(<Types\b[^>]*>)/, `$1${defaults}`) : contentTypesXml;
}

async function readPart(zip: JSZip, name: string): Promise<string> {
  const part = zip.file(name);
  if (!part) throw renderErrors.templateInvalid(`the DOCX has no ${name}`);
  return part.async('string');
}
