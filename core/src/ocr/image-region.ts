import type { PreparedImage } from './image-preparation.js';
import type { PixelBox } from './ocr-engine.js';

/**
 * Where something lies in an evidence image, as fractions (0 to 1) of the upright image's width
 * and height (EXIF orientation applied): the same on the original, its thumbnail and any copy.
 */
export interface ImageRegion {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A recognised line and where it lies in the evidence image. */
export interface LocatedLine {
  readonly text: string;
  readonly region: ImageRegion;
}

/**
 * A box found in a prepared image, mapped back onto the upright original: the preparation cut a
 * part of it (a GPS photo's overlay band) and scaled that part, so the box is scaled back and
 * moved by the cut's offset.
 */
export function regionInSource(
  box: PixelBox,
  prepared: Pick<PreparedImage, 'width' | 'height' | 'source'>,
): ImageRegion {
  const { crop, width, height } = prepared.source;
  const scaleX = crop.width / prepared.width;
  const scaleY = crop.height / prepared.height;
  const left = clamp((crop.left + box.x0 * scaleX) / width);
  const top = clamp((crop.top + box.y0 * scaleY) / height);
  const right = clamp((crop.left + box.x1 * scaleX) / width);
  const bottom = clamp((crop.top + box.y1 * scaleY) / height);
  return { x: round(left), y: round(top), width: round(right - left), height: round(bottom - top) };
}

/** The smallest region holding both. */
export function unionRegion(a: ImageRegion, b: ImageRegion): ImageRegion {
  const left = Math.min(a.x, b.x);
  const top = Math.min(a.y, b.y);
  const right = Math.max(a.x + a.width, b.x + b.width);
  const bottom = Math.max(a.y + a.height, b.y + b.height);
  return { x: round(left), y: round(top), width: round(right - left), height: round(bottom - top) };
}

/**
 * The region of the line a reading's source text came from: a line whose text it is, or two
 * neighbouring lines it joins with ` / ` (a table's header and row). Undefined when no line
 * matches, as for a pack's reading that quotes part of a line.
 */
export function regionOfSourceText(sourceText: string, lines: readonly LocatedLine[]): ImageRegion | undefined {
  const wanted = sourceText.trim();
  if (wanted === '') return undefined;
  const single = lines.find((line) => line.text === wanted);
  if (single) return single.region;
  for (let index = 0; index + 1 < lines.length; index += 1) {
    const [first, second] = [lines[index]!, lines[index + 1]!];
    if (`${first.text} / ${second.text}` === wanted) return unionRegion(first.region, second.region);
  }
  return undefined;
}

function clamp(value: number): number {
  return Math.max(0, Math.min(1, value));
}

/** Four places: a tenth of a pixel on a 10,000-pixel edge. */
function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
