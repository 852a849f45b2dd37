import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { signCallback } from '@repogen/plugin-v1-bridge';

const DOC = path.resolve(import.meta.dirname, '../../docs/v1-integration.md');
const SECRET = 'whsec_python-receiver-secret';

/** The standard-library check the V1 guide gives, taken from the guide itself. */
async function documentedSnippet(): Promise<string> {
  const doc = await fs.readFile(DOC, 'utf8');
  const snippet = /```python\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
  assert.ok(snippet.includes('def verify_repogen_signature'), 'the guide has the Python check');
  return snippet;
}

interface Case {
  readonly name: string;
  readonly header: string | null;
  readonly body: string;
}

/**
 * Runs the snippet in python3 on each case, as a Django or Flask view would call it, and
 * answers what it returned or the exception it raised: a raise would be a 500 to the sender.
 */
async function verifyInPython(cases: readonly Case[]): Promise<Record<string, string>> {
  const program = `${await documentedSnippet()}
import json, sys
results = {}
for case in json.load(sys.stdin):
    header = case["header"]
    try:
        results[case["name"]] = repr(verify_repogen_signature(${JSON.stringify(SECRET)}, header, case["body"].encode("utf-8")))
    except Exception as error:
        results[case["name"]] = type(error).__name__
print(json.dumps(results))
`;
  const child = promisify(execFile)('python3', ['-c', program], { timeout: 20_000 });
  child.child.stdin!.end(JSON.stringify(cases));
  const { stdout } = await child;
  return JSON.parse(stdout) as Record<string, string>;
}

describe('the Python signature check in docs/v1-integration.md', function () {
  this.timeout(30_000);

  it('accepts a header the host signed and returns False, never raising, for forged, stale, missing and non-ASCII ones', async () => {
    const body = JSON.stringify({
      id: 'e-1',
      type: 'report.released',
      data: { reportId: 'r-1', externalKey: 'v1:assignment:ü' },
    });
    const now = Math.floor(Date.now() / 1000);
    const signed = signCallback(SECRET, body, now);
    const digest = signed.split('v1=')[1]!;
    const results = await verifyInPython([
      { name: 'node-signed', header: signed, body },
      { name: 'two-signatures', header: `t=${now},v1=${'0'.repeat(64)},v1=${digest}`, body },
      { name: 'forged', header: signCallback('whsec_someone-else-entirely', body, now), body },
      { name: 'tampered-body', header: signed, body: body.replace('r-1', 'r-2') },
      { name: 'stale', header: signCallback(SECRET, body, now - 3600), body },
      { name: 'missing', header: null, body },
      { name: 'empty', header: '', body },
      { name: 'non-ascii-v1', header: `t=${now},v1=${digest.slice(0, -1)}é`, body },
      { name: 'non-ascii-t', header: `t=١٧٠٠٠٠٠٠٠٠,v1=${digest}`, body },
      { name: 'no-equals', header: 'garbage', body },
      { name: 'no-v1', header: `t=${now}`, body },
    ]);
    assert.deepEqual(results, {
      'node-signed': 'True',
      'two-signatures': 'True',
      forged: 'False',
      'tampered-body': 'False',
      stale: 'False',
      missing: 'False',
      empty: 'False',
      'non-ascii-v1': 'False',
      'non-ascii-t': 'False',
      'no-equals': 'False',
      'no-v1': 'False',
    });
  });
});
