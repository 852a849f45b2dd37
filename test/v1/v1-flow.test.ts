import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PDFDocument } from 'pdf-lib';
import { generateReportJob, ocrEvidenceJob, readOutlineTitles, type JobService } from '@repogen/core';
import { deliverCallbackJob } from '@repogen/plugin-v1-bridge';
import { RepogenClient, verifyCallbackSignature, type CallbackBody, type UploadProgress } from '@repogen/sdk/client';
import { libreOfficeOrSkip } from '../render/render-fixtures.js';
import { buildReportTestPack, sbiFixtureInput } from '../reports/report-test-pack.js';
import { hasTranslucentText } from '../support/pdf-watermark.js';
import { createTestHost, type TestHost, type TestTenant } from '../support/test-host.js';
import { startTestWorker } from '../support/test-worker.js';
import { uniqueJpeg } from '../evidence/evidence-test-support.js';
import { startCallbackListener, type CallbackListener, type ReceivedCallback } from './callback-listener.js';

const GPS_PHOTO = path.resolve(import.meta.dirname, '../fixtures/ocr/gps-classic-1.jpg');

/**
 * V1's whole flow over real HTTP through the sdk client, with a worker beside the host and a
 * receiver on 127.0.0.1: create by external key, push data and evidence, generate, receive the
 * signed callbacks, download the PDF, release; every call repeated to show nothing doubles.
 */
