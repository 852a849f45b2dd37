import crypto from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { buildPackVariant, SBI_PACK_DIR, uniquePackKey, type PackVariant } from '../support/pack-sources.js';
import { json, type TestHost, type TestTenant } from '../support/test-host.js';
import assert from 'node:assert/strict';

export interface FormFile {
  readonly name: string;
  readonly bytes: Buffer;
  readonly contentType?: string;
}

/** A multipart/form-data body with the files under `files` and any plain fields. */
export function multipart(
  files: readonly FormFile[],
  fields: Readonly<Record<string, string>> = {},
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----repogen-${crypto.randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const file of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.name}"\r\nContent-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A JPEG no other test has: a random colour and size. */
export async function uniqueJpeg(exif?: sharp.WriteableMetadata['exif']): Promise<Buffer> {
  const [r, g, b] = crypto.randomBytes(3);
  const image = sharp({
    create: {
      width: 120 + crypto.randomInt(80),
      height: 90 + crypto.randomInt(60),
      channels: 3,
      background: { r: r!, g: g!, b: b! },
    },
  });
  return (exif ? image.withExif(exif) : image).jpeg().toBuffer();
}

export async function uniquePng(): Promise<Buffer> {
  const [r, g, b] = crypto.randomBytes(3);
  return sharp({
    create: { width: 64 + crypto.randomInt(64), height: 48, channels: 3, background: { r: r!, g: g!, b: b! } },
  })
    .png()
    .toBuffer();
}

/** A valid small PNG whose header claims `width` × `height`: what a decompression bomb looks like to a reader. */
export async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(await uniquePng());
  // IHDR data starts at byte 16 (8 signature + 4 length + 4 type); its CRC covers type and data.
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  const crc = (await import('node:zlib')).crc32(png.subarray(12, 29));
  png.writeUInt32BE(crc, 29);
  return png;
}

export async function pdfWithPages(pages: number, javascript = false): Promise<Buffer> {
  const document = await PDFDocument.create();
  for (let i = 0; i < pages; i += 1) document.addPage([200, 200]);
  document.setTitle(`test ${crypto.randomUUID()}`);
  if (javascript) document.addJavaScript('hello', 'app.alert("hi")');
  return Buffer.from(await document.save());
}

/** The SBI pack under a fresh key (with the files `variant` changes), uploaded and published by the firm. */
export function publishSbiVariant(
  host: TestHost,
  firm: TestTenant,
  variant: Omit<PackVariant, 'packageJson'> = {},
): Promise<string> {
  return publishPackVariant(host, firm, SBI_PACK_DIR, variant);
}

/** A bundled pack under a fresh key (with the files `variant` changes), uploaded and published by the firm. */
export async function publishPackVariant(
  host: TestHost,
  firm: TestTenant,
  sourceDir: string,
  variant: Omit<PackVariant, 'packageJson'> = {},
): Promise<string> {
  const key = uniquePackKey('EVID');
  const built = await buildPackVariant(sourceDir, {
    ...variant,
    packageJson: (pkg) => (pkg.repogen = { ...pkg.repogen, key }),
  });
  const upload = await host.server.inject({
    method: 'POST',
    url: '/v1/packs',
    headers: { ...(await firm.headers('author')), 'content-type': 'application/octet-stream' },
    payload: built.bytes,
  });
  assert.equal(upload.statusCode, 201, upload.payload);
  const published = await host.server.inject({
    method: 'POST',
    url: `/v1/packs/${key}/versions/${built.manifest.version}/publish`,
    headers: await firm.headers('admin'),
  });
  assert.equal(published.statusCode, 200, published.payload);
  return key;
}

export async function createReport(host: TestHost, tenant: TestTenant, packKey: string): Promise<string> {
  const created = await host.server.inject({
    method: 'POST',
    url: '/v1/reports',
    headers: await tenant.headers('operator'),
    payload: { packKey, title: `Evidence test ${crypto.randomUUID()}` },
  });
  assert.equal(created.statusCode, 201, created.payload);
  return json(created).id as string;
}
