import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readEvidenceImage } from './evidence-reader.js';
import { regionInSource, regionOfSourceText, type ImageRegion } from './image-region.js';
import { createTesseractEngine, type OcrEngine } from './ocr-engine.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/ocr');

/** Where a line of the generated fixtures lies (generate-fixtures.ts), as fractions, with a tolerance for the glyphs' extent. */
function assertAround(
  region: ImageRegion | undefined,
  expected: { left: number; top: number; bottom: number },
  what: string,
): void {
  assert.ok(region, `${what}: a region`);
  const near = (actual: number, wanted: number, tolerance: number) => Math.abs(actual - wanted) <= tolerance;
  assert.ok(near(region.x, expected.left, 0.012), `${what}: left ${region.x}, expected about ${expected.left}`);
  assert.ok(near(region.y, expected.top, 0.012), `${what}: top ${region.y}, expected about ${expected.top}`);
  assert.ok(
    near(region.y + region.height, expected.bottom, 0.012),
    `${what}: bottom ${region.y + region.height}, expected about ${expected.bottom}`,
  );
  assert.ok(region.width > 0.2 && region.x + region.width <= 1, `${what}: width ${region.width}`);
}

describe('regionInSource', () => {
  it('scales a box of the prepared overlay band back and moves it by the band’s offset', () => {
    // A 1024 × 768 photo: its bottom 246 rows were cut and scaled to 1600 wide (× 1.5625).
    const prepared = {
      width: 1600,
      height: 384,
      source: { width: 1024, height: 768, crop: { left: 0, top: 522, width: 1024, height: 246 } },
    };
    const region = regionInSource({ x0: 64, y0: 100, x1: 864, y1: 150 }, prepared);
    assert.deepEqual(region, {
      x: Math.round((64 / 1.5625 / 1024) * 10_000) / 10_000,
      y: Math.round(((522 + 100 * (246 / 384)) / 768) * 10_000) / 10_000,
      width: Math.round(((864 - 64) / 1.5625 / 1024) * 10_000) / 10_000,
      height: Math.round(((50 * (246 / 384)) / 768) * 10_000) / 10_000,
    });
  });

  it('finds the line a reading quotes, and the two lines a table reading joins', () => {
    const lines = [
      { text: 'Land Rate (Rs/sq.m)', region: { x: 0.1, y: 0.3, width: 0.4, height: 0.05 } },
      { text: '38,900 26,500', region: { x: 0.12, y: 0.38, width: 0.5, height: 0.05 } },
    ];
    assert.deepEqual(regionOfSourceText('38,900 26,500', lines), lines[1]!.region);
    assert.deepEqual(regionOfSourceText('Land Rate (Rs/sq.m) / 38,900 26,500', lines), {
      x: 0.1,
      y: 0.3,
      width: 0.52,
      height: 0.13,
    });
    assert.equal(regionOfSourceText('38,900', lines), undefined);
  });
});

describe('readEvidenceImage regions on the labelled fixtures', function () {
  this.timeout(120_000);
  let engine: OcrEngine;
  before(() => {
    engine = createTesseractEngine();
  });
  after(() => engine.close());

  const read = async (file: string, kind: string) =>
    readEvidenceImage(engine, await fs.readFile(path.join(FIXTURES, file)), kind);

  it('places a GPS photo’s latitude on its overlay line of the whole photo, not of the band read', async () => {
    // Classic overlay of a 1600 × 1200 photo: the coordinates' baseline at y 1070, 34 px type from x 40.
    const reading = await read('gps-classic-1.jpg', 'photo.gps');
    assert.equal(reading.fields.lat?.value, 18.52043);
    assertAround(reading.regions.lat, { left: 40 / 1600, top: 1045 / 1200, bottom: 1078 / 1200 }, 'lat');
    // The date line sits under it (baseline 1125).
    assertAround(reading.regions.date, { left: 40 / 1600, top: 1100 / 1200, bottom: 1133 / 1200 }, 'date');
  });

  it('places it the same on a photo stored sideways (EXIF orientation 6): regions are of the upright image', async () => {
    const reading = await read('gps-classic-sideways.jpg', 'photo.gps');
    assert.equal(reading.fields.lat?.value, 19.07609);
    assertAround(reading.regions.lat, { left: 40 / 1600, top: 1045 / 1200, bottom: 1078 / 1200 }, 'lat');
  });

  it('scales back a photo smaller than the band is read at', async () => {
    // The labelled overlay, 1600 × 1200 scaled to 1024 × 768: "Latitude" at baseline 980 of 1200, 32 px type.
    const reading = await read('gps-labelled-compressed.jpg', 'photo.gps');
    assert.equal(reading.fields.lat?.value, 17.385044);
    assertAround(reading.regions.lat, { left: 40 / 1600, top: 956 / 1200, bottom: 988 / 1200 }, 'lat');
  });

  it('places a guideline screenshot’s rate on its line', async () => {
    // 1280 × 720: "Open Land Rate: Rs. 1,23,450 per sq.m" at baseline 340, 30 px bold type from x 30.
    const reading = await read('guideline-igr-indian-1.png', 'screenshot.guideline');
    assert.equal(reading.fields.rate?.value, 123450);
    assertAround(reading.regions.rate, { left: 30 / 1280, top: 318 / 720, bottom: 347 / 720 }, 'rate');
  });

  it('places a rate read from a table’s header and row on both lines', async () => {
    // The header's baseline at 230 (24 px bold from x 40), the row's at 295 (26 px).
    const reading = await read('guideline-table-indian-5.png', 'screenshot.guideline');
    assert.equal(reading.fields.rate?.value, 2185000);
    assertAround(reading.regions.rate, { left: 40 / 1280, top: 212 / 720, bottom: 301 / 720 }, 'rate');
  });
});
