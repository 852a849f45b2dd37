import assert from 'node:assert/strict';
import type { JsonValue } from '@repogen/sdk';
import JSZip from 'jszip';
import { coreServices, runReportPipeline, type Principal } from '@repogen/core';
import { buildReportTestPack, sbiFixtureInput } from '../reports/report-test-pack.js';
import { createTestHost, json, type TestHost, type TestTenant } from '../support/test-host.js';
import { multipart, pdfWithPages, uniqueJpeg, type FormFile } from './evidence-test-support.js';

describe('uploaded evidence in a generated report', function () {
  this.timeout(120_000);

  let host: TestHost;
  let firm: TestTenant;

  before(async () => {
    host = await createTestHost();
    firm = await host.createTenant('firm');
  });
  after(() => host?.close());

  it("lays uploads out on the pack's annexure pages, in kind order, and places the photos in the DOCX", async () => {
    const pack = await buildReportTestPack();
    const headers = await firm.headers('admin');
    const uploaded = await host.server.inject({
      method: 'POST',
      url: '/v1/packs',
      headers: { ...(await firm.headers('author')), 'content-type': 'application/octet-stream' },
      payload: pack.bytes,
    });
    assert.equal(uploaded.statusCode, 201, uploaded.payload);
    assert.equal(
      (
        await host.server.inject({
          method: 'POST',
          url: `/v1/packs/${pack.key}/versions/${pack.manifest.version}/publish`,
          headers,
        })
      ).statusCode,
      200,
    );
    const created = await host.server.inject({
      method: 'POST',
      url: '/v1/reports',
      headers,
      payload: { packKey: pack.key, title: 'Evidence annexures', data: await sbiFixtureInput() },
    });
    assert.equal(created.statusCode, 201, created.payload);
    const reportId = json(created).id as string;

    const send = async (files: FormFile[], kind: string) => {
      const body = multipart(files, { kind });
      const response = await host.server.inject({
        method: 'POST',
        url: `/v1/reports/${reportId}/evidence`,
        headers: { ...headers, ...body.headers },
        payload: body.payload,
      });
      assert.equal(response.statusCode, 201, response.payload);
      return (json(response).items as { id: string }[]).map((item) => item.id);
    };
    const interior = await send([{ name: 'hall.jpg', bytes: await uniqueJpeg() }], 'photo.interior');
    const exterior = await send(
      [
        { name: 'front.jpg', bytes: await uniqueJpeg() },
        { name: 'rear.jpg', bytes: await uniqueJpeg() },
      ],
      'photo.exterior',
    );
    const deed = await send([{ name: 'deed.pdf', bytes: await pdfWithPages(2) }], 'document.sale_deed');

    const principal: Principal = {
      tenantId: firm.id,
      role: 'admin',
      via: 'token',
      userId: undefined,
      credentialId: 'test',
      label: 'test',
    };
    const packs = await host.registry.get(coreServices.packs);
    const provider = await host.registry.get(coreServices.reportEvidence);
    const result = await runReportPipeline(
      {
        sandbox: await host.registry.get(coreServices.sandbox),
        renderer: await host.registry.get(coreServices.renderer),
      },
      {
        pack: await packs.resolve(principal, pack.key, pack.manifest.version),
        callerTenantId: firm.id,
        input: (await sbiFixtureInput()) as JsonValue,
        evidence: await provider.forReport(firm.id, reportId),
        report: { title: 'Evidence annexures', reference: reportId, version: 1, draft: true },
        now: new Date('2026-11-25T10:00:00Z'),
        pdf: false,
      },
    );
    const placed = result.pages.flatMap((page) => page.evidenceIds.map((id) => [page.section, id]));
    const sectionOf = new Map(placed.map(([section, id]) => [id, section]));
    assert.equal(sectionOf.get(exterior[0]), 'site-images');
    assert.equal(sectionOf.get(interior[0]), 'site-images');
    assert.equal(sectionOf.get(deed[0]), 'documents');
    const photoOrder = placed.filter(([section]) => section === 'site-images').map(([, id]) => id);
    assert.deepEqual(photoOrder, [...exterior, ...interior], 'exterior before interior, each in upload order');

    const docx = await JSZip.loadAsync(result.docx);
    const media = Object.keys(docx.files).filter((name) => name.startsWith('word/media/'));
    assert.ok(media.length >= 3, `photos placed in the DOCX: ${media.join(', ')}`);
  });
});
