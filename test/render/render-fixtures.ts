import { spawnSync } from 'node:child_process';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { locateLibreOffice, type LibreOfficeInstallation } from '../../core/src/render/index.js';

/** A photo-like JPEG of the given size: a gradient with a label, optionally flagged with an EXIF orientation. */
export async function makePhoto(width: number, height: number, label: string, orientation?: number): Promise<Buffer> {
  const svg = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
      `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#2a6f97"/><stop offset="1" stop-color="#f4a261"/></linearGradient></defs>` +
      `<rect width="100%" height="100%" fill="url(#g)"/><rect x="0" y="0" width="${Math.round(width / 4)}" height="${Math.round(height / 4)}" fill="#d62828"/>` +
      `<text x="50%" y="50%" font-size="${Math.round(Math.min(width, height) / 8)}" text-anchor="middle" fill="white">${label}</text></svg>`,
  );
  const image = sharp(svg).jpeg({ quality: 85 });
  return (orientation ? image.withMetadata({ orientation }) : image).toBuffer();
}

/** A PDF of `pages` A4 pages, each saying which page it is. */
export async function makePdf(pages: number, title: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let index = 0; index < pages; index += 1) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawText(`${title} sheet ${index + 1}`, { x: 72, y: 760, size: 18, font });
  }
  return Buffer.from(await doc.save());
}

/** LibreOffice, or a skip that says why; with REPOGEN_REQUIRE_LIBREOFFICE=1 (CI) its absence fails. */
export function libreOfficeOrSkip(context: Mocha.Context): LibreOfficeInstallation {
  try {
    return locateLibreOffice();
  } catch (error) {
    if (process.env.REPOGEN_REQUIRE_LIBREOFFICE === '1') throw error;
    console.warn(
      `    skipped: LibreOffice is not installed (${error instanceof Error ? error.message : String(error)})`,
    );
    context.skip();
  }
}

export function pdfToText(pdf: string): string {
  const result = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pdftotext failed: ${result.stderr}`);
  return result.stdout;
}

export function qpdfCheck(pdf: string): { ok: boolean; output: string } {
  const result = spawnSync('qpdf', ['--check', pdf], { encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

/** soffice.bin processes still running (zombies waiting to be reaped by init do not count). */
export function runningOfficePids(): number[] {
  const result = spawnSync('ps', ['-eo', 'pid=,stat=,comm='], { encoding: 'utf8' });
  return result.stdout
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([, stat, command]) => command?.startsWith('soffice') && !stat?.startsWith('Z'))
    .map(([pid]) => Number(pid));
}

export function isRunning(pid: number): boolean {
  const result = spawnSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' });
  const stat = result.stdout.trim();
  return stat !== '' && !stat.startsWith('Z');
}
