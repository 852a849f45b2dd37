import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { renderErrors } from './render-errors.js';

const KNOWN_PATHS = ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/dejavu/DejaVuSans.ttf'];

let cached: Buffer | undefined;

/**
 * The TrueType font the PDF stamper embeds. pdf-lib's standard fonts are WinAnsi only and throw
 * on `₹`, so a font covering U+20B9 is required: `REPOGEN_STAMP_FONT`, else DejaVu Sans found by
 * fontconfig or at Debian's path (package fonts-dejavu-core).
 */
export function loadStampFont(env: NodeJS.ProcessEnv = process.env): Buffer {
  if (cached) return cached;
  const candidates = [env.REPOGEN_STAMP_FONT, fontconfigMatch('DejaVu Sans:style=Book:charset=20b9'), ...KNOWN_PATHS];
  const file = candidates.find(
    (candidate): candidate is string =>
      candidate !== undefined && candidate.endsWith('.ttf') && fs.existsSync(candidate),
  );
  if (!file) {
    throw renderErrors.rendererUnavailable(
      'No font for PDF page stamps: install fonts-dejavu-core (scripts/install-system-deps.sh does it)',
      ['fonts-dejavu-core'],
    );
  }
  cached = fs.readFileSync(file);
  return cached;
}

function fontconfigMatch(pattern: string): string | undefined {
  const result = spawnSync('fc-match', ['-f', '%{file}', pattern], { encoding: 'utf8', timeout: 5_000 });
  return result.status === 0 && result.stdout.trim() !== '' ? result.stdout.trim() : undefined;
}
