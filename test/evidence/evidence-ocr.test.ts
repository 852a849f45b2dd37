import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { ocrEvidenceJob, type JobService } from '@repogen/core';
import { createTestHost, json, type TestHost, type TestTenant } from '../support/test-host.js';
import { startTestWorker } from '../support/test-worker.js';
import { createReport, multipart, pdfWithPages, publishSbiVariant } from './evidence-test-support.js';
import { expectedProposals, fieldMatches, fixturePath, readTruth } from './ocr-labelled-set.js';

interface ProposalView {
  id: string;
  evidenceId: string;
  field: string;
  value: unknown;
  confidence: number;
  source: string;
  sourceText: string;
  region: { x: number; y: number; width: number; height: number } | null;
  status: string;
  warnings: { code: string }[];
}

describe('evidence OCR job and proposals', function () {
  this.timeout(180_000);

  let host: TestHost;
  let firm: TestTenant;
  let packKey: string;
  let worker: JobService | undefined;

  const call = async (method: 'GET' | 'POST', url: string, payload?: object) =>
    host.server.inject({ method, url, headers: await firm.headers('operator'), ...(payload ? { payload } : {}) });

  async function uploadFixture(reportId: string, file: string, kind?: string): Promise<string> {
    const body = multipart([{ name: file, bytes: await fs.readFile(fixturePath(file)) }], kind ? { kind } : {});
    const response = await host.server.inject({
      method: 'POST',
      url: `/v1/reports/${reportId}/evidence`,
      headers: { ...(await firm.headers('operator')), ...body.headers },
      payload: body.payload,
    });
    assert.equal(response.statusCode, 201, response.payload);
    const [item] = json(response).items as { id: string; ocr: { status: string } }[];
    assert.equal(item!.ocr.status, 'queued');
    return item!.id;
  }

  async function readDone(reportId: string, ids: readonly string[]): Promise<void> {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const items = json(await call('GET', `/v1/reports/${reportId}/evidence`)).items as {
        id: string;
        ocr: { status: string };
      }[];
      const states = ids.map((id) => items.find((item) => item.id === id)?.ocr.status);
      if (states.every((state) => state === 'done' || state === 'failed')) {
        assert.deepEqual(
          states,
          ids.map(() => 'done'),
        );
        return;
      }
      if (Date.now() > deadline) assert.fail(`OCR still ${states.join(', ')}`);
      await sleep(250);
    }
  }

  before(async () => {
    host = await createTestHost();
    firm = await host.createTenant('firm');
    packKey = await publishSbiVariant(host, firm);
    worker = await startTestWorker(host, [ocrEvidenceJob]);
  });

  after(async () => {
    await worker?.stop();
    await host?.close();
  });

  it('reads a GPS photo and a guideline screenshot into proposals; accepting fills the report data', async () => {
    const truth = await readTruth();
    const gps = truth.find((entry) => entry.kind === 'photo.gps' && entry.style === 'classic')!;
    const guideline = truth.find((entry) => entry.kind === 'screenshot.guideline' && entry.fields.unit === 'sqm')!;
    const reportId = await createReport(host, firm, packKey);
    const gpsId = await uploadFixture(reportId, gps.file, 'photo.gps');
    const guidelineId = await uploadFixture(reportId, guideline.file, 'screenshot.guideline');
    await readDone(reportId, [gpsId, guidelineId]);

    const proposals = json(await call('GET', `/v1/reports/${reportId}/proposals?status=proposed`))
      .items as ProposalView[];
    const fromOcr = (evidenceId: string, field: string) =>
      proposals.find((p) => p.evidenceId === evidenceId && p.field === field && p.source === 'ocr');
    const lat = fromOcr(gpsId, '/property/gps/lat');
    const lng = fromOcr(gpsId, '/property/gps/lng');
    const date = fromOcr(gpsId, '/reportMeta/inspectionDate');
    const rate = fromOcr(guidelineId, '/guideline/landRatePerSqm');
    assert.equal(lat?.value, gps.fields.lat);
    assert.equal(lng?.value, gps.fields.long);
    assert.equal(date?.value, gps.fields.date);
    assert.equal(rate?.value, guideline.fields.rate);
    for (const proposal of [lat!, lng!, date!, rate!]) {
      assert.ok(proposal.confidence > 0.6, `${proposal.field} confidence ${proposal.confidence}`);
      assert.deepEqual(proposal.warnings, []);
      assert.ok(proposal.sourceText.length > 0);
    }
    // Each reading says where in its photo it was read: the classic overlay's coordinates line,
    // 34 px type on baseline 1070 of the 1200-pixel photo (test/fixtures/ocr/generate-fixtures.ts).
    const region = lat!.region;
    assert.ok(region, 'the latitude carries its region');
    assert.ok(Math.abs(region.x - 40 / 1600) < 0.012, JSON.stringify(region));
    assert.ok(Math.abs(region.y - 1045 / 1200) < 0.012, JSON.stringify(region));
    assert.ok(Math.abs(region.y + region.height - 1078 / 1200) < 0.012, JSON.stringify(region));
    assert.ok(date!.region && date!.region.y > region.y + region.height - 0.005, 'the date line lies under it');
    assert.ok(rate!.region && rate!.region.width > 0.2, JSON.stringify(rate!.region));

    for (const proposal of [lat!, lng!, date!, rate!]) {
      const accepted = await call('POST', `/v1/proposals/${proposal.id}/accept`);
      assert.equal(accepted.statusCode, 200, accepted.payload);
      assert.equal(json(accepted).proposal.status, 'accepted');
    }
    const again = await call('POST', `/v1/proposals/${lat!.id}/accept`);
    assert.equal(again.statusCode, 400);
    assert.equal(json(again).code, 'PROPOSAL_ALREADY_DECIDED');

    const report = json(await call('GET', `/v1/reports/${reportId}`)) as {
      data: {
        property: { gps: { lat: number; lng: number } };
        reportMeta: { inspectionDate: string };
        guideline: { landRatePerSqm: number };
      };
    };
    assert.equal(report.data.property.gps.lat, gps.fields.lat);
    assert.equal(report.data.property.gps.lng, gps.fields.long);
    assert.equal(report.data.reportMeta.inspectionDate, gps.fields.date);
    assert.equal(report.data.guideline.landRatePerSqm, guideline.fields.rate);

    const audit = await host.server.inject({
      method: 'GET',
      url: `/v1/audit?target=report:${reportId}&action=report.data.changed`,
      headers: await firm.headers('admin'),
    });
    const changed = (json(audit).items as { after: { field: string } }[]).map((entry) => entry.after.field).sort();
    assert.deepEqual(changed, [
      '/guideline/landRatePerSqm',
      '/property/gps/lat',
      '/property/gps/lng',
      '/reportMeta/inspectionDate',
    ]);
  });

  it("keeps the operator's value over the reading, warns on range, and rejects without touching the data", async () => {
    const truth = await readTruth();
    const gps = truth.filter((entry) => entry.kind === 'photo.gps')[1]!;
    const reportId = await createReport(host, firm, packKey);
    const gpsId = await uploadFixture(reportId, gps.file, 'photo.gps');
    await readDone(reportId, [gpsId]);
    const proposals = json(await call('GET', `/v1/reports/${reportId}/proposals`)).items as ProposalView[];
    const lat = proposals.find((p) => p.field === '/property/gps/lat' && p.source === 'ocr')!;
    const lng = proposals.find((p) => p.field === '/property/gps/lng' && p.source === 'ocr')!;

    const overridden = await call('POST', `/v1/proposals/${lat.id}/accept`, {
      value: 51.5,
      reason: 'Surveyor reading on site',
    });
    assert.equal(overridden.statusCode, 200, overridden.payload);
    assert.deepEqual(
      (json(overridden).warnings as { code: string }[]).map((w) => w.code),
      ['COORDINATE_OUTSIDE_INDIA'],
    );
    const rejected = await call('POST', `/v1/proposals/${lng.id}/reject`);
    assert.equal(rejected.statusCode, 200, rejected.payload);
    assert.equal(json(rejected).status, 'rejected');

    const report = json(await call('GET', `/v1/reports/${reportId}`)) as {
      data: { property: { gps: { lat: number; lng?: number } } };
    };
    assert.equal(report.data.property.gps.lat, 51.5);
    assert.equal(report.data.property.gps.lng, undefined);
  });

  it("checks every proposal against the labels, the pack's as well as the host's: right, or said to be doubtful", async () => {
    const truth = await readTruth();
    const styles = new Set<string>();
    const chosen = truth.filter(
      (entry) => entry.kind === 'screenshot.guideline' || (!styles.has(entry.style) && styles.add(entry.style)),
    );
    const reportId = await createReport(host, firm, packKey);
    const ids = new Map<string, (typeof chosen)[number]>();
    for (const entry of chosen) ids.set(await uploadFixture(reportId, entry.file, entry.kind), entry);
    await readDone(reportId, [...ids.keys()]);

    const proposals = json(await call('GET', `/v1/reports/${reportId}/proposals`)).items as ProposalView[];
    const problems: string[] = [];
    for (const [evidenceId, entry] of ids) {
      const expected = expectedProposals(entry);
      const mine = proposals.filter((proposal) => proposal.evidenceId === evidenceId);
      for (const field of [
        '/property/gps/lat',
        '/property/gps/lng',
        '/reportMeta/inspectionDate',
        '/guideline/landRatePerSqm',
      ])
        if (expected.has(field) && !mine.some((proposal) => proposal.field === field && proposal.source === 'ocr'))
          problems.push(`${entry.file}: no reading of ${field}`);
      for (const proposal of mine) {
        const label = expected.get(proposal.field);
        if (!label) continue;
        const right = fieldMatches(label.name, label.value, proposal.value as number | string);
        const doubtful = proposal.warnings.some((warning) => warning.code === 'LOW_CONFIDENCE');
        if (!right && !doubtful)
          problems.push(
            `${entry.file}: ${proposal.source} proposed ${proposal.field} = ${JSON.stringify(proposal.value)} at ${proposal.confidence} (label ${label.value})`,
          );
      }
    }
    assert.deepEqual(problems, []);
  });

  it('proposes the overlay time and the guideline value where the pack has fields for them, and flags a pack reading that contradicts the host', async () => {
    const truth = await readTruth();
    const gps = truth.find((entry) => entry.kind === 'photo.gps' && entry.style === 'labelled')!;
    const guideline = truth.find((entry) => entry.kind === 'screenshot.guideline' && entry.fields.unit === 'sqft')!;
    const variantKey = await publishSbiVariant(host, firm, {
      files: {
        'schema.json': (text) => {
          const schema = JSON.parse(text) as {
            properties: Record<string, { properties: Record<string, object> }>;
          };
          schema.properties.reportMeta!.properties.inspectionTime = { type: 'string', pattern: '^\\d{2}:\\d{2}$' };
          schema.properties.guideline!.properties.value = { type: 'number', minimum: 0 };
          return JSON.stringify(schema);
        },
        // A pack whose own reading of the rate is wrong: the host must not let it pass as confident.
        'src/index.ts': (text) =>
          text.replace(
            'extract: extractValuationFields,',
            `extract: (request) => ({
              proposals: extractValuationFields(request).proposals.map((proposal) =>
                proposal.field === '/guideline/landRatePerSqm' ? { ...proposal, value: 4236, confidence: 0.95 } : proposal,
              ),
            }),`,
          ),
      },
    });
    const reportId = await createReport(host, firm, variantKey);
    const gpsId = await uploadFixture(reportId, gps.file, 'photo.gps');
    const guidelineId = await uploadFixture(reportId, guideline.file, 'screenshot.guideline');
    await readDone(reportId, [gpsId, guidelineId]);

    const proposals = json(await call('GET', `/v1/reports/${reportId}/proposals`)).items as ProposalView[];
    const find = (evidenceId: string, field: string, source: string) =>
      proposals.find((p) => p.evidenceId === evidenceId && p.field === field && p.source === source);
    const time = find(gpsId, '/reportMeta/inspectionTime', 'ocr');
    const value = find(guidelineId, '/guideline/value', 'ocr');
    assert.equal(time?.value, gps.fields.time);
    assert.equal(value?.value, guideline.fields.value);
    assert.deepEqual([time!.warnings, value!.warnings], [[], []]);

    const hostRate = find(guidelineId, '/guideline/landRatePerSqm', 'ocr');
    const packRate = find(guidelineId, '/guideline/landRatePerSqm', 'pack');
    assert.equal(hostRate?.value, Math.round((guideline.fields.rate as number) * 10.7639 * 100) / 100);
    assert.deepEqual(hostRate.warnings, []);
    assert.equal(packRate?.value, 4236);
    assert.ok(packRate.confidence < 0.6, `the contradicting reading kept confidence ${packRate.confidence}`);
    assert.deepEqual(
      packRate.warnings.map((warning) => warning.code),
      ['LOW_CONFIDENCE', 'READINGS_DISAGREE'],
    );
    // The pack's readings that agree with the host's add nothing.
    assert.equal(find(guidelineId, '/guideline/value', 'pack'), undefined);
    assert.equal(find(gpsId, '/reportMeta/inspectionTime', 'pack'), undefined);

    const accepted = await call('POST', `/v1/proposals/${time!.id}/accept`);
    assert.equal(accepted.statusCode, 200, accepted.payload);
    const report = json(await call('GET', `/v1/reports/${reportId}`)) as {
      data: { reportMeta: { inspectionTime: string } };
    };
    assert.equal(report.data.reportMeta.inspectionTime, gps.fields.time);
  });

  it("keeps an operator's latitude out of range, with a range warning from the proposal and the pack's rules", async () => {
    const truth = await readTruth();
    const gps = truth.find((entry) => entry.kind === 'photo.gps' && entry.style === 'classic')!;
    const reportId = await createReport(host, firm, packKey);
    const gpsId = await uploadFixture(reportId, gps.file, 'photo.gps');
    await readDone(reportId, [gpsId]);
    const proposals = json(await call('GET', `/v1/reports/${reportId}/proposals`)).items as ProposalView[];
    const lat = proposals.find((p) => p.field === '/property/gps/lat' && p.source === 'ocr')!;

    const overridden = await call('POST', `/v1/proposals/${lat.id}/accept`, { value: 95, reason: 'As typed on site' });
    assert.equal(overridden.statusCode, 200, overridden.payload);
    assert.deepEqual(
      (json(overridden).warnings as { code: string }[]).map((w) => w.code),
      ['COORDINATE_OUT_OF_RANGE'],
    );
    const report = json(await call('GET', `/v1/reports/${reportId}`)) as {
      data: { property: { gps: { lat: number } } };
      warnings: { code: string; level: string; fields: string[] }[];
    };
    assert.equal(report.data.property.gps.lat, 95);
    assert.deepEqual(
      report.warnings.filter((warning) => warning.code === 'COORDINATE_OUT_OF_RANGE'),
      [
        {
          ...report.warnings.find((w) => w.code === 'COORDINATE_OUT_OF_RANGE'),
          level: 'warn',
          fields: ['/property/gps/lat'],
        },
      ],
    );
  });

  it('files uploads sent without a kind by their content, and guesses a document from its name', async () => {
    const truth = await readTruth();
    const gps = truth.find((entry) => entry.kind === 'photo.gps' && entry.style === 'dms')!;
    const guideline = truth.find((entry) => entry.kind === 'screenshot.guideline' && entry.fields.unit === 'sqft')!;
    const reportId = await createReport(host, firm, packKey);
    const gpsId = await uploadFixture(reportId, gps.file);
    const guidelineId = await uploadFixture(reportId, guideline.file);
    const deed = multipart([{ name: 'Sale_Deed-2019.pdf', bytes: await pdfWithPages(1) }]);
    const deedUpload = await host.server.inject({
      method: 'POST',
      url: `/v1/reports/${reportId}/evidence`,
      headers: { ...(await firm.headers('operator')), ...deed.headers },
      payload: deed.payload,
    });
    assert.equal(deedUpload.statusCode, 201, deedUpload.payload);
    await readDone(reportId, [gpsId, guidelineId]);

    const items = json(await call('GET', `/v1/reports/${reportId}/evidence`)).items as {
      id: string;
      kind: string;
      kindConfirmed: boolean;
    }[];
    const kindOf = (id: string) => items.find((item) => item.id === id);
    assert.deepEqual(kindOf(gpsId), { ...kindOf(gpsId), kind: 'photo.gps', kindConfirmed: false });
    assert.deepEqual(kindOf(guidelineId), {
      ...kindOf(guidelineId),
      kind: 'screenshot.guideline',
      kindConfirmed: false,
    });

    const proposals = json(await call('GET', `/v1/reports/${reportId}/proposals`)).items as ProposalView[];
    const rate = proposals.find(
      (p) => p.evidenceId === guidelineId && p.source === 'ocr' && p.field === '/guideline/landRatePerSqm',
    );
    // A rate per sqft is proposed per sqm (× 10.7639), as the pack's field is.
    assert.equal(rate?.value, Math.round((guideline.fields.rate as number) * 10.7639 * 100) / 100);
    assert.match(rate.sourceText, /per sqft/);
    const lat = proposals.find((p) => p.evidenceId === gpsId && p.field === '/property/gps/lat' && p.source === 'ocr');
    assert.ok(Math.abs((lat?.value as number) - (gps.fields.lat as number)) < 1e-5);

    const checklist = json(await call('GET', `/v1/reports/${reportId}/checklist`)) as {
      documents: { kind: string; detectedKind: string | null }[];
    };
    assert.deepEqual(
      checklist.documents.map((doc) => [doc.kind, doc.detectedKind]),
      [['document.other', 'document.sale_deed']],
    );
  });
});
