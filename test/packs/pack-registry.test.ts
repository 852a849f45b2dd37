import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { buildPack, DEFAULT_FIXTURE_NOW, type BuiltPack } from '@repogen/sdk';
import { createTestHost, json, type TestHost, type TestTenant } from '../support/test-host.js';
import { buildPackVariant, SBI_PACK_DIR, uniquePackKey } from '../support/pack-sources.js';

const SBI = 'SBI_UNDER_5CR_V1';

interface FixtureCase {
  readonly input: unknown;
  readonly expected: { now?: string; values: Record<string, unknown> };
}

async function firstFixture(dir: string): Promise<FixtureCase> {
  const names = (await fs.readdir(path.join(dir, 'fixtures'))).filter((name) => name.endsWith('.input.json')).sort();
  const base = path.join(dir, 'fixtures', names[0]!.replace(/\.input\.json$/, ''));
  const read = async (suffix: string) => JSON.parse(await fs.readFile(`${base}${suffix}`, 'utf8')) as unknown;
  return { input: await read('.input.json'), expected: (await read('.expected.json')) as FixtureCase['expected'] };
}

function keysOf(response: { payload: string }): string[] {
  return (JSON.parse(response.payload) as { items: { key: string }[] }).items.map((item) => item.key);
}

describe('pack registry', function () {
  // Uploads build packs with esbuild and run every fixture in the sandbox.
  this.timeout(60_000);

  let host: TestHost;
  let firm: TestTenant;
  let bank: TestTenant;
  let otherBank: TestTenant;
  let sbi: BuiltPack;

  const upload = async (tenant: TestTenant, bytes: Buffer, role: 'author' | 'admin' = 'author') =>
    host.server.inject({
      method: 'POST',
      url: '/v1/packs',
      headers: { ...(await tenant.headers(role)), 'content-type': 'application/octet-stream' },
      payload: bytes,
    });

  /** The SBI pack as a bank's own custom pack, under a fresh key. */
  const customPack = (tenant: TestTenant, key = uniquePackKey('BANKX')) =>
    buildPackVariant(SBI_PACK_DIR, {
      packageJson: (pkg) => {
        pkg.repogen = {
          ...pkg.repogen,
          key,
          title: 'Bank X custom valuation',
          scope: { kind: 'tenant', tenant: tenant.slug },
        };
      },
    });

  before(async () => {
    host = await createTestHost();
    [firm, bank, otherBank] = [
      await host.createTenant('firm'),
      await host.createTenant('bank'),
      await host.createTenant('bank'),
    ];
    sbi = await buildPack(SBI_PACK_DIR, { write: false });
    const first = await upload(firm, sbi.bytes);
    assert.ok([200, 201].includes(first.statusCode), first.payload);
    const published = await host.server.inject({
      method: 'POST',
      url: `/v1/packs/${SBI}/versions/${sbi.manifest.version}/publish`,
      headers: await firm.headers('admin'),
    });
    assert.equal(published.statusCode, 200, published.payload);
  });

  after(() => host.close());

  it('stores an upload once: the same bytes again are idempotent, other bytes under the version are 409', async () => {
    const again = await upload(firm, sbi.bytes);
    assert.equal(again.statusCode, 200, again.payload);
    assert.equal(json(again).created, false);
    assert.equal(json(again).version.digest, sbi.digest);

    const changed = await buildPackVariant(SBI_PACK_DIR, {
      packageJson: (pkg) => (pkg.repogen = { ...pkg.repogen, title: 'Changed title' }),
    });
    const conflict = await upload(firm, changed.bytes);
    assert.equal(conflict.statusCode, 409, conflict.payload);
    assert.equal(json(conflict).code, 'PACK_VERSION_EXISTS');
  });

  it('refuses bytes that are not a pack archive with a stable code', async () => {
    const response = await upload(firm, Buffer.from('this is not a tarball'));
    assert.equal(response.statusCode, 400);
    assert.equal(json(response).code, 'PACK_ARCHIVE_INVALID');
  });

  it('refuses a pack whose fixture does not hold in the sandbox, and stores nothing', async () => {
    const key = uniquePackKey('BROKEN');
    const fixtures = await fs.readdir(path.join(SBI_PACK_DIR, 'fixtures'));
    const expectedFile = fixtures.find((name) => name.endsWith('.expected.json'))!;
    const broken = await buildPackVariant(SBI_PACK_DIR, {
      packageJson: (pkg) => (pkg.repogen = { ...pkg.repogen, key }),
      files: {
        [`fixtures/${expectedFile}`]: (text) => {
          const expected = JSON.parse(text) as { values: Record<string, unknown> };
          const [name] = Object.keys(expected.values);
          expected.values[name!] = 123_456_789_012;
          return JSON.stringify(expected);
        },
      },
    });
    const response = await upload(firm, broken.bytes);
    assert.equal(response.statusCode, 422, response.payload);
    assert.equal(json(response).code, 'PACK_FIXTURES_FAILED');
    const lookup = await host.server.inject({ url: `/v1/packs/${key}`, headers: await firm.headers('admin') });
    assert.equal(lookup.statusCode, 404);
  });

  it('refuses a pack whose fixture input breaks its own schema, or whose expected file asserts nothing', async () => {
    const fixtures = await fs.readdir(path.join(SBI_PACK_DIR, 'fixtures'));
    const inputFile = fixtures.find((name) => name.endsWith('.input.json'))!;
    const expectedFile = fixtures.find((name) => name.endsWith('.expected.json'))!;
    const variants = {
      // The pack ignores a field it does not know, so only the schema check can fail this case.
      [`fixtures/${inputFile}`]: (text: string) => JSON.stringify({ ...(JSON.parse(text) as object), surveyorsNote: 'not in the schema' }),
      [`fixtures/${expectedFile}`]: () => '{}',
    };
    for (const [file, edit] of Object.entries(variants)) {
      const key = uniquePackKey('FIXTURE');
      const broken = await buildPackVariant(SBI_PACK_DIR, { packageJson: (pkg) => (pkg.repogen = { ...pkg.repogen, key }), files: { [file]: edit } });
      const response = await upload(firm, broken.bytes);
      assert.equal(response.statusCode, 422, `${file}: ${response.payload}`);
      assert.equal(json(response).code, 'PACK_FIXTURES_FAILED');
      const problems = (json(response).details.outcomes as { problems: string[] }[]).flatMap((outcome) => outcome.problems).join('\n');
      assert.match(problems, file.endsWith('.input.json') ? /input \/: .*additional/ : /asserts nothing/);
    }
  });

  it('refuses a manifest that names an evidence kind the host does not take, and stores nothing', async () => {
    const key = uniquePackKey('KINDS');
    const unknown = await buildPackVariant(SBI_PACK_DIR, {
      packageJson: (pkg) => {
        const manifest = pkg.repogen as {
          evidence: { required: { kind: string; min: number }[] };
          annexures: { kinds: string[] }[];
        };
        manifest.evidence.required.push({ kind: 'document.title_search', min: 1 });
        manifest.annexures[0]!.kinds.push('photo.drone');
        pkg.repogen = { ...pkg.repogen, key };
      },
    });
    const response = await upload(firm, unknown.bytes);
    assert.equal(response.statusCode, 400, response.payload);
    assert.equal(json(response).code, 'PACK_MANIFEST_INVALID');
    assert.deepEqual(
      (json(response).details.problems as { path: string }[]).map((problem) => problem.path),
      [
        `evidence.required[${(unknown.manifest.evidence.required.length - 1).toString()}].kind`,
        'annexures[0].kinds[3]',
      ],
    );
    const lookup = await host.server.inject({ url: `/v1/packs/${key}`, headers: await firm.headers('admin') });
    assert.equal(lookup.statusCode, 404);
  });

  it('lets only the firm upload a global pack', async () => {
    const key = uniquePackKey('GLOBAL');
    const global = await buildPackVariant(SBI_PACK_DIR, {
      packageJson: (pkg) => (pkg.repogen = { ...pkg.repogen, key }),
    });
    const response = await upload(bank, global.bytes);
    assert.equal(response.statusCode, 403);
    assert.equal(json(response).code, 'PACK_SCOPE_FORBIDDEN');
  });

  it("keeps a bank's custom pack invisible to every other bank", async () => {
    const custom = await customPack(bank);
    const key = custom.manifest.key;
    const created = await upload(bank, custom.bytes);
    assert.equal(created.statusCode, 201, created.payload);
    assert.equal(json(created).version.scope, 'tenant');
    assert.equal(json(created).version.status, 'draft');

    const own = await host.server.inject({ url: '/v1/packs', headers: await bank.headers('operator') });
    const ownKeys = keysOf(own);
    assert.ok(ownKeys.includes(key) && ownKeys.includes(SBI), `own list: ${ownKeys.join(', ')}`);

    const other = await host.server.inject({ url: '/v1/packs', headers: await otherBank.headers('operator') });
    const otherKeys = keysOf(other);
    assert.ok(!otherKeys.includes(key), 'another bank must not see the custom pack');
    assert.ok(otherKeys.includes(SBI), 'every tenant sees the global packs');

    for (const url of [
      `/v1/packs/${key}`,
      `/v1/packs/${key}/versions/1.0.0`,
      `/v1/packs/${key}/versions/${custom.manifest.version}/download`,
    ]) {
      const hidden = await host.server.inject({ url, headers: await otherBank.headers('admin') });
      assert.equal(hidden.statusCode, 404, url);
    }
    const stolen = await buildPackVariant(SBI_PACK_DIR, {
      packageJson: (pkg) =>
        (pkg.repogen = { ...pkg.repogen, key: uniquePackKey('STOLEN'), scope: { kind: 'tenant', tenant: bank.slug } }),
    });
    const refused = await upload(otherBank, stolen.bytes);
    assert.equal(refused.statusCode, 403, 'a tenant cannot upload into another tenant’s scope');
  });

  it("leaves review to the platform's admins: a bank's admin cannot publish, deprecate or yank even its own pack", async () => {
    const custom = await customPack(bank);
    const { key, version } = custom.manifest;
    assert.equal((await upload(bank, custom.bytes)).statusCode, 201);
    const action = async (tenant: TestTenant, name: string, payload?: object) =>
      host.server.inject({
        method: 'POST',
        url: `/v1/packs/${key}/versions/${version}/${name}`,
        headers: await tenant.headers('admin'),
        payload,
      });

    for (const name of ['publish', 'deprecate', 'yank']) {
      const refused = await action(bank, name, { reason: 'Our own pack' });
      assert.equal(refused.statusCode, 403, `${name}: ${refused.payload}`);
      assert.equal(json(refused).code, 'PACK_REVIEW_FORBIDDEN');
    }
    const stillDraft = await host.server.inject({
      url: `/v1/packs/${key}/versions/${version}`,
      headers: await bank.headers('admin'),
    });
    assert.equal(json(stillDraft).status, 'draft');

    assert.equal(json(await action(firm, 'publish')).status, 'published', "the firm's admin publishes the bank's pack");
    const bankDeprecates = await action(bank, 'deprecate');
    assert.equal(bankDeprecates.statusCode, 403);
    assert.equal(json(bankDeprecates).code, 'PACK_REVIEW_FORBIDDEN');
    const author = await host.server.inject({
      method: 'POST',
      url: `/v1/packs/${key}/versions/${version}/deprecate`,
      headers: await firm.headers('author'),
    });
    assert.equal(author.statusCode, 403, "the firm's authors do not review either");
  });

  it("moves a version through the firm's review and audits each change; a yank needs a reason", async () => {
    const custom = await customPack(bank);
    const { key, version } = custom.manifest;
    assert.equal((await upload(bank, custom.bytes)).statusCode, 201);
    const action = async (name: string, payload?: object) =>
      host.server.inject({
        method: 'POST',
        url: `/v1/packs/${key}/versions/${version}/${name}`,
        headers: await firm.headers('admin'),
        payload,
      });

    assert.equal(json(await action('publish')).status, 'published');
    const deprecatedAgain = await action('deprecate');
    assert.equal(json(deprecatedAgain).status, 'deprecated');
    const noReason = await action('yank');
    assert.equal(noReason.statusCode, 400);
    assert.equal(json(noReason).code, 'REASON_REQUIRED');
    const yanked = await action('yank', { reason: 'Wrong depreciation table' });
    assert.equal(json(yanked).status, 'yanked');
    const revived = await action('publish');
    assert.equal(revived.statusCode, 409);
    assert.equal(json(revived).code, 'PACK_STATUS_CONFLICT');

    // Each entry lands in the actor's tenant: the upload in the bank's log, the review in the firm's.
    const target = encodeURIComponent(`pack:${key}@${version}`);
    const actionsOf = async (tenant: TestTenant) => {
      const audit = await host.server.inject({
        url: `/v1/audit?target=${target}`,
        headers: await tenant.headers('admin'),
      });
      return (JSON.parse(audit.payload) as { items: { action: string }[] }).items.map((entry) => entry.action).sort();
    };
    assert.deepEqual(await actionsOf(bank), ['pack.uploaded']);
    assert.deepEqual(await actionsOf(firm), ['pack.deprecated', 'pack.published', 'pack.yanked']);
  });

  it("shows a draft only to its owner and the platform, who may dry-run it; a bank never sees the firm's drafts", async () => {
    const key = uniquePackKey('GDRAFT');
    const draft = await buildPackVariant(SBI_PACK_DIR, {
      packageJson: (pkg) => (pkg.repogen = { ...pkg.repogen, key }),
    });
    assert.equal((await upload(firm, draft.bytes)).statusCode, 201);
    const version = draft.manifest.version;
    const fixture = await firstFixture(SBI_PACK_DIR);
    const dryRun = async (tenant: TestTenant, packKey: string, packVersion: string) =>
      host.server.inject({
        method: 'POST',
        url: `/v1/packs/${packKey}/versions/${packVersion}/compute`,
        headers: await tenant.headers('operator'),
        payload: { input: fixture.input, now: fixture.expected.now ?? DEFAULT_FIXTURE_NOW },
      });

    assert.ok(
      keysOf(await host.server.inject({ url: '/v1/packs', headers: await firm.headers('admin') })).includes(key),
    );
    assert.equal((await dryRun(firm, key, version)).statusCode, 200, 'the platform runs a draft to review it');

    assert.ok(
      !keysOf(await host.server.inject({ url: '/v1/packs', headers: await bank.headers('admin') })).includes(key),
    );
    for (const url of [
      `/v1/packs/${key}`,
      `/v1/packs/${key}/versions/${version}`,
      `/v1/packs/${key}/versions/${version}/download`,
    ]) {
      const hidden = await host.server.inject({ url, headers: await bank.headers('admin') });
      assert.equal(hidden.statusCode, 404, url);
    }
    const bankRun = await dryRun(bank, key, version);
    assert.equal(bankRun.statusCode, 404, bankRun.payload);
    assert.equal(json(bankRun).code, 'PACK_NOT_FOUND');

    const own = await customPack(bank);
    assert.equal((await upload(bank, own.bytes)).statusCode, 201);
    const ownRun = await dryRun(bank, own.manifest.key, own.manifest.version);
    assert.equal(ownRun.statusCode, 200, "a bank's authors run their own draft");

    const published = await host.server.inject({
      method: 'POST',
      url: `/v1/packs/${key}/versions/${version}/publish`,
      headers: await firm.headers('admin'),
    });
    assert.equal(published.statusCode, 200, published.payload);
    assert.ok(
      keysOf(await host.server.inject({ url: '/v1/packs', headers: await bank.headers('admin') })).includes(key),
      'published, it is listed',
    );
  });

  it('serves a version with its manifest, schema, formulas and the fields that need a reason', async () => {
    const response = await host.server.inject({
      url: `/v1/packs/${SBI}/versions/${sbi.manifest.version}`,
      headers: await bank.headers('operator'),
    });
    assert.equal(response.statusCode, 200, response.payload);
    const detail = json(response);
    assert.equal(detail.manifest.key, SBI);
    assert.equal(detail.schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.ok(detail.description.formulas.length > 3);
    assert.ok(Array.isArray(detail.reasonRequired));

    const download = await host.server.inject({
      url: `/v1/packs/${SBI}/versions/${sbi.manifest.version}/download`,
      headers: await bank.headers('operator'),
    });
    assert.equal(download.statusCode, 200);
    assert.deepEqual(download.rawPayload, sbi.bytes);
    assert.match(String(download.headers['content-disposition']), /SBI_UNDER_5CR_V1-.*\.rpack/);
  });

  it('computes a dry run in the sandbox: values, traces and warnings of the fixture', async () => {
    const fixture = await firstFixture(SBI_PACK_DIR);
    const response = await host.server.inject({
      method: 'POST',
      url: `/v1/packs/${SBI}/versions/${sbi.manifest.version}/compute`,
      headers: await bank.headers('operator'),
      payload: { input: fixture.input, now: fixture.expected.now ?? DEFAULT_FIXTURE_NOW },
    });
    assert.equal(response.statusCode, 200, response.payload);
    const result = json(response);
    for (const [name, value] of Object.entries(fixture.expected.values)) {
      if (typeof value === 'number')
        assert.ok(Math.abs(result.values[name] - value) <= 1, `${name}: ${result.values[name]} vs ${value}`);
      else assert.deepEqual(result.values[name], value, name);
      assert.ok(result.trace[name], `a trace for ${name}`);
    }
    assert.ok(Array.isArray(result.warnings));
  });

  it('refuses compute input that breaks the pack schema with the problems listed', async () => {
    const response = await host.server.inject({
      method: 'POST',
      url: `/v1/packs/${SBI}/versions/${sbi.manifest.version}/compute`,
      headers: await bank.headers('operator'),
      payload: { input: { land: 'not an object' } },
    });
    assert.equal(response.statusCode, 400, response.payload);
    assert.equal(json(response).code, 'PACK_INPUT_INVALID');
  });

  it('suggests the SBI pack for an SBI assignment under 5 crore, and says why', async () => {
    const response = await host.server.inject({
      url: '/v1/packs/select?bank=State%20Bank%20of%20India&value=40000000',
      headers: await bank.headers('operator'),
    });
    assert.equal(response.statusCode, 200, response.payload);
    const answer = json(response);
    assert.equal(answer.bankType, 'sbi');
    assert.equal(answer.pack.key, SBI);
    assert.ok(answer.reason.length > 0);

    const over = await host.server.inject({
      url: '/v1/packs/select?bank=State%20Bank%20of%20India&value=90000000',
      headers: await bank.headers('operator'),
    });
    assert.notEqual(json(over).pack?.key, SBI, 'an assignment of 9 crore is not for the under-5-crore form');
  });
});
