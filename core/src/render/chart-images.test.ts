import assert from 'node:assert/strict';
import JSZip from 'jszip';
import sharp from 'sharp';
import type { ChartSpec } from '@repogen/sdk';
import { buildDocx } from './docx-builder.js';
import { placeImages } from './docx-image-placer.js';
import { normaliseImage } from './image-normaliser.js';
import { readChartSpecs, renderChartImages } from './chart-images.js';
import { CHART_SIZE_PX, chartSvg } from './chart-svg.js';
import { RENDER_ERROR_CODES } from './render-errors.js';

const DSCR: ChartSpec = {
  id: 'dscr-by-year',
  kind: 'bar',
  title: 'DSCR by year',
  unit: 'times',
  categories: ['FY 2026-27', 'FY 2027-28', 'FY 2028-29'],
  series: [{ name: 'DSCR', values: [3.15, 1.49, null] }],
  referenceLines: [{ label: 'Minimum comfort', value: 1.25 }],
};

function rejects(values: Record<string, unknown>, pattern: RegExp): void {
  assert.throws(
    () => readChartSpecs(values),
    (error: Error & { code?: string; status?: number }) =>
      error.code === RENDER_ERROR_CODES.chartInvalid && error.status === 422 && pattern.test(error.message),
  );
}

describe('render: charts drawn by the host from a pack’s numbers', () => {
  it('reads no chart when the pack returns none', () => {
    assert.deepEqual(readChartSpecs({ avgDscr: 1.98 }), []);
  });

  it('refuses specs that break the contract, naming the problem', () => {
    rejects({ charts: [{ ...DSCR, kind: 'pie' }] }, /\/0\/kind/);
    rejects({ charts: [{ ...DSCR, svg: '<svg/>' }] }, /additional properties/);
    rejects({ charts: [{ ...DSCR, id: 'a_b' }] }, /\/0\/id/);
    rejects({ charts: [DSCR, DSCR] }, /twice/);
    rejects({ charts: [{ ...DSCR, series: [{ name: 'DSCR', values: [1, 2] }] }] }, /2 values for 3 categories/);
    rejects({ charts: [{ ...DSCR, min: 5, max: 1 }] }, /min must be below max/);
    rejects({ charts: 'bar' }, /must be array/);
  });

  it('escapes every text the pack gives, so no markup reaches the SVG', () => {
    const svg = chartSvg({ ...DSCR, title: '<script>alert(1)</script>', categories: ['a&b', '<i>', '"q"'] });
    assert.ok(!svg.includes('<script>'));
    assert.ok(svg.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(svg.includes('a&amp;b') && svg.includes('&lt;i&gt;'));
  });

  it('rasterises each chart to a PNG named after its slot', async () => {
    const images = await renderChartImages({ charts: [DSCR, { ...DSCR, id: 'progress', kind: 'hbar' }] });
    assert.deepEqual(
      images.map((image) => image.id),
      ['chart.dscr-by-year', 'chart.progress'],
    );
    for (const image of images) {
      const metadata = await sharp(image.data).metadata();
      assert.equal(metadata.format, 'png');
      assert.equal(metadata.width, CHART_SIZE_PX.width);
      assert.equal(metadata.height, CHART_SIZE_PX.height);
      const stats = await sharp(image.data).stats();
      assert.ok(
        stats.channels.some((channel) => channel.min < 100),
        'the chart draws something dark on white',
      );
    }
  });

  it('places a chart into the picture block of a built template', async () => {
    const template = await buildDocx({
      blocks: [{ kind: 'picture', slot: 'chart.dscr-by-year', widthMm: 160, heightMm: 80 }],
    });
    const [image] = await renderChartImages({ charts: [DSCR] });
    assert.ok(image);
    const normalised = await normaliseImage(image.id, image.data);
    const placed = await placeImages(template, new Map([[image.id, normalised]]));
    const zip = await JSZip.loadAsync(placed);
    const media = Object.keys(zip.files).filter((name) => name.startsWith('word/media/') && !name.endsWith('/'));
    assert.deepEqual(media, ['word/media/evidence-1.png']);
    const xml = await zip.file('word/document.xml')!.async('string');
    assert.match(xml, /descr="evidence:chart\.dscr-by-year"/);
  });
});
