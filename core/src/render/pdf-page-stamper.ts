import { degrees, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { mmToPoints } from './page-geometry.js';

export interface PageStamp {
  /** e.g. `Page 3 of 12`, centred in the footer band. */
  readonly pageLabel: string;
  readonly footerLeft?: string | undefined;
  readonly footerRight?: string | undefined;
}

/** The footer's baseline sits this far above the visible bottom edge (docx-builder keeps it clear). */
const FOOTER_BASELINE_MM = 10;
const FOOTER_SIDE_MM = 15;
const FOOTER_SIZE_PT = 8;
const WATERMARK_TEXT = 'DRAFT';

/**
 * Stamps one page's footer (the watermark is `drawWatermark`'s, on drafts). Coordinates are worked out
 * on the page as seen, then mapped through its /Rotate and crop box, so a scanned page stored
 * sideways gets its footer at the visible bottom.
 */
export function stampPage(page: PDFPage, font: PDFFont, stamp: PageStamp): void {
  const view = visibleFrame(page);
  const baseline = mmToPoints(FOOTER_BASELINE_MM);
  const side = mmToPoints(FOOTER_SIDE_MM);
  const grey = rgb(0.35, 0.35, 0.35);
  const footer = (text: string, x: number) =>
    view.drawText(text, { x, y: baseline, size: FOOTER_SIZE_PT, font, color: grey, angle: 0 });

  const labelWidth = font.widthOfTextAtSize(stamp.pageLabel, FOOTER_SIZE_PT);
  footer(stamp.pageLabel, (view.width - labelWidth) / 2);
  if (stamp.footerLeft) footer(stamp.footerLeft, side);
  if (stamp.footerRight)
    footer(stamp.footerRight, view.width - side - font.widthOfTextAtSize(stamp.footerRight, FOOTER_SIZE_PT));
}

/** The diagonal DRAFT watermark across the visible page. */
export function drawWatermark(page: PDFPage, font: PDFFont): void {
  const view = visibleFrame(page);
  const angle = (Math.atan2(view.height, view.width) * 180) / Math.PI;
  const size = Math.min(view.width, view.height) / 3.2;
  const width = font.widthOfTextAtSize(WATERMARK_TEXT, size);
  const height = font.heightAtSize(size, { descender: false });
  // Start so that the rotated text's centre falls on the page's centre.
  const radians = (angle * Math.PI) / 180;
  const x = view.width / 2 - (width / 2) * Math.cos(radians) + (height / 2) * Math.sin(radians);
  const y = view.height / 2 - (width / 2) * Math.sin(radians) - (height / 2) * Math.cos(radians);
  view.drawText(WATERMARK_TEXT, { x, y, size, font, color: rgb(0.75, 0.1, 0.1), opacity: 0.14, angle });
}

interface DrawOptions {
  readonly x: number;
  readonly y: number;
  readonly size: number;
  readonly font: PDFFont;
  readonly color: ReturnType<typeof rgb>;
  readonly angle: number;
  readonly opacity?: number;
}

interface VisibleFrame {
  readonly width: number;
  readonly height: number;
  drawText(text: string, options: DrawOptions): void;
}

function visibleFrame(page: PDFPage): VisibleFrame {
  const box = page.getCropBox();
  const rotation = (((page.getRotation().angle % 360) + 360) % 360) as 0 | 90 | 180 | 270;
  const sideways = rotation === 90 || rotation === 270;
  const width = sideways ? box.height : box.width;
  const height = sideways ? box.width : box.height;
  // Inverse of the viewer's clockwise /Rotate: a visible point to the page's own coordinates.
  const toPage = (vx: number, vy: number): { x: number; y: number } => {
    switch (rotation) {
      case 90:
        return { x: box.x + box.width - vy, y: box.y + vx };
      case 180:
        return { x: box.x + box.width - vx, y: box.y + box.height - vy };
      case 270:
        return { x: box.x + vy, y: box.y + box.height - vx };
      case 0:
        return { x: box.x + vx, y: box.y + vy };
    }
  };
  return {
    width,
    height,
    drawText(text, options) {
      const origin = toPage(options.x, options.y);
      page.drawText(text, {
        x: origin.x,
        y: origin.y,
        size: options.size,
        font: options.font,
        color: options.color,
        rotate: degrees(options.angle + rotation),
        ...(options.opacity === undefined ? {} : { opacity: options.opacity }),
      });
    },
  };
}
