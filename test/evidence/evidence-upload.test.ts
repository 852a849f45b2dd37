import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import path from 'node:path';
import sharp from 'sharp';
import { coreServices } from '@repogen/core';
import { TEMPLATE_PACKS_DIR } from '../support/pack-sources.js';
import { createTestHost, json, type TestHost, type TestTenant } from '../support/test-host.js';
import {
  createReport,
  multipart,
  pdfWithPages,
  pngClaiming,
  publishPackVariant,
  publishSbiVariant,
  uniqueJpeg,
  uniquePng,
  type FormFile,
} from './evidence-test-support.js';

const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');

describe('evidence upload', function () {
  // The pack upload builds with esbuild and runs its fixtures in the sandbox.
  this.timeout(120_000);

  let host: TestHost;
  let firm: TestTenant;
  let other: TestTenant;
  let packKey: string;
  let reportId: string;

  const upload = async (id: string, files: readonly FormFile[], fields: Record<string, string> = {}, tenant = firm) => {
    const body = multipart(files, fields);
    return host.server.inject({
      method: 'POST',
      url: `/v1/reports/${id}/evidence`,
      headers: { ...(await tenant.headers('operator')), ...body.headers },
      payload: body.payload,
    });
  };
  const call = async (method: 'GET' | 'PATCH' | 'DELETE', url: string, payload?: object, tenant = firm) =>
    host.server.inject({ method, url, headers: await tenant.headers('operator'), ...(payload ? { payload } : {}) });
  const listed = async (id: string) =>
    json(await call('GET', `/v1/reports/${id}/evidence`)).items as {
      id: string;
      sha256: string;
      kind: string;
      order: number;
      excluded: boolean;
    }[];

  before(async () => {
    host = await createTestHost();
    firm = await host.createTenant('firm');
    other = await host.createTenant('firm');
    packKey = await publishSbiVariant(host, firm);
    reportId = await createReport(host, firm, packKey);
  });

  after(() => host?.close());

  it('stores several files at once with their type, size and EXIF, and one item for the same bytes twice', async () => {
    const gps = await uniqueJpeg({
      IFD2: { DateTimeOriginal: '2026:11:25 10:42:17', OffsetTimeOriginal: '+05:30' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '18/1 31/1 1345/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '73/1 51/1 2428/100',
      },
    });
    const png = await uniquePng();
    const pdf = await pdfWithPages(2);
    const response = await upload(
      reportId,
      [
        { name: 'front.jpg', bytes: gps, contentType: 'image/jpeg' },
        { name: 'map.png', bytes: png },
        { name: 'deed.pdf', bytes: pdf, contentType: 'application/pdf' },
        { name: 'front-again.jpg', bytes: gps },
      ],
      { kind: 'photo.exterior' },
    );
    assert.equal(response.statusCode, 201, response.payload);
    const items = json(response).items as {
      id: string;
      sha256: string;
      mime: string;
      size: number;
      width: number | null;
      height: number | null;
      exif: Record<string, unknown>;
      ocr: { status: string };
      duplicate: boolean;
      kind: string;
    }[];
    assert.equal(items.length, 4);
    const [photo, map, deed, again] = items;
    assert.equal(photo!.mime, 'image/jpeg');
    assert.equal(photo!.sha256, sha256(gps));
    assert.equal(photo!.size, gps.length);
    const { width, height } = await sharp(gps).metadata();
    assert.deepEqual([photo!.width, photo!.height], [width, height]);
    assert.deepEqual(photo!.exif, { lat: 18.5204028, long: 73.8567444, takenAt: '2026-11-25T10:42:17+05:30' });
    assert.equal(photo!.ocr.status, 'none', 'an exterior photo is not read by OCR');
    assert.equal(map!.mime, 'image/png');
    assert.equal(deed!.mime, 'application/pdf');
    assert.equal(deed!.width, null);
    assert.equal(again!.id, photo!.id, 'the same bytes twice are one item');
    assert.equal(again!.duplicate, true);

    const repeat = await upload(reportId, [{ name: 'x.jpg', bytes: gps }]);
    assert.equal(json(repeat).items[0].id, photo!.id);
    assert.equal((await listed(reportId)).length, 3);

    const blobs = await host.registry.get(coreServices.blobs);
    assert.deepEqual(await blobs.get(photo!.sha256), gps);
    const content = await call('GET', `/v1/evidence/${photo!.id}/content`);
    assert.equal(content.statusCode, 200);
    assert.equal(content.headers['content-type'], 'image/jpeg');
    assert.deepEqual(content.rawPayload, gps);
    const thumbnail = await call('GET', `/v1/evidence/${map!.id}/thumbnail`);
    assert.equal(thumbnail.statusCode, 200);
    assert.equal((await sharp(thumbnail.rawPayload).metadata()).format, 'jpeg');

    const proposals = json(await call('GET', `/v1/reports/${reportId}/proposals`)).items as {
      field: string;
      value: unknown;
      source: string;
    }[];
    const fromExif = Object.fromEntries(proposals.filter((p) => p.source === 'exif').map((p) => [p.field, p.value]));
    assert.deepEqual(fromExif, {
      '/property/gps/lat': 18.5204028,
      '/property/gps/lng': 73.8567444,
      '/reportMeta/inspectionDate': '2026-11-25',
    });
  });

  const badCases: { title: string; file: () => FormFile | Promise<FormFile>; status: number; code: string }[] = [
    {
      title: 'a .jpg that is HTML',
      file: () => ({
        name: 'photo.jpg',
        bytes: Buffer.from(`<!doctype html><html><script>alert(1)</script>${crypto.randomUUID()}</html>`),
        contentType: 'image/jpeg',
      }),
      status: 415,
      code: 'EVIDENCE_SCRIPTABLE',
    },
    {
      title: 'an SVG with script',
      file: () => ({
        name: 'plan.svg',
        bytes: Buffer.from(
          `<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><!--${crypto.randomUUID()}--></svg>`,
        ),
        contentType: 'image/svg+xml',
      }),
      status: 415,
      code: 'EVIDENCE_SCRIPTABLE',
    },
    {
      title: 'an SVG named .png',
      file: () => ({
        name: 'map.png',
        bytes: Buffer.from(
          `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><!--${crypto.randomUUID()}--></svg>`,
        ),
      }),
      status: 415,
      code: 'EVIDENCE_SCRIPTABLE',
    },
    {
      title: 'a PNG named .jpg',
      file: async () => ({ name: 'front.jpg', bytes: await uniquePng() }),
      status: 415,
      code: 'EVIDENCE_TYPE_MISMATCH',
    },
    {
      title: 'a JPEG sent as application/pdf',
      file: async () => ({ name: 'deed', bytes: await uniqueJpeg(), contentType: 'application/pdf' }),
      status: 415,
      code: 'EVIDENCE_TYPE_MISMATCH',
    },
    {
      title: 'a Windows executable named .pdf',
      file: () => ({
        name: 'deed.pdf',
        bytes: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), crypto.randomBytes(512)]),
      }),
      status: 415,
      code: 'EVIDENCE_TYPE_UNSUPPORTED',
    },
    {
      title: 'random bytes',
      file: () => ({ name: 'blob.bin', bytes: crypto.randomBytes(2048) }),
      status: 415,
      code: 'EVIDENCE_TYPE_MISMATCH',
    },
    {
      title: 'a PNG claiming 60000×60000 pixels',
      file: async () => ({ name: 'bomb.png', bytes: await pngClaiming(60_000, 60_000) }),
      status: 413,
      code: 'EVIDENCE_TOO_MANY_PIXELS',
    },
    {
      title: 'a PDF of 201 pages',
      file: async () => ({ name: 'long.pdf', bytes: await pdfWithPages(201) }),
      status: 413,
      code: 'EVIDENCE_TOO_MANY_PAGES',
    },
    {
      title: 'a PDF with JavaScript',
      file: async () => ({ name: 'active.pdf', bytes: await pdfWithPages(1, true) }),
      status: 415,
      code: 'EVIDENCE_SCRIPTABLE',
    },
    {
      title: 'a file over the size cap',
      file: async () => ({
        name: 'huge.jpg',
        bytes: Buffer.concat([await uniqueJpeg(), Buffer.alloc(26 * 1024 * 1024)]),
      }),
      status: 413,
      code: 'EVIDENCE_TOO_LARGE',
    },
  ];

  for (const bad of badCases) {
    it(`refuses ${bad.title} with ${bad.code}, storing nothing, not even the good files beside it`, async () => {
      const id = await createReport(host, firm, packKey);
      const good = await uniqueJpeg();
      const file = await bad.file();
      const response = await upload(id, [{ name: 'good.jpg', bytes: good }, file]);
      assert.equal(response.statusCode, bad.status, response.payload);
      assert.equal(json(response).code, bad.code);
      assert.match(json(response).message as string, new RegExp(file.name.replace('.', '\\.')));
      assert.deepEqual(await listed(id), []);
      const blobs = await host.registry.get(coreServices.blobs);
      assert.equal(await blobs.has(sha256(good)), false);
      assert.equal(await blobs.has(sha256(file.bytes)), false);
    });
  }

  it('documents the evidence routes in the OpenAPI document', async () => {
    const document = json(await host.server.inject('/openapi.json')) as { paths: Record<string, unknown> };
    for (const path of [
      '/v1/reports/{id}/evidence',
      '/v1/evidence/{id}',
      '/v1/evidence/{id}/content',
      '/v1/evidence/{id}/thumbnail',
      '/v1/reports/{id}/proposals',
      '/v1/proposals/{id}/accept',
      '/v1/proposals/{id}/reject',
      '/v1/reports/{id}/checklist',
    ]) {
      assert.ok(document.paths[path], path);
    }
  });

  it('refuses an unknown kind and a request without files', async () => {
    const badKind = await upload(reportId, [{ name: 'a.jpg', bytes: await uniqueJpeg() }], { kind: 'photo.selfie' });
    assert.equal(badKind.statusCode, 400);
    assert.equal(json(badKind).code, 'VALIDATION_FAILED');
    const none = await upload(reportId, [], { kind: 'photo.exterior' });
    assert.equal(none.statusCode, 400);
    assert.equal(json(none).code, 'EVIDENCE_FILES_INVALID');
  });

  it('re-files, reorders, excludes and soft-deletes an item, audited, and hides it from another tenant', async () => {
    const id = await createReport(host, firm, packKey);
    const [first, second] = json(
      await upload(
        id,
        [
          { name: 'a.jpg', bytes: await uniqueJpeg() },
          { name: 'b.jpg', bytes: await uniqueJpeg() },
        ],
        { kind: 'photo.interior' },
      ),
    ).items as { id: string; order: number }[];
    assert.deepEqual([first!.order, second!.order], [0, 1]);
    const patched = await call('PATCH', `/v1/evidence/${second!.id}`, {
      kind: 'photo.exterior',
      order: 0,
      excluded: true,
    });
    assert.equal(patched.statusCode, 200, patched.payload);
    assert.equal(json(patched).kind, 'photo.exterior');
    assert.equal(json(patched).excluded, true);

    assert.equal((await call('GET', `/v1/evidence/${first!.id}/content`, undefined, other)).statusCode, 404);
    assert.equal((await call('DELETE', `/v1/evidence/${first!.id}`, undefined, other)).statusCode, 404);

    const deleted = await call('DELETE', `/v1/evidence/${first!.id}`);
    assert.equal(deleted.statusCode, 204);
    assert.deepEqual(
      (await listed(id)).map((item) => item.id),
      [second!.id],
    );
    assert.equal((await call('GET', `/v1/evidence/${first!.id}/content`)).statusCode, 404);

    const audit = await host.server.inject({
      method: 'GET',
      url: `/v1/audit?target=evidence:${first!.id}`,
      headers: await firm.headers('admin'),
    });
    assert.equal(audit.statusCode, 200, audit.payload);
    const actions = (json(audit).items as { action: string }[]).map((entry) => entry.action);
    assert.deepEqual(actions.sort(), ['evidence.deleted', 'evidence.uploaded']);
  });

  it('lays uploads out for generation in kind order, without excluded or deleted items', async () => {
    const id = await createReport(host, firm, packKey);
    const items = json(
      await upload(
        id,
        [
          { name: 'one.jpg', bytes: await uniqueJpeg() },
          { name: 'two.jpg', bytes: await uniqueJpeg() },
          { name: 'three.jpg', bytes: await uniqueJpeg() },
        ],
        { kind: 'photo.interior' },
      ),
    ).items as { id: string }[];
    await call('PATCH', `/v1/evidence/${items[0]!.id}`, { excluded: true });
    await call('DELETE', `/v1/evidence/${items[1]!.id}`);
    const provider = await host.registry.get(coreServices.reportEvidence);
    const source = await provider.forReport(firm.id, id);
    const list = await source.list();
    assert.deepEqual(
      list.map((item) => [item.id, item.kind, item.order, item.title]),
      [[items[2]!.id, 'photo.interior', 0, 'three']],
    );
    assert.ok((await source.read(items[2]!.id)).length > 0);
  });

  it("answers the checklist from the pack's evidence profile", async () => {
    const id = await createReport(host, firm, packKey);
    await upload(
      id,
      [
        { name: 'f1.jpg', bytes: await uniqueJpeg() },
        { name: 'f2.jpg', bytes: await uniqueJpeg() },
      ],
      { kind: 'photo.exterior' },
    );
    await upload(id, [{ name: 'deed.pdf', bytes: await pdfWithPages(1) }], { kind: 'document.sale_deed' });
    const response = await call('GET', `/v1/reports/${id}/checklist`);
    assert.equal(response.statusCode, 200, response.payload);
    const checklist = json(response) as {
      complete: boolean;
      items: { kind: string; present: number; satisfied: boolean }[];
      missing: string[];
      documents: { kind: string }[];
    };
    assert.equal(checklist.complete, false);
    const byKind = Object.fromEntries(checklist.items.map((item) => [item.kind, [item.present, item.satisfied]]));
    assert.deepEqual(byKind['photo.exterior'], [2, true]);
    assert.deepEqual(byKind['document.sale_deed'], [1, true]);
    assert.deepEqual(byKind['photo.gps'], [0, false]);
    assert.ok(checklist.missing.includes('GPS-camera photo with the coordinates overlay'));
    assert.deepEqual(
      checklist.documents.map((doc) => doc.kind),
      ['document.sale_deed'],
    );
  });

  for (const [folder, documents] of [
    ['dpr-v1', ['document.quotation', 'document.kyc', 'document.ca_certificate']],
    ['tev-v1', ['document.quotation', 'document.declaration']],
    ['stage-progress-v1', ['document.ca_certificate', 'document.bank_statement']],
  ] as const) {
    it(`takes the documents the ${folder} checklist asks for, so that it can be complete`, async () => {
      const key = await publishPackVariant(host, firm, path.join(TEMPLATE_PACKS_DIR, folder));
      const id = await createReport(host, firm, key);
      for (const kind of documents) {
        const response = await upload(id, [{ name: `${kind}.pdf`, bytes: await pdfWithPages(1) }], { kind });
        assert.equal(response.statusCode, 201, response.payload);
      }
      const photos = await Promise.all(Array.from({ length: 4 }, () => uniqueJpeg()));
      await upload(
        id,
        photos.map((bytes, index) => ({ name: `site-${index}.jpg`, bytes })),
        { kind: 'photo.exterior' },
      );
      const closeUps = await Promise.all(Array.from({ length: 4 }, () => uniqueJpeg()));
      await upload(
        id,
        closeUps.map((bytes, index) => ({ name: `wip-${index}.jpg`, bytes })),
        { kind: 'photo.interior' },
      );
      await upload(id, [{ name: 'map.png', bytes: await uniquePng() }], { kind: 'screenshot.map' });
      const checklist = json(await call('GET', `/v1/reports/${id}/checklist`)) as {
        complete: boolean;
        missing: string[];
      };
      assert.deepEqual([checklist.complete, checklist.missing], [true, []]);
    });
  }
});
