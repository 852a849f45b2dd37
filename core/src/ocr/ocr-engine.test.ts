import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { isDomainError } from '../errors/domain-error.js';
import { createTesseractEngine, englishLanguageDir, type OcrEngine } from './ocr-engine.js';

async function textImage(text: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="120"><rect width="900" height="120" fill="white"/><text x="20" y="80" font-family="DejaVu Sans" font-size="48" fill="black">${text}</text></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

async function assertUnavailable(call: Promise<unknown>): Promise<void> {
  await assert.rejects(call, (error: unknown) => isDomainError(error) && error.code === 'OCR_UNAVAILABLE');
}

describe('createTesseractEngine', function () {
  this.timeout(120_000);
  let engine: OcrEngine | undefined;
  afterEach(async () => engine?.close());

  it('fails only the call in flight: the next recognition reads on a fresh worker', async () => {
    engine = createTesseractEngine();
    const png = await textImage('Latitude 18.520430');
    assert.match((await engine.recognize(png, 'block')).text, /18\.520430/);
    await assertUnavailable(engine.recognize(Buffer.from('not an image at all'), 'block'));
    assert.match((await engine.recognize(png, 'block')).text, /18\.520430/);
    assert.match((await engine.recognize(await textImage('Guideline rate 45,600'), 'block')).text, /45,600/);
  });

  it('answers OCR_UNAVAILABLE when a worker cannot start (no language data), and starts one on a later call', async () => {
    const languageDir = await fs.mkdtemp(path.join(os.tmpdir(), 'repogen-ocr-lang-'));
    try {
      engine = createTesseractEngine({ languageDir });
      const png = await textImage('Longitude 73.856744');
      await assertUnavailable(engine.recognize(png, 'block'));
      await fs.copyFile(
        path.join(englishLanguageDir(), 'eng.traineddata.gz'),
        path.join(languageDir, 'eng.traineddata.gz'),
      );
      assert.match((await engine.recognize(png, 'block')).text, /73\.856744/);
    } finally {
      await fs.rm(languageDir, { recursive: true, force: true });
    }
  });
});
