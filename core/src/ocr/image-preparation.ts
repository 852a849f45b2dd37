import sharp from 'sharp';

/** How an image is cut and cleaned before OCR; the choice decides most of the accuracy. */
export type PreparationProfile = 'overlay-band' | 'screenshot' | 'page';

/** A rectangle in pixels by its left and top edges and its size. */
export interface PixelRect {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export interface PreparedImage {
  /** A binarised PNG: dark text on white. */
  readonly png: Buffer;
  readonly width: number;
  readonly height: number;
  /** The upright original's size (EXIF orientation applied), and the part of it the PNG shows, scaled. */
  readonly source: { readonly width: number; readonly height: number; readonly crop: PixelRect };
}

/** GPS-camera apps print their overlay in the bottom quarter to third of the photo. */
const OVERLAY_BAND_FRACTION = 0.32;
/** Overlay text on a phone photo is then about 30 px high, which tesseract reads best. */
const BAND_WIDTH_PX = 1600;
/** Screenshots narrower than this (a phone's) are doubled: their text is too small to read. */
const SCREENSHOT_MIN_WIDTH_PX = 1000;
const SCREENSHOT_MAX_WIDTH_PX = 2400;
const MAX_INPUT_PIXELS = 50_000_000;

/**
 * Upright (EXIF orientation), cropped to the overlay band for a GPS photo, grayscale, scaled,
 * and thresholded at Otsu's level with the polarity set so that text is dark on white: overlay
 * text is usually light on a dark translucent strip, which tesseract reads poorly as it is.
 */
export async function prepareForOcr(bytes: Buffer, profile: PreparationProfile): Promise<PreparedImage> {
  const metadata = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
  // Orientations 5–8 turn the picture a quarter: upright, width and height swap.
  const turned = (metadata.orientation ?? 1) >= 5;
  const width = (turned ? metadata.height : metadata.width) ?? 0;
  const height = (turned ? metadata.width : metadata.height) ?? 0;
  // One decode: rotate() is applied before extract() because it is called first.
  let pipeline = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).rotate();
  let targetWidth = width;
  let crop: PixelRect = { left: 0, top: 0, width, height };
  if (profile === 'overlay-band') {
    const bandHeight = Math.max(1, Math.round(height * OVERLAY_BAND_FRACTION));
    crop = { left: 0, top: height - bandHeight, width, height: bandHeight };
    pipeline = pipeline.extract(crop);
    targetWidth = BAND_WIDTH_PX;
  } else if (width < SCREENSHOT_MIN_WIDTH_PX) {
    targetWidth = Math.min(SCREENSHOT_MAX_WIDTH_PX, width * 2);
  } else if (width > SCREENSHOT_MAX_WIDTH_PX) {
    targetWidth = SCREENSHOT_MAX_WIDTH_PX;
  }
  const gray = await pipeline
    .flatten({ background: '#ffffff' })
    .grayscale()
    .resize({ width: targetWidth, kernel: 'lanczos3' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const pixels = gray.data;
  const level = otsuLevel(pixels);
  const darkIsBackground = countBelow(pixels, level) > pixels.length / 2;
  const binary = Buffer.alloc(pixels.length);
  for (let i = 0; i < pixels.length; i += 1) {
    const dark = pixels[i]! <= level;
    // Text becomes 0 (black): the minority side of the threshold.
    binary[i] = dark === darkIsBackground ? 255 : 0;
  }
  const png = await sharp(binary, { raw: { width: gray.info.width, height: gray.info.height, channels: 1 } })
    .png({ compressionLevel: 1 })
    .toBuffer();
  return { png, width: gray.info.width, height: gray.info.height, source: { width, height, crop } };
}

/** The gray level that best splits the histogram into two classes (Otsu, 1979). */
export function otsuLevel(pixels: Uint8Array): number {
  const histogram = new Array<number>(256).fill(0);
  for (const value of pixels) histogram[value]! += 1;
  const total = pixels.length;
  let sumAll = 0;
  for (let level = 0; level < 256; level += 1) sumAll += level * histogram[level]!;
  let sumBelow = 0;
  let countBelowLevel = 0;
  let best = 0;
  let bestLevel = 127;
  for (let level = 0; level < 256; level += 1) {
    countBelowLevel += histogram[level]!;
    if (countBelowLevel === 0) continue;
    const countAbove = total - countBelowLevel;
    if (countAbove === 0) break;
    sumBelow += level * histogram[level]!;
    const meanBelow = sumBelow / countBelowLevel;
    const meanAbove = (sumAll - sumBelow) / countAbove;
    const between = countBelowLevel * countAbove * (meanBelow - meanAbove) ** 2;
    if (between > best) {
      best = between;
      bestLevel = level;
    }
  }
  return bestLevel;
}

function countBelow(pixels: Uint8Array, level: number): number {
  let count = 0;
  for (const value of pixels) if (value <= level) count += 1;
  return count;
}
