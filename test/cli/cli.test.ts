import assert from 'node:assert/strict';
import { cliDataDir, cliEnv, runCli } from '../support/run-cli.js';

describe('repogen CLI', function () {
  this.timeout(60_000);
  let dataDir: string;
  let env: NodeJS.ProcessEnv;

  before(() => {
    dataDir = cliDataDir();
    env = cliEnv(dataDir);
  });

  it('prints help and exits 0', async () => {
    const result = await runCli(['--help'], env);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^Usage: repogen <command>/);
    for (const command of ['serve', 'worker', 'migrate', 'tenant create', 'user create', 'token create', 'job run']) {
      assert.match(result.stdout, new RegExp(`\\n  ${command} `), command);
    }
  });

  it('exits 2 on an unknown command', async () => {
    const result = await runCli(['frobnicate'], env);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /Unknown command: frobnicate/);
  });

  it('exits 3 naming the variable when the configuration is wrong', async () => {
    const unknown = await runCli(['migrate'], cliEnv(dataDir, { REPOGEN_FOO: '1' }));
    assert.equal(unknown.code, 3);
    assert.match(unknown.stderr, /REPOGEN_FOO/);
    const port = await runCli(['migrate'], cliEnv(dataDir, { PORT: 'abc' }));
    assert.equal(port.code, 3);
    assert.match(port.stderr, /PORT must be a whole number/);
  });

  it('migrates the embedded store and exits 0', async () => {
    const result = await runCli(['migrate'], env);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Migrations are up to date on pglite/);
  });

  it('creates a tenant once, then exits 1 with TENANT_EXISTS', async () => {
    const first = await runCli(['tenant', 'create', '--slug', 'acme', '--name', 'Acme'], env);
    assert.equal(first.code, 0, first.stderr);
    assert.equal((JSON.parse(first.stdout) as { slug: string }).slug, 'acme');
    const again = await runCli(['tenant', 'create', '--slug', 'acme', '--name', 'Acme'], env);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /TENANT_EXISTS/);
  });

  it('exits 2 when a required option is missing', async () => {
    const result = await runCli(
      ['user', 'create', '--tenant', 'acme', '--role', 'admin', '--password', 'long enough password'],
      env,
    );
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--email is required/);
  });

  it("prints V1's service token once, with its rgv_ prefix", async () => {
    const result = await runCli(['token', 'create', '--tenant', 'acme', '--name', 'v1', '--service'], env);
    assert.equal(result.code, 0, result.stderr);
    const issued = JSON.parse(result.stdout) as { secret: string; kind: string; role: string };
    assert.match(issued.secret, /^rgv_[A-Za-z0-9_-]{43}$/);
    assert.equal(issued.kind, 'service');
    assert.equal(issued.role, 'service');
  });

  it('runs a job on demand and prints its outcome', async () => {
    const result = await runCli(['job', 'run', '--name', 'maintenance.expire-sessions'], env);
    assert.equal(result.code, 0, result.stderr);
    const record = JSON.parse(result.stdout) as { state: string; output: { deleted: number } };
    assert.equal(record.state, 'completed');
    assert.equal(record.output.deleted, 0);
    const unknown = await runCli(['job', 'run', '--name', 'maintenance.nothing'], env);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /No job named maintenance\.nothing/);
  });
});
