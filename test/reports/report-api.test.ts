import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { withSystem } from '@repogen/core';
import { createTestHost, json, type TestHost, type TestTenant } from '../support/test-host.js';
import { buildPackVariant, SBI_PACK_DIR } from '../support/pack-sources.js';
import { buildReportTestPack, reportPackVariant, sbiFixtureInput } from './report-test-pack.js';

describe('reports API', function () {
  // Uploading the test pack builds it and runs its fixtures in the sandbox.
  this.timeout(60_000);

  let host: TestHost;
  let firm: TestTenant;
  let bank: TestTenant;
  let packKey: string;
  let packVersion: string;
  let input: Record<string, unknown>;

  const call = async (
    tenant: TestTenant,
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    payload?: object,
    role: 'operator' | 'admin' | 'bank' = 'operator',
  ) => host.server.inject({ method, url, headers: await tenant.headers(role), ...(payload ? { payload } : {}) });

  before(async () => {
    host = await createTestHost();
    [firm, bank] = [await host.createTenant('firm'), await host.createTenant('bank')];
    const pack = await buildReportTestPack();
    packKey = pack.key;
    packVersion = pack.manifest.version;
    const upload = await host.server.inject({
      method: 'POST',
      url: '/v1/packs',
      headers: { ...(await firm.headers('author')), 'content-type': 'application/octet-stream' },
      payload: pack.bytes,
    });
    assert.equal(upload.statusCode, 201, upload.payload);
    const publish = await call(
      firm,
      'POST',
      `/v1/packs/${packKey}/versions/${packVersion}/publish`,
      undefined,
      'admin',
    );
    assert.equal(publish.statusCode, 200, publish.payload);
    input = await sbiFixtureInput();
  });

  after(() => host.close());

  it('creates a report pinned to the newest published version; the same externalKey answers the same report', async () => {
    const externalKey = `v1:assignment:${Date.now()}`;
    const first = await call(firm, 'POST', '/v1/reports', {
      packKey,
      title: 'Deshpande bungalow',
      externalKey,
      data: input,
    });
    assert.equal(first.statusCode, 201, first.payload);
    assert.equal(json(first).packVersion, packVersion);
    assert.equal(json(first).status, 'draft');
    assert.equal(json(first).latestVersion, 0);

    const again = await call(firm, 'POST', '/v1/reports', { packKey, title: 'Another title', externalKey });
    assert.equal(again.statusCode, 200, again.payload);
    assert.equal(json(again).id, json(first).id);
    assert.equal(json(again).title, 'Deshpande bungalow');

    // External keys are unique per tenant, not across tenants; and a tenant never sees another's report.
    const other = await call(bank, 'POST', '/v1/reports', { packKey, title: 'Bank copy', externalKey });
    assert.equal(other.statusCode, 201, other.payload);
    assert.notEqual(json(other).id, json(first).id);
    const hidden = await call(bank, 'GET', `/v1/reports/${json(first).id as string}`, undefined, 'bank');
    assert.equal(hidden.statusCode, 404);
    assert.equal(json(hidden).code, 'REPORT_NOT_FOUND');
  });

  it('refuses data that breaks the pack schema and an unknown pack', async () => {
    const bad = await call(firm, 'POST', '/v1/reports', {
      packKey,
      title: 'Bad',
      data: { partA_land: { adoptedRatePerSqm: 'lots' } },
    });
    assert.equal(bad.statusCode, 400, bad.payload);
    assert.equal(json(bad).code, 'REPORT_DATA_INVALID');
    const unknown = await call(firm, 'POST', '/v1/reports', { packKey: 'NO_SUCH_PACK_V1', title: 'Nothing' });
    assert.equal(unknown.statusCode, 404, unknown.payload);
    assert.equal(json(unknown).code, 'PACK_NOT_FOUND');
    const invalid = await call(firm, 'POST', '/v1/reports', { packKey: 'lower', title: '' });
    assert.equal(invalid.statusCode, 400);
    assert.equal(json(invalid).code, 'VALIDATION_FAILED');
  });

  it('shows readiness (error-level warnings while drafting), then computed values with traces and warnings', async () => {
    const empty = await call(firm, 'POST', '/v1/reports', { packKey, title: 'Empty draft' });
    assert.equal(empty.statusCode, 201, empty.payload);
    const draft = await call(firm, 'GET', `/v1/reports/${json(empty).id as string}`);
    assert.equal(draft.statusCode, 200, draft.payload);
    assert.equal(json(draft).readiness.ready, false);
    // The SBI schema marks nothing required: an empty draft computes, and its rules say what is missing.
    assert.ok(
      (json(draft).readiness.errors as { code: string }[]).some((error) => error.code === 'OWNER_SHARES_INVALID'),
      JSON.stringify(json(draft).readiness),
    );

    const full = await call(firm, 'POST', '/v1/reports', { packKey, title: 'Full', data: input });
    const detail = await call(firm, 'GET', `/v1/reports/${json(full).id as string}`);
    assert.equal(detail.statusCode, 200, detail.payload);
    const body = json(detail);
    assert.equal(body.values.fairMarketValue, 13980000);
    assert.ok(body.trace.fairMarketValue.reads.length > 0, 'the value carries its trace');
    assert.deepEqual(body.readiness.missingFields, []);
    assert.ok((body.warnings as { code: string }[]).some((warning) => warning.code === 'FMV_GUIDELINE_DEVIATION'));
    assert.deepEqual(body.versions, []);
  });

  it('patches by JSON pointer: invalid edits change nothing, reason-required fields need a reason, each change is audited', async () => {
    const created = await call(firm, 'POST', '/v1/reports', { packKey, title: 'Patched', data: input });
    const id = json(created).id as string;
    const url = `/v1/reports/${id}/data`;

    const invalid = await call(firm, 'PATCH', url, {
      set: { '/purpose': 'Changed purpose', '/partA_land/adoptedRatePerSqm': -5 },
      reason: 'typo',
    });
    assert.equal(invalid.statusCode, 400, invalid.payload);
    assert.equal(json(invalid).code, 'REPORT_DATA_INVALID');
    let current = json(await call(firm, 'GET', `/v1/reports/${id}`));
    assert.equal(current.data.purpose, input.purpose, 'nothing changed');

    const noReason = await call(firm, 'PATCH', url, { set: { '/partA_land/adoptedRatePerSqm': 45000 } });
    assert.equal(noReason.statusCode, 400, noReason.payload);
    assert.equal(json(noReason).code, 'REASON_REQUIRED');
    assert.deepEqual(json(noReason).details.fields, ['/partA_land/adoptedRatePerSqm']);

    const plain = await call(firm, 'PATCH', url, { set: { '/purpose': 'Mortgage to SBI, revised' } });
    assert.equal(plain.statusCode, 200, plain.payload);
    assert.equal(json(plain).data.purpose, 'Mortgage to SBI, revised');

    const reasoned = await call(firm, 'PATCH', url, {
      set: { '/partA_land/adoptedRatePerSqm': 45000, '/valuer/place': 'Nashik Road' },
      reason: 'Fresh comparable sale of November',
    });
    assert.equal(reasoned.statusCode, 200, reasoned.payload);
    current = json(reasoned);
    assert.equal(current.data.partA_land.adoptedRatePerSqm, 45000);
    assert.notEqual(current.values.landValue, 9303000, 'values are computed from the new data');

    const audit = await host.server.inject({
      method: 'GET',
      url: `/v1/audit?target=report:${id}&action=report.data.changed&limit=50`,
      headers: await firm.headers('admin'),
    });
    assert.equal(audit.statusCode, 200, audit.payload);
    const changes = (
      json(audit).items as {
        action: string;
        before: { field: string; value: unknown };
        after: { field: string; value: unknown };
        reason: string | null;
        actorLabel: string;
      }[]
    ).filter((entry) => entry.action === 'report.data.changed');
    assert.equal(changes.length, 3, JSON.stringify(changes));
    const rate = changes.find((entry) => entry.after.field === '/partA_land/adoptedRatePerSqm');
    assert.deepEqual(
      [rate?.before.value, rate?.after.value, rate?.reason],
      [42000, 45000, 'Fresh comparable sale of November'],
    );
    assert.ok(rate?.actorLabel);
  });

  it('lists with filters and paging', async () => {
    const marker = `List-${Date.now()}`;
    for (const n of [1, 2, 3])
      await call(firm, 'POST', '/v1/reports', { packKey, title: `${marker} ${n}`, externalKey: `${marker}:${n}` });
    const page = await call(firm, 'GET', `/v1/reports?q=${marker}&limit=2`);
    assert.equal(page.statusCode, 200, page.payload);
    assert.equal(json(page).total, 3);
    assert.equal(json(page).items.length, 2);
    assert.equal(json(page).items[0].title, `${marker} 3`, 'newest first');
    const rest = await call(firm, 'GET', `/v1/reports?q=${marker}&limit=2&offset=2`);
    assert.deepEqual(
      (json(rest).items as { title: string }[]).map((item) => item.title),
      [`${marker} 1`],
    );
    assert.equal(json(rest).total, 3);
    const past = await call(firm, 'GET', `/v1/reports?q=${marker}&limit=2&offset=10`);
    assert.deepEqual(
      [json(past).items.length, json(past).total],
      [0, 3],
      'a page past the end still says how many there are',
    );
    assert.equal(json(page).items[0].data, undefined, 'a list carries no report data');
    const byPack = await call(firm, 'GET', `/v1/reports?packKey=${packKey}&status=draft&limit=100`);
    assert.ok(json(byPack).total >= 3);
    const none = await call(firm, 'GET', '/v1/reports?packKey=NO_SUCH_PACK_V1');
    assert.equal(json(none).total, 0);
  });

  it('keeps the bank and expected value a report was created with, and filters by bank and creation date with totals across pages', async () => {
    const marker = `Banked-${Date.now()}`;
    const bankName = `Nashik Merchants Co-op Bank ${marker}`;
    const created = await call(firm, 'POST', '/v1/reports', {
      packKey,
      title: `${marker} plot`,
      bank: `  ${bankName} `,
      expectedValue: 12_500_000,
    });
    assert.equal(created.statusCode, 201, created.payload);
    assert.equal(json(created).bank, bankName, 'trimmed');
    assert.equal(json(created).expectedValue, 12_500_000);
    const detail = json(await call(firm, 'GET', `/v1/reports/${json(created).id as string}`));
    assert.deepEqual([detail.bank, detail.expectedValue], [bankName, 12_500_000]);
    const plain = await call(firm, 'POST', '/v1/reports', { packKey, title: `${marker} without a bank` });
    assert.deepEqual([json(plain).bank, json(plain).expectedValue], [null, null]);
    const refused = await call(firm, 'POST', '/v1/reports', { packKey, title: 'Bad value', expectedValue: -1 });
    assert.equal(refused.statusCode, 400, refused.payload);

    // Twenty-three reports for one bank: five made on 1 Nov 2026, eighteen on 3 Nov 2026.
    const ids: string[] = [];
    for (let n = 0; n < 23; n += 1) {
      const report = await call(firm, 'POST', '/v1/reports', { packKey, title: `${marker} ${n}`, bank: bankName });
      ids.push(json(report).id as string);
    }
    await withSystem(host.database.knex, async (trx) => {
      await trx('reports')
        .whereIn('id', ids.slice(0, 5))
        .update({ created_at: new Date('2026-11-01T10:00:00.000Z') });
      await trx('reports')
        .whereIn('id', ids.slice(5))
        .update({ created_at: new Date('2026-11-03T23:30:00.000Z') });
    });
    const list = async (query: string) => {
      const answer = await call(firm, 'GET', `/v1/reports?${query}`);
      assert.equal(answer.statusCode, 200, answer.payload);
      return json(answer) as { items: { id: string; bank: string | null }[]; total: number };
    };
    const bank = encodeURIComponent(marker.toLowerCase());
    const all = await list(`bank=${bank}`);
    assert.equal(all.total, 24, 'part of the name, any case: the 23 and the first one');
    assert.equal(all.items.length, 20, 'a page of the default 20');
    assert.ok(all.items.every((item) => item.bank === bankName));
    const second = await list(`bank=${bank}&offset=20`);
    assert.deepEqual([second.items.length, second.total], [4, 24], 'the total counts across pages');

    const firstDay = await list(`bank=${bank}&createdFrom=2026-11-01&createdTo=2026-11-01`);
    assert.equal(firstDay.total, 5, 'a day bound covers the whole UTC day');
    assert.deepEqual(firstDay.items.map((item) => item.id).sort(), ids.slice(0, 5).sort());
    const third = await list(`bank=${bank}&createdFrom=2026-11-02&createdTo=2026-11-03&limit=10`);
    assert.deepEqual([third.items.length, third.total], [10, 18]);
    const fromThird = await list(`bank=${bank}&createdFrom=2026-11-03&limit=100`);
    assert.equal(fromThird.total, 19, 'the 18 and the report made today');
    // An instant bounds a day of another time zone: 4 Nov in India starts at 3 Nov 18:30 UTC.
    const indianFourth = await list(
      `bank=${bank}&createdFrom=${encodeURIComponent('2026-11-04T00:00:00+05:30')}&createdTo=${encodeURIComponent('2026-11-04T23:59:59.999+05:30')}`,
    );
    assert.equal(indianFourth.total, 18);
    const until = await list(`bank=${bank}&createdTo=2026-11-02`);
    assert.equal(until.total, 5);
    const together = await list(`bank=${bank}&q=${encodeURIComponent(`${marker} 1`)}&createdFrom=2026-11-03`);
    assert.equal(together.total, 10, 'titles "… 10" to "… 19" were made on the 3rd ("… 1" on the 1st)');
    assert.equal((await list(`bank=${encodeURIComponent('No such bank anywhere')}`)).total, 0);

    for (const bad of ['createdFrom=2026-02-30', 'createdTo=yesterday', 'createdFrom=2026-11-04T10:00', 'bank=']) {
      const answer = await call(firm, 'GET', `/v1/reports?${bad}`);
      assert.equal(answer.statusCode, 400, `${bad}: ${answer.payload}`);
    }
  });

  it('pins a new report to a published or deprecated version only; a report already pinned keeps working after a yank', async () => {
    const variant = await reportPackVariant();
    const key = variant.key;
    const versionOf = (version: string) =>
      buildPackVariant(SBI_PACK_DIR, {
        ...variant,
        packageJson: (pkg) => {
          variant.packageJson!(pkg);
          pkg.version = version;
        },
      });
    for (const built of [await versionOf('1.0.0'), await versionOf('1.1.0')]) {
      const upload = await host.server.inject({
        method: 'POST',
        url: '/v1/packs',
        headers: { ...(await firm.headers('author')), 'content-type': 'application/octet-stream' },
        payload: built.bytes,
      });
      assert.equal(upload.statusCode, 201, upload.payload);
    }
    const review = async (version: string, action: 'publish' | 'deprecate' | 'yank') => {
      const response = await call(
        firm,
        'POST',
        `/v1/packs/${key}/versions/${version}/${action}`,
        { reason: 'Test review' },
        'admin',
      );
      assert.equal(response.statusCode, 200, response.payload);
    };
    const create = (tenant: TestTenant, version: string) =>
      call(tenant, 'POST', '/v1/reports', {
        packKey: key,
        packVersion: version,
        title: `Pinned to ${version}`,
        data: input,
      });
    await review('1.0.0', 'publish');

    const onDraft = await create(firm, '1.1.0');
    assert.equal(onDraft.statusCode, 409, onDraft.payload);
    assert.equal(json(onDraft).code, 'PACK_VERSION_NOT_PUBLISHED', 'not even the platform pins a draft');
    const bankOnDraft = await create(bank, '1.1.0');
    assert.equal(bankOnDraft.statusCode, 404, "a bank does not see the firm's draft at all");
    assert.equal(json(bankOnDraft).code, 'PACK_NOT_FOUND');

    const pinned = await create(firm, '1.0.0');
    assert.equal(pinned.statusCode, 201, pinned.payload);
    const reportId = json(pinned).id as string;
    await review('1.0.0', 'deprecate');
    const onDeprecated = await create(bank, '1.0.0');
    assert.equal(onDeprecated.statusCode, 201, onDeprecated.payload);
    assert.equal(json(onDeprecated).packVersion, '1.0.0');

    await review('1.0.0', 'yank');
    const onYanked = await create(firm, '1.0.0');
    assert.equal(onYanked.statusCode, 409, onYanked.payload);
    assert.equal(json(onYanked).code, 'PACK_VERSION_YANKED');
    assert.match(json(onYanked).message as string, /Test review/);

    const detail = await call(firm, 'GET', `/v1/reports/${reportId}`);
    assert.equal(detail.statusCode, 200, detail.payload);
    assert.equal(json(detail).packVersion, '1.0.0');
    assert.ok(json(detail).values?.fairMarketValue > 0, 'the yanked version still computes for its report');
    const generate = await host.server.inject({
      method: 'POST',
      url: `/v1/reports/${reportId}/generate`,
      headers: { ...(await firm.headers('operator')), 'idempotency-key': crypto.randomUUID() },
    });
    assert.equal(generate.statusCode, 202, generate.payload);
  });
});
