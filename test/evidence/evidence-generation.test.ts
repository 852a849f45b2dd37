import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { JsonValue } from '@repogen/sdk';
import JSZip from 'jszip';
import {
  coreServices,
  createJobService,
  createLogger,
  generateReportJob,
  runReportPipeline,
  type Principal,
} from '@repogen/core';
import { libreOfficeOrSkip, makePdf, pdfToText } from '../render/render-fixtures.js';
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

  /** A fresh test pack, uploaded by the firm's author and published by its admin, and a report on it. */
  async function reportOnTestPack(
    title: string,
  ): Promise<{ pack: Awaited<ReturnType<typeof buildReportTestPack>>; reportId: string }> {
    const pack = await buildReportTestPack();
    const headers = await firm.headers('admin');
    const uploaded = await host.server.inject({
      method: 'POST',
      url: '/v1/packs',
      headers: { ...(await firm.headers('author')), 'content-type': 'application/octet-stream' },
      payload: pack.bytes,
    });
    assert.equal(uploaded.statusCode, 201, uploaded.payload);
    const published = await host.server.inject({
      method: 'POST',
      url: `/v1/packs/${pack.key}/versions/${pack.manifest.version}/publish`,
      headers,
    });
    assert.equal(published.statusCode, 200, published.payload);
    const created = await host.server.inject({
      method: 'POST',
      url: '/v1/reports',
      headers,
      payload: { packKey: pack.key, title, data: await sbiFixtureInput() },
    });
    assert.equal(created.statusCode, 201, created.payload);
    return { pack, reportId: json(created).id as string };
  }

  it("lays uploads out on the pack's annexure pages, in kind order, and places the photos in the DOCX", async () => {
    const headers = await firm.headers('admin');
    const { pack, reportId } = await reportOnTestPack('Evidence annexures');

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

  it('appends a PDF filed under a picture kind (a guideline screenshot saved as PDF) as a document when generating', async function () {
    libreOfficeOrSkip(this);
    const headers = await firm.headers('admin');
    const { reportId } = await reportOnTestPack('Guideline as PDF');
    for (const [file, kind] of [
      [{ name: 'front.jpg', bytes: await uniqueJpeg() }, 'photo.exterior'],
      [
        { name: 'guideline.pdf', bytes: await makePdf(1, 'Guideline portal extract'), contentType: 'application/pdf' },
        'screenshot.guideline',
      ],
    ] as const) {
      const body = multipart([file], { kind });
      const response = await host.server.inject({
        method: 'POST',
        url: `/v1/reports/${reportId}/evidence`,
        headers: { ...headers, ...body.headers },
        payload: body.payload,
      });
      assert.equal(response.statusCode, 201, response.payload);
    }

    const worker = await createJobService({
      database: host.database,
      databaseUrl: process.env.DATABASE_URL,
      logger: createLogger('silent'),
      jobs: [generateReportJob],
      shutdownGraceMs: 10_000,
    });
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'repogen-evidence-pdf-'));
    try {
      await worker.work([generateReportJob], host.registry);
      const queued = await host.server.inject({
        method: 'POST',
        url: `/v1/reports/${reportId}/generate`,
        headers: { ...headers, 'idempotency-key': crypto.randomUUID() },
      });
      assert.equal(queued.statusCode, 202, queued.payload);
      const deadline = Date.now() + 120_000;
      let job: { state: string; error: unknown; versionId: string | null };
      for (;;) {
        job = json(
          await host.server.inject({ url: `/v1/jobs/${json(queued).jobId as string}`, headers }),
        ) as typeof job;
        if (job.state === 'completed' || job.state === 'failed' || Date.now() > deadline) break;
        await sleep(200);
      }
      assert.equal(job.state, 'completed', JSON.stringify(job.error));
      const versions = json(await host.server.inject({ url: `/v1/reports/${reportId}/versions`, headers })).items as {
        artifacts: { id: string; kind: string }[];
      }[];
      const pdf = versions[0]!.artifacts.find((artifact) => artifact.kind === 'pdf')!;
      const file = path.join(dir, 'report.pdf');
      await fs.writeFile(file, (await host.server.inject({ url: `/v1/artifacts/${pdf.id}`, headers })).rawPayload);
      assert.ok(pdfToText(file).includes('Guideline portal extract sheet 1'), 'the PDF is appended to the report');
    } finally {
      await worker.stop();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
