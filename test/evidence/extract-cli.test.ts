import assert from 'node:assert/strict';
import { cliDataDir, cliEnv, runCli } from '../support/run-cli.js';
import { fixturePath, fieldMatches, readTruth } from './ocr-labelled-set.js';

describe('repogen extract', function () {
  this.timeout(120_000);

  it('prints one JSON line per file, telling the kind from the content, offline', async () => {
    const truth = await readTruth();
    const picked = [
      truth.find((entry) => entry.style === 'dms')!,
      truth.find((entry) => entry.style === 'portal-western')!,
    ];
    const result = await runCli(
      ['extract', ...picked.map((entry) => fixturePath(entry.file)), '--json'],
      cliEnv(cliDataDir()),
    );
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as {
            file: string;
            kind: string;
            fields: Record<string, number | string>;
            confidence: number;
            ms: number;
          },
      );
    assert.equal(lines.length, 2);
    for (const [index, entry] of picked.entries()) {
      const line = lines[index]!;
      assert.equal(line.file, fixturePath(entry.file));
      assert.equal(line.kind, entry.kind);
      for (const [name, expected] of Object.entries(entry.fields))
        assert.ok(fieldMatches(name, expected, line.fields[name]), `${name}: ${line.fields[name]} ≠ ${expected}`);
      assert.ok(line.confidence > 0.6 && line.confidence <= 1);
      assert.ok(line.ms > 0);
    }
  });

  it('refuses an unknown kind and reports an unreadable file with exit 1', async () => {
    const badKind = await runCli(
      ['extract', fixturePath('truth.json'), '--kind', 'photo.selfie'],
      cliEnv(cliDataDir()),
    );
    assert.equal(badKind.code, 2);
    const notImage = await runCli(['extract', fixturePath('truth.json'), '--json'], cliEnv(cliDataDir()));
    assert.equal(notImage.code, 1);
    assert.equal((JSON.parse(notImage.stdout) as { error: { code: string } }).error.code, 'EVIDENCE_TYPE_MISMATCH');
  });
});
