import crypto from 'node:crypto';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { NormalisedImageCache, normaliseImage, RENDER_ERROR_CODES } from '../../core/src/render/index.js';
import { makePhoto } from './render-fixtures.js';

describe('render: image normalisation', function () {
  this.timeout(30_000);

  it('turns a photo stored sideways upright, from its EXIF orientation', async () => {
    // A phone held upright stores 1600×1200 pixels and "rotate 90°" (orientation 6).
    const image = await normaliseImage('rear', await makePhoto(1600, 1200, 'rear', 6));
    assert.deepEqual([image.widthPx, image.heightPx], [1200, 1600]);
    const metadata = await sharp(image.data).metadata();
    assert.equal(metadata.format, 'jpeg');
    assert.equal(metadata.orientation, undefined, 'the flag is gone once the pixels are turned');
    assert.equal(metadata.exif, undefined, 'EXIF (GPS included) is not embedded in the report');
  });

  it('caps a 20 MB phone photo to a page-sized JPEG', async () => {
    // Noise does not compress: 4000×3000 at quality 100 is the size of a large phone photo.
    const noise = Buffer.alloc(4000 * 3000 * 3);
    for (let index = 0; index < noise.length; index += 1) noise[index] = (index * 2654435761) >>> 24;
    const photo = await sharp(noise, { raw: { width: 4000, height: 3000, channels: 3 } })
      .jpeg({ quality: 100 })
      .withMetadata({ orientation: 1 })
      .toBuffer();
    assert.ok(photo.length > 8_000_000, `the fixture is large (${photo.length} bytes)`);
    const image = await normaliseImage('big', photo);
    assert.deepEqual([image.widthPx, image.heightPx], [1600, 1200]);
    assert.ok(image.data.length < photo.length / 4, `${image.data.length} bytes after normalising`);
  });

  it('keeps a screenshot with transparency as PNG, and passes an already normal JPEG through unchanged', async () => {
    const png = await sharp({
      create: { width: 800, height: 500, channels: 4, background: { r: 10, g: 120, b: 200, alpha: 0.5 } },
    })
      .png()
      .toBuffer();
    const screenshot = await normaliseImage('map', png);
    assert.equal(screenshot.mime, 'image/png');
    const once = await normaliseImage('front', await makePhoto(1600, 1200, 'front'));
    const twice = await normaliseImage('front', once.data);
    assert.equal(twice.data, once.data);
  });

  it('refuses bytes that are no image with the evidence named', async () => {
    await assert.rejects(normaliseImage('deed', Buffer.from('%PDF-1.7 not an image')), (error: unknown) => {
      assert.equal((error as { code?: string }).code, RENDER_ERROR_CODES.evidenceUnsupported);
      assert.match((error as Error).message, /deed/);
      return true;
    });
  });

  it('normalises the same bytes once while they stay in the cache', async () => {
    const cache = new NormalisedImageCache(1024 * 1024);
    const photo = await makePhoto(800, 600, 'cached');
    let calls = 0;
    const normalise = () => {
      calls += 1;
      return normaliseImage('cached', photo);
    };
    const [first, second] = await Promise.all([
      cache.get(photo, undefined, normalise),
      cache.get(photo, undefined, normalise),
    ]);
    assert.equal(first, second);
    await cache.get(photo, undefined, normalise);
    assert.equal(calls, 1);
    // A caller that knows the digest (content-addressed evidence) hits the same entry without hashing.
    const digest = crypto.createHash('sha256').update(photo).digest('hex');
    assert.equal(await cache.get(photo, digest, normalise), first);
    assert.equal(calls, 1);
  });
});