describe('V1 through RepogenClient, end to end', function () {
  this.timeout(240_000);

  let host: TestHost;
  let firm: TestTenant;
  let client: RepogenClient;
  let listener: CallbackListener;
  let worker: JobService | undefined;
  let secret: string;
  let packKey: string;

  const events = (received: readonly ReceivedCallback[], type: string) =>
    received
      .map((item) => ({ item, body: JSON.parse(item.body) as CallbackBody }))
      .filter(({ body }) => body.type === type);

  before(async function () {
    libreOfficeOrSkip(this);
    host = await createTestHost();
    firm = await host.createTenant('firm');
    const pack = await buildReportTestPack();
    packKey = pack.key;
    const upload = await host.server.inject({
      method: 'POST',
      url: '/v1/packs',
      headers: { ...(await firm.headers('author')), 'content-type': 'application/octet-stream' },
      payload: pack.bytes,
    });
    assert.equal(upload.statusCode, 201, upload.payload);
    const published = await host.server.inject({
      method: 'POST',
      url: `/v1/packs/${packKey}/versions/${pack.manifest.version}/publish`,
      headers: await firm.headers('admin'),
    });
    assert.equal(published.statusCode, 200, published.payload);

    await host.server.start();
    client = new RepogenClient({
      baseUrl: `http://127.0.0.1:${host.server.info.port}`,
      serviceToken: (await firm.headers('service'))['x-service-token']!,
    });
    listener = await startCallbackListener();
    const jobs = [generateReportJob, ocrEvidenceJob, deliverCallbackJob];
    worker = await startTestWorker(host, jobs);
  });

  after(async () => {
    await worker?.stop();
    await listener?.close();
    await host?.close();
  });

  it('creates, fills, generates, calls back signed, downloads and releases, with retries that never duplicate', async () => {
    const registered = await client.registerCallback({
      url: listener.url,
      events: ['report.generated', 'report.failed', 'report.released', 'ocr.completed'],
    });
    assert.ok(registered.secret, 'a first registration answers its secret');
    secret = registered.secret;
    // A receiver that is down: generation must not wait for it.
    const dead = await client.registerCallback({ url: 'http://127.0.0.1:1/down', events: ['report.generated'] });

    // The partner V1 bills this assignment to, with one credit on its own account.
    const billingKey = `v1:partner:${crypto.randomInt(1e9)}`;
    const admin = await firm.headers('admin');
    const account = await host.server.inject({
      method: 'POST',
      url: '/v1/billing/accounts',
      headers: admin,
      payload: { mode: 'CREDIT', externalKey: billingKey },
    });
    assert.equal(account.statusCode, 201, account.payload);
    const accountId = (JSON.parse(account.payload) as { id: string }).id;
    const grant = await host.server.inject({
      method: 'POST',
      url: `/v1/billing/accounts/${accountId}/grants`,
      headers: { ...admin, 'idempotency-key': crypto.randomUUID() },
      payload: { credits: 1, reason: 'partner prepaid' },
    });
    assert.equal(grant.statusCode, 201, grant.payload);

    // 1. The report by external key; a retried create (same key) and a repeat (new key) answer the same report.
    const externalKey = `v1:assignment:${crypto.randomInt(1e9)}`;
    const input = await sbiFixtureInput();
    const createKey = crypto.randomUUID();
    const created = await client.createReport(
      { packKey, title: 'Valuation of Plot 17, Nashik', externalKey, billingKey, data: input },
      { idempotencyKey: createKey },
    );
    assert.equal(created.created, true);
    assert.equal(created.report.billingAccountId, accountId);
    const retried = await client.createReport(
      { packKey, title: 'Valuation of Plot 17, Nashik', externalKey, billingKey, data: input },
      { idempotencyKey: createKey },
    );
    assert.deepEqual(retried, created);
    const repeated = await client.createReport({ packKey, title: 'Another title', externalKey });
    assert.equal(repeated.created, false);
    assert.equal(repeated.report.id, created.report.id);
    const reportId = created.report.id;
    assert.equal((await client.getReportByExternalKey(externalKey)).id, reportId);

    // 2. Data and evidence.
    const patched = await client.patchReportData(reportId, { '/addressee/borrower': 'Smt. Kavita Deshpande' });
    assert.equal((patched.data.addressee as { borrower: string }).borrower, 'Smt. Kavita Deshpande');
    const progress: UploadProgress[] = [];
    const photo = await uniqueJpeg();
    const uploadKey = crypto.randomUUID();
    const files = [{ filename: 'front.jpg', bytes: photo, contentType: 'image/jpeg' }];
    const uploaded = await client.uploadEvidence(reportId, files, {
      kind: 'photo.exterior',
      idempotencyKey: uploadKey,
      onProgress: (event) => progress.push(event),
    });
    assert.equal(uploaded.length, 1);
    assert.ok(progress.length >= 1 && progress.at(-1)!.loaded === progress.at(-1)!.total, JSON.stringify(progress));
    assert.deepEqual(
      await client.uploadEvidence(reportId, files, { kind: 'photo.exterior', idempotencyKey: uploadKey }),
      uploaded,
    );
    const [gps] = await client.uploadEvidence(
      reportId,
      [{ filename: 'gps.jpg', bytes: await fs.readFile(GPS_PHOTO), contentType: 'image/jpeg' }],
      { kind: 'photo.gps' },
    );
    assert.equal(gps!.ocr.status, 'queued');

    // 3. Generate; the retried request answers the same job.
    const generateKey = crypto.randomUUID();
    const queued = await client.generate(reportId, { idempotencyKey: generateKey });
    assert.deepEqual(await client.generate(reportId, { idempotencyKey: generateKey }), {
      jobId: queued.jobId,
      created: false,
    });
    const job = await client.waitForJob(queued.jobId, { intervalMs: 250, timeoutMs: 180_000 });
    assert.ok(job.versionId);

    // 4. The signed callbacks arrive on the receiver.
    const received = await listener.waitFor(
      (all) => events(all, 'report.generated').length >= 1 && events(all, 'ocr.completed').length >= 1,
      120_000,
    );
    const [generated] = events(received, 'report.generated');
    const check = verifyCallbackSignature({
      secret,
      header: generated!.item.headers['repogen-signature'] as string,
      body: generated!.item.body,
    });
    assert.equal(check.ok, true, JSON.stringify(check));
    assert.deepEqual(generated!.body.data, {
      reportId,
      externalKey,
      jobId: queued.jobId,
      versionId: job.versionId,
      version: 1,
    });
    const [ocr] = events(received, 'ocr.completed');
    assert.equal(ocr!.body.data.evidenceId, gps!.id);
    assert.equal(ocr!.body.data.status, 'done');
    assert.equal(
      verifyCallbackSignature({
        secret,
        header: ocr!.item.headers['repogen-signature'] as string,
        body: ocr!.item.body,
      }).ok,
      true,
    );
    // A stale copy of the same delivery is refused by the verifier.
    assert.deepEqual(
      verifyCallbackSignature({
        secret,
        header: generated!.item.headers['repogen-signature'] as string,
        body: generated!.item.body,
        now: check.ok ? check.timestamp + 3600 : 0,
      }),
      { ok: false, reason: 'stale' },
    );

    // The receiver that is down holds nothing up: its delivery waits in the log for its retry.
    let toDead = (await client.deliveries({ endpointId: dead.endpoint.id })).items;
    for (let i = 0; (toDead[0]?.attempts ?? 0) < 1 && i < 100; i += 1) {
      await sleep(100);
      toDead = (await client.deliveries({ endpointId: dead.endpoint.id })).items;
    }
    assert.equal(toDead.length, 1);
    assert.equal(toDead[0]!.state, 'pending');
    assert.match(toDead[0]!.lastError ?? '', /could not be reached/);
    await client.removeCallback(dead.endpoint.id);

    // 5. Download the PDF.
    const pdf = await client.downloadLatest(reportId, 'pdf');
    assert.equal(pdf.contentType, 'application/pdf');
    assert.equal(pdf.bytes.subarray(0, 5).toString('latin1'), '%PDF-');

    // 6. Release: the partner's credit is consumed, the signed report.released callback names the released PDF, which has no DRAFT watermark.
    const releaseKey = crypto.randomUUID();
    const released = (await client.release(reportId, {}, { idempotencyKey: releaseKey })) as {
      released: boolean;
      versionId: string;
      version: number;
      artifact: { id: string; kind: string };
      gate: unknown;
    };
    assert.equal(released.released, true);
    assert.deepEqual(released.gate, { mode: 'CREDIT', consumed: 1 });
    assert.equal(released.artifact.kind, 'pdf-released');
    assert.deepEqual(await client.release(reportId, {}, { idempotencyKey: releaseKey }), released);
    const again = (await client.release(reportId, {})) as { released: boolean; artifact: { id: string } };
    assert.equal(again.released, false, 'a release with a new key answers the same release');
    assert.equal(again.artifact.id, released.artifact.id);
    const afterRelease = await listener.waitFor((all) => events(all, 'report.released').length >= 1);
    const [releasedEvent] = events(afterRelease, 'report.released');
    const releaseCheck = verifyCallbackSignature({
      secret,
      header: releasedEvent!.item.headers['repogen-signature'] as string,
      body: releasedEvent!.item.body,
    });
    assert.equal(releaseCheck.ok, true, JSON.stringify(releaseCheck));
    assert.equal(
      verifyCallbackSignature({
        secret: 'whsec_not-the-secret-at-all',
        header: releasedEvent!.item.headers['repogen-signature'] as string,
        body: releasedEvent!.item.body,
      }).ok,
      false,
    );
    const releasedData = releasedEvent!.body.data;
    assert.deepEqual(releasedData, {
      reportId,
      externalKey,
      versionId: job.versionId,
      version: 1,
      artifactId: released.artifact.id,
      releasedAt: releasedData.releasedAt,
    });
    assert.ok(
      Math.abs(Date.parse(String(releasedData.releasedAt)) - Date.now()) < 120_000,
      String(releasedData.releasedAt),
    );
    const releasedPdf = await client.download(String(releasedData.artifactId));
    assert.equal(releasedPdf.contentType, 'application/pdf');
    const [draftDoc, releasedDoc] = await Promise.all([
      PDFDocument.load(pdf.bytes),
      PDFDocument.load(releasedPdf.bytes),
    ]);
    assert.ok(
      releasedDoc.getPageCount() < draftDoc.getPageCount() &&
        readOutlineTitles(draftDoc).includes('Checker findings (draft only)') &&
        !readOutlineTitles(releasedDoc).includes('Checker findings (draft only)'),
      'the checker findings end the draft and are left out of the released PDF',
    );
    assert.match(releasedDoc.getSubject() ?? '', /^Report /);
    for (let page = 0; page < releasedDoc.getPageCount(); page += 1) {
      assert.equal(
        hasTranslucentText(draftDoc, page),
        true,
        `the draft's page ${page + 1} carries the DRAFT watermark`,
      );
      assert.equal(hasTranslucentText(releasedDoc, page), false, `the released page ${page + 1} does not`);
    }

    // Nothing doubled: one report for the key, one version, one upload of the photo.
    const list = await host.server.inject({
      method: 'GET',
      url: `/v1/reports?q=${encodeURIComponent(externalKey)}`,
      headers: await firm.headers('operator'),
    });
    assert.equal((JSON.parse(list.payload) as { total: number }).total, 1);
    assert.deepEqual(
      (await client.versions(reportId)).map((version) => version.n),
      [1],
    );
    assert.equal(events(listener.received, 'report.generated').length, 1);
    assert.equal(
      events(listener.received, 'report.released').length,
      1,
      'one release, one event, however often it was asked for',
    );
  });
});
