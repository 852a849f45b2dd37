import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PDFDocument } from 'pdf-lib';
import {
  generateReportJob,
  withSystem,
  withTenant,
  type JobService,
} from '@repogen/core';
import { libreOfficeOrSkip, pdfToText, qpdfCheck } from '../render/render-fixtures.js';
import { buildReportTestPack, sbiFixtureInput } from '../reports/report-test-pack.js';
import { buildPackVariant, SBI_PACK_DIR, uniquePackKey } from '../support/pack-sources.js';
import { createTestHost, json, type TestHost, type TestTenant } from '../support/test-host.js';
import { startTestWorker } from '../support/test-worker.js';

interface JobView {
  state: string;
  progress: { step: string; state: string }[];
  versionId: string | null;
  error: { code: string; message: string; kind: string } | null;
  attempts: number;
}

describe('report generation through the API, with an in-process worker', function () {
  this.timeout(180_000);

  let host: TestHost;
  let firm: TestTenant;
  let packKey: string;
  let workDir: string;
  let reportId: string;
  let worker: JobService | undefined;

  const call = async (
    method: 'GET' | 'POST',
    url: string,
    options: { payload?: object; headers?: Record<string, string> } = {},
  ) =>
    host.server.inject({
      method,
      url,
      headers: { ...(await firm.headers('operator')), ...options.headers },
      ...(options.payload ? { payload: options.payload } : {}),
    });

  const generate = (id: string, key: string) =>
    call('POST', `/v1/reports/${id}/generate`, { headers: { 'idempotency-key': key } });

  async function settled(jobId: string): Promise<JobView> {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const response = await call('GET', `/v1/jobs/${jobId}`);
      assert.equal(response.statusCode, 200, response.payload);
      const view = json(response) as JobView;
      if (view.state === 'completed' || view.state === 'failed') return view;
      if (Date.now() > deadline) assert.fail(`job ${jobId} is still ${view.state}`);
      await sleep(200);
    }
  }

  async function publish(bytes: Buffer, key: string, version: string): Promise<void> {
    const upload = await host.server.inject({
      method: 'POST',
      url: '/v1/packs',
      headers: { ...(await firm.headers('author')), 'content-type': 'application/octet-stream' },
      payload: bytes,
    });
    assert.equal(upload.statusCode, 201, upload.payload);
    const published = await host.server.inject({
      method: 'POST',
      url: `/v1/packs/${key}/versions/${version}/publish`,
      headers: await firm.headers('admin'),
    });
    assert.equal(published.statusCode, 200, published.payload);
  }

  before(async function () {
    libreOfficeOrSkip(this);
    workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'repogen-generate-api-'));
    host = await createTestHost();
    firm = await host.createTenant('firm');
    const pack = await buildReportTestPack();
    packKey = pack.key;
    await publish(pack.bytes, pack.key, pack.manifest.version);
    const created = await call('POST', '/v1/reports', {
      payload: {
        packKey,
        title: 'Valuation of Plot 17, Nashik',
        externalKey: `v1:assignment:${Date.now()}`,
        data: await sbiFixtureInput(),
      },
    });
    assert.equal(created.statusCode, 201, created.payload);
    reportId = json(created).id as string;
    // A worker of its own beside the host's job service (which only sends), as `repogen worker` is.
    worker = await startTestWorker(host, [generateReportJob]);
  });

  after(async () => {
    await worker?.stop();
    await host?.close();
    if (workDir) await fs.rm(workDir, { recursive: true, force: true });
  });

  it('generates v1 then v2 (v1 kept), idempotent per key, with downloadable DOCX, PDF and trace', async () => {
    const key1 = crypto.randomUUID();
    const first = await generate(reportId, key1);
    assert.equal(first.statusCode, 202, first.payload);
    assert.equal(json(first).created, true);
    const jobId = json(first).jobId as string;
    const repeat = await generate(reportId, key1);
    assert.equal(repeat.statusCode, 202, repeat.payload);
    assert.deepEqual(json(repeat), { jobId, created: false });

    const done = await settled(jobId);
    assert.equal(done.state, 'completed', JSON.stringify(done));
    const steps = done.progress.filter((event) => event.state === 'done').map((event) => event.step);
    // Compute and layout run side by side: either may end first.
    assert.deepEqual(
      [steps[0], [...steps.slice(1, 3)].sort(), ...steps.slice(3)],
      ['snapshot', ['compute', 'layout'], 'render-docx', 'convert-pdf', 'assemble-pdf', 'store'],
    );

    const second = await generate(reportId, crypto.randomUUID());
    assert.equal(second.statusCode, 202, second.payload);
    assert.notEqual(json(second).jobId, jobId);
    assert.equal((await settled(json(second).jobId as string)).state, 'completed');

    const versions = await call('GET', `/v1/reports/${reportId}/versions`);
    assert.equal(versions.statusCode, 200, versions.payload);
    const items = json(versions).items as {
      id: string;
      n: number;
      inputSha256: string;
      artifacts: { id: string; kind: string; filename: string; contentType: string; sha256: string }[];
    }[];
    assert.deepEqual(
      items.map((item) => item.n),
      [1, 2],
    );
    assert.equal(items[0]!.id, done.versionId);
    assert.equal(items[0]!.inputSha256, items[1]!.inputSha256, 'the same data hashes the same');
    for (const item of items)
      assert.deepEqual(item.artifacts.map((artifact) => artifact.kind).sort(), ['docx', 'pdf', 'trace']);
    // The documents differ (the version number is printed), so v2 did not overwrite v1.
    const pdfOf = (n: number) => items[n - 1]!.artifacts.find((artifact) => artifact.kind === 'pdf')!;
    assert.notEqual(pdfOf(1).sha256, pdfOf(2).sha256);

    const docxArtifact = items[0]!.artifacts.find((artifact) => artifact.kind === 'docx')!;
    const docx = await call('GET', `/v1/artifacts/${docxArtifact.id}`);
    assert.equal(docx.statusCode, 200);
    assert.equal(
      docx.headers['content-type'],
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    assert.match(String(docx.headers['content-disposition']), /attachment; filename="v1-assignment-\d+-v1\.docx"/);
    assert.equal(docx.rawPayload.subarray(0, 2).toString('latin1'), 'PK', 'a DOCX is a zip');

    const pdf = await call('GET', `/v1/artifacts/${pdfOf(2).id}`);
    assert.equal(pdf.statusCode, 200);
    assert.match(String(pdf.headers['content-type']), /^application\/pdf/);
    const file = path.join(workDir, 'v2.pdf');
    await fs.writeFile(file, pdf.rawPayload);
    const check = qpdfCheck(file);
    assert.ok(check.ok, check.output);
    const text = pdfToText(file).replace(/\s+/g, ' ');
    for (const expected of [
      'Valuation of Plot 17, Nashik',
      '₹1,39,80,000',
      'Rupees One Crore Thirty-Nine Lakh Eighty Thousand Only',
      'KRJ/SBI/2025-26/0417',
      'version 2',
      'PLAN_DEVIATION',
    ]) {
      assert.ok(text.includes(expected), `the PDF text holds '${expected}'`);
    }
    // The watermark's letters come out of pdftotext interleaved with the body text; the metadata says it plainly.
    const stamped = await PDFDocument.load(pdf.rawPayload);
    assert.match(stamped.getSubject() ?? '', /^Draft report /);
    assert.match(stamped.getKeywords() ?? '', new RegExp(`input-sha256:${items[1]!.inputSha256}`));

    const trace = await call(
      'GET',
      `/v1/artifacts/${items[1]!.artifacts.find((artifact) => artifact.kind === 'trace')!.id}`,
    );
    assert.equal(json(trace).values.fairMarketValue, 13980000);
    assert.equal(json(trace).inputSha256, items[1]!.inputSha256);

    const detail = json(await call('GET', `/v1/reports/${reportId}`));
    assert.equal(detail.status, 'generated');
    assert.equal(detail.latestVersion, 2);

    const audit = await host.server.inject({
      method: 'GET',
      url: `/v1/audit?target=report:${reportId}&action=report.generated`,
      headers: await firm.headers('admin'),
    });
    assert.deepEqual(
      (json(audit).items as { after: { version: number } }[]).map((entry) => entry.after.version),
      [2, 1],
    );
  });

  it('keeps versions and artifacts immutable, even past row-level security', async () => {
    const knex = host.database.knex;
    const versions = (await withTenant(knex, firm.id, (trx) =>
      trx('report_versions').where({ report_id: reportId }),
    )) as { id: string }[];
    assert.ok(versions.length >= 1);
    await assert.rejects(
      withTenant(knex, firm.id, (trx) =>
        trx('report_versions')
          .where({ report_id: reportId })
          .update({ input_sha256: '0'.repeat(64) }),
      ),
    );
    await assert.rejects(
      withSystem(knex, (trx) =>
        trx('report_versions')
          .where({ report_id: reportId })
          .update({ input_sha256: '0'.repeat(64) }),
      ),
      /immutable/,
    );
    await assert.rejects(
      withSystem(knex, (trx) => trx('artifacts').where({ version_id: versions[0]!.id }).delete()),
      /immutable/,
    );
    const other = await host.createTenant('bank');
    const seen = (await withTenant(knex, other.id, (trx) =>
      trx('report_versions').where({ report_id: reportId }),
    )) as unknown[];
    assert.deepEqual(seen, [], "another tenant sees none of this report's versions");
  });

  it('refuses a key reused for another report with 409, and hides unknown jobs', async () => {
    const key = crypto.randomUUID();
    const queued = await generate(reportId, key);
    assert.equal(queued.statusCode, 202, queued.payload);
    const other = await call('POST', '/v1/reports', {
      payload: { packKey, title: 'Another report', data: await sbiFixtureInput() },
    });
    const reused = await generate(json(other).id as string, key);
    assert.equal(reused.statusCode, 409, reused.payload);
    assert.equal(json(reused).code, 'IDEMPOTENCY_KEY_REUSED');
    // Two requests racing with one key still make one job.
    const raceKey = crypto.randomUUID();
    const racing = await Promise.all([generate(reportId, raceKey), generate(reportId, raceKey)]);
    assert.deepEqual(
      racing.map((response) => response.statusCode),
      [202, 202],
    );
    assert.equal(json(racing[0]).jobId, json(racing[1]).jobId);
    assert.deepEqual(racing.map((response) => json(response).created as boolean).sort(), [false, true]);
    await settled(json(racing[0]).jobId as string);

    const missingKey = await call('POST', `/v1/reports/${reportId}/generate`);
    assert.equal(missingKey.statusCode, 400);
    const unknown = await call('GET', `/v1/jobs/${crypto.randomUUID()}`);
    assert.equal(unknown.statusCode, 404);
    await settled(json(queued).jobId as string);
  });

  it('fails a job for good, keeping its code and message, when the pack has no report template', async () => {
    const key = uniquePackKey('NOTEMPLATE');
    const bare = await buildPackVariant(SBI_PACK_DIR, {
      packageJson: (pkg) => (pkg.repogen = { ...pkg.repogen, key, templates: [] }),
    });
    await publish(bare.bytes, key, bare.manifest.version);
    const created = await call('POST', '/v1/reports', {
      payload: { packKey: key, title: 'No template', data: await sbiFixtureInput() },
    });
    const queued = await generate(json(created).id as string, crypto.randomUUID());
    const failed = await settled(json(queued).jobId as string);
    assert.equal(failed.state, 'failed', JSON.stringify(failed));
    assert.equal(failed.attempts, 1, 'a user error is not retried');
    assert.equal(failed.error?.code, 'PACK_TEMPLATE_MISSING');
    assert.match(failed.error?.message ?? '', /has no report template/);
    const versions = await call('GET', `/v1/reports/${json(created).id as string}/versions`);
    assert.deepEqual(json(versions).items, []);
  });
});
