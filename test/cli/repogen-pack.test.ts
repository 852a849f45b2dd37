import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPackArchive } from '@repogen/sdk';
import { createTestHost, json, type TestHost, type TestTenant } from '../support/test-host.js';
import { SBI_PACK_DIR, uniquePackKey } from '../support/pack-sources.js';
import { libreOfficeOrSkip, pdfToText, qpdfCheck } from '../render/render-fixtures.js';

/** The compiled `repogen-pack` CLI, as a pack author runs it. */
const PACK_CLI = fileURLToPath(new URL('../../sdk/dist/cli/main.js', import.meta.url));

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function repogenPack(args: readonly string[], cwd?: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--no-node-snapshot', PACK_CLI, ...args],
      { timeout: 120_000, cwd },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
      },
    );
  });
}

describe('repogen-pack: init → build → test → publish', function () {
  // Each step is a fresh Node process; `test` starts the real sandbox process.
  this.timeout(180_000);

  let work: string;
  let packDir: string;
  let key: string;
  let host: TestHost;
  let firm: TestTenant;

  before(async () => {
    work = await fs.mkdtemp(path.join(os.tmpdir(), 'repogen-pack-cli-'));
    packDir = path.join(work, 'my-pack');
    key = uniquePackKey('DEMO');
    host = await createTestHost();
    firm = await host.createTenant('firm');
    await host.server.start();
  });

  after(async () => {
    await host.close();
    await fs.rm(work, { recursive: true, force: true });
  });

  it('scaffolds a working pack with its generated input types', async () => {
    const init = await repogenPack(['init', packDir, '--key', key, '--title', 'Demo pack', '--json']);
    assert.equal(init.code, 0, init.stderr + init.stdout);
    const created = JSON.parse(init.stdout) as { key: string; files: string[] };
    assert.equal(created.key, key);
    for (const file of ['package.json', 'schema.json', 'src/index.ts']) assert.ok(created.files.includes(file), file);
    await fs.access(path.join(packDir, 'src/input.generated.ts'));
    const again = await repogenPack(['init', packDir]);
    assert.notEqual(again.code, 0, 'init refuses to overwrite a pack');
  });

  it('validates the folder and builds an archive with a digest per file', async () => {
    const validate = await repogenPack(['validate', packDir]);
    assert.equal(validate.code, 0, validate.stderr);
    const build = await repogenPack(['build', packDir, '--json']);
    assert.equal(build.code, 0, build.stderr);
    const built = JSON.parse(build.stdout) as { archive: string; digest: string; files: Record<string, string> };
    assert.equal(path.basename(built.archive), `${key}-0.1.0.rpack`);
    assert.match(built.digest, /^[0-9a-f]{64}$/);
    assert.ok(built.files['logic.js'] && built.files['schema.json']);
    const validateArchive = await repogenPack(['validate', built.archive, '--json']);
    assert.equal(validateArchive.code, 0, validateArchive.stderr);
    assert.equal(JSON.parse(validateArchive.stdout).digest, built.digest);
  });

  it('builds the same bytes from whichever folder it runs in', async () => {
    const digests: string[] = [];
    for (const cwd of [work, packDir, os.tmpdir(), path.dirname(PACK_CLI)]) {
      const build = await repogenPack(['build', path.relative(cwd, packDir) || '.', '--json'], cwd);
      assert.equal(build.code, 0, build.stderr);
      digests.push((JSON.parse(build.stdout) as { digest: string }).digest);
    }
    assert.equal(new Set(digests).size, 1, `digests: ${digests.join(', ')}`);
    const archive = await readPackArchive(await fs.readFile(path.join(packDir, 'dist', `${key}-0.1.0.rpack`)));
    const logic = archive.files.get('logic.js')!.toString('utf8');
    assert.match(logic, /^ {2}\/\/ src\/index\.ts$/m, "the pack's own modules are named from its folder");
    assert.ok(!logic.includes(packDir.slice(1)), 'the folder of the build names nothing in the bundle');
  });

  it('runs every fixture through the real sandbox, and fails when one does not hold', async () => {
    const passing = await repogenPack(['test', packDir, '--json']);
    assert.equal(passing.code, 0, passing.stderr + passing.stdout);
    const report = JSON.parse(passing.stdout) as { passed: number; failed: number };
    assert.ok(report.passed >= 1);
    assert.equal(report.failed, 0);

    const fixtures = path.join(packDir, 'fixtures');
    const expectedFile = (await fs.readdir(fixtures)).find((name) => name.endsWith('.expected.json'))!;
    const original = await fs.readFile(path.join(fixtures, expectedFile), 'utf8');
    const expected = JSON.parse(original) as { values: Record<string, unknown> };
    const [name] = Object.keys(expected.values);
    expected.values[name!] = 987_654_321;
    await fs.writeFile(path.join(fixtures, expectedFile), JSON.stringify(expected));
    try {
      const failing = await repogenPack(['test', packDir]);
      assert.equal(failing.code, 1);
      assert.match(failing.stdout, /1 failed/);
    } finally {
      await fs.writeFile(path.join(fixtures, expectedFile), original);
    }
  });

  it('fails a fixture whose input breaks schema.json, or whose expected file asserts nothing', async () => {
    const fixtures = path.join(packDir, 'fixtures');
    const inputFile = path.join(fixtures, 'example.input.json');
    const expectedFile = path.join(fixtures, 'example.expected.json');
    const [input, expected] = [await fs.readFile(inputFile, 'utf8'), await fs.readFile(expectedFile, 'utf8')];
    try {
      await fs.writeFile(inputFile, JSON.stringify({ property: { areaSqm: 'large', ratePerSqm: 42_000 } }));
      const invalid = await repogenPack(['test', packDir]);
      assert.equal(invalid.code, 1, invalid.stderr + invalid.stdout);
      assert.match(invalid.stdout, /input \/property\/areaSqm: must be number/);
      await fs.writeFile(inputFile, input);

      await fs.writeFile(expectedFile, '{}');
      const empty = await repogenPack(['test', packDir]);
      assert.equal(empty.code, 1, empty.stderr + empty.stdout);
      assert.match(empty.stdout, /asserts nothing/);
    } finally {
      await fs.writeFile(inputFile, input);
      await fs.writeFile(expectedFile, expected);
    }
  });

  it('publishes the archive to a host as a draft, idempotently', async () => {
    const archive = path.join(packDir, 'dist', `${key}-0.1.0.rpack`);
    const token = (await firm.headers('author')).authorization!.replace(/^Bearer /, '');
    const uri = host.server.info.uri;
    const first = await repogenPack(['publish', archive, '--host', uri, '--token', token, '--json']);
    assert.equal(first.code, 0, first.stderr + first.stdout);
    assert.equal(JSON.parse(first.stdout).version.status, 'draft');
    const second = await repogenPack(['publish', archive, '--host', uri, '--token', token]);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /already there with the same digest/);

    const listed = await host.server.inject({ url: `/v1/packs/${key}`, headers: await firm.headers('admin') });
    assert.equal(json(listed).versions[0].status, 'draft');

    const refused = await repogenPack(['publish', archive, '--host', uri, '--token', 'rga_wrong']);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /401/);

    const missing = path.join(packDir, 'dist', 'NO_SUCH_PACK_V1-0.1.0.rpack');
    const notThere = await repogenPack(['publish', missing, '--host', uri, '--token', token]);
    assert.equal(notThere.code, 2, 'a missing file is a usage error, not an unreachable host');
    assert.ok(notThere.stderr.includes(`${missing} does not exist`), notThere.stderr);
    assert.doesNotMatch(notThere.stderr, /could not reach/);
  });

  it('names what is wrong with a broken pack and exits with the invalid code', async () => {
    const broken = path.join(work, 'broken');
    await fs.mkdir(broken);
    await fs.writeFile(
      path.join(broken, 'package.json'),
      JSON.stringify({ name: 'broken', version: '1.0.0', repogen: { role: 'pack', key: 'lowercase' } }),
    );
    const result = await repogenPack(['build', broken]);
    assert.equal(result.code, 3);
    assert.match(result.stderr, /manifest/);
  });

  it("previews a pack's report through the host's own pipeline: DOCX, PDF and trace", async function () {
    libreOfficeOrSkip(this);
    const out = path.join(work, 'preview');
    const data = path.join(SBI_PACK_DIR, 'fixtures', 'domain-sample.input.json');
    const preview = await repogenPack(['preview', SBI_PACK_DIR, '--data', data, '--out', out, '--json']);
    assert.equal(preview.code, 0, preview.stderr + preview.stdout);
    const { files } = JSON.parse(preview.stdout) as { files: string[] };
    assert.deepEqual(files.map((file) => path.basename(file)).sort(), ['report.docx', 'report.pdf', 'trace.json']);
    const pdf = path.join(out, 'report.pdf');
    assert.ok(qpdfCheck(pdf).ok);
    assert.match(pdfToText(pdf), /1,39,80,000/);

    const noTemplate = await repogenPack(['preview', packDir, '--data', data, '--out', out]);
    assert.equal(noTemplate.code, 3, 'a pack without a report template has nothing to preview');
  });
});
