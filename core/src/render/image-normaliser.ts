import sharp from 'sharp';
import { renderErrors } from './render-errors.js';

/** An image ready to embed: upright, within the size caps, JPEG or PNG, without metadata. */
export interface NormalisedImage {
  readonly data: Buffer;
  readonly mime: 'image/jpeg' | 'image/png';
  readonly widthPx: number;
  readonly heightPx: number;
}

export interface ImageNormaliserOptions {
  /** Longest edge after scaling: 1600 px is about 245 dpi across a full A4 text width (166 mm). */
  readonly maxEdgePx?: number;
  readonly jpegQuality?: number;
  /** Pixels decoded at most, a guard against decompression bombs. */
  readonly maxInputPixels?: number;
  /** An upright JPEG or PNG within `maxEdgePx` and without metadata is kept as it is up to this size. */
  readonly maxPassThroughBytes?: number;
}

const DEFAULTS = {
  maxEdgePx: 1600,
  jpegQuality: 82,
  maxInputPixels: 100_000_000,
  maxPassThroughBytes: 1_500_000,
} as const;

/**
 * Makes a photo or a scan fit for a page: applies the EXIF orientation (phones store photos
 * sideways and set a flag), scales the longest edge down to `maxEdgePx`, and re-encodes:
 * photos as JPEG, images with transparency or few colours (screenshots, maps) as PNG. EXIF,
 * GPS included, is dropped from the embedded copy; the original stays in the evidence store.
 */
export async function normaliseImage(
  evidenceId: string,
  input: Buffer,
  options: ImageNormaliserOptions = {},
): Promise<NormalisedImage> {
  const { maxEdgePx, jpegQuality, maxInputPixels, maxPassThroughBytes } = { ...DEFAULTS, ...options };
  let metadata: sharp.Metadata;
  try {
    metadata = await sharp(input, { limitInputPixels: maxInputPixels }).metadata();
  } catch (error) {
    throw renderErrors.evidenceUnsupported(evidenceId, error instanceof Error ? error.message : String(error));
  }
  if (input.length <= maxPassThroughBytes && isAlreadyNormal(metadata, maxEdgePx)) {
    return {
      data: input,
      mime: metadata.format === 'png' ? 'image/png' : 'image/jpeg',
      widthPx: metadata.width ?? 0,
      heightPx: metadata.height ?? 0,
    };
  }
  const keepPng = metadata.format === 'png' || metadata.format === 'gif' || metadata.hasAlpha;
  const pipeline = sharp(input, { limitInputPixels: maxInputPixels, failOn: 'none' })
    .rotate()
    .resize({ width: maxEdgePx, height: maxEdgePx, fit: 'inside', withoutEnlargement: true });
  try {
    const { data, info } = keepPng
      ? await pipeline
          .png({ compressionLevel: 9, palette: metadata.format === 'png' && metadata.isPalette })
          .toBuffer({ resolveWithObject: true })
      : await pipeline
          .flatten({ background: '#ffffff' })
          .jpeg({ quality: jpegQuality })
          .toBuffer({ resolveWithObject: true });
    return { data, mime: keepPng ? 'image/png' : 'image/jpeg', widthPx: info.width, heightPx: info.height };
  } catch (error) {
    throw renderErrors.evidenceUnsupported(evidenceId, error instanceof Error ? error.message : String(error));
  }
}

/** An image this function produced, or one as plain: decoding and encoding it again would change nothing. */
function isAlreadyNormal(metadata: sharp.Metadata, maxEdgePx: number): boolean {
  const { format, width, height } = metadata;
  return (
    (format === 'jpeg' || format === 'png') &&
    width !== undefined &&
    height !== undefined &&
    Math.max(width, height) <= maxEdgePx &&
    (metadata.orientation === undefined || metadata.orientation === 1) &&
    metadata.exif === undefined &&
    metadata.icc === undefined &&
    metadata.pages === undefined
  );
}
