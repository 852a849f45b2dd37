import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { hashSecret, issueSecret, TOKEN_PREFIX } from './secret-token.js';

describe('secret tokens', () => {
  it('issues a 256-bit secret whose prefix tells its kind', () => {
    for (const kind of ['session', 'api', 'service'] as const) {
      const issued = issueSecret(kind);
      assert.ok(issued.secret.startsWith(TOKEN_PREFIX[kind]), issued.secret);
      const random = issued.secret.slice(TOKEN_PREFIX[kind].length);
      assert.match(random, /^[A-Za-z0-9_-]{43}$/);
      assert.equal(Buffer.from(random, 'base64url').length, 32);
    }
    assert.deepEqual(TOKEN_PREFIX, { session: 'rgs_', api: 'rga_', service: 'rgv_' });
  });

  it('stores only a sha256 of the secret and shows only a short prefix', () => {
    const issued = issueSecret('api');
    assert.equal(issued.hash, crypto.createHash('sha256').update(issued.secret).digest('hex'));
    assert.equal(issued.hash, hashSecret(issued.secret));
    assert.equal(issued.displayPrefix, issued.secret.slice(0, 10));
    assert.ok(!issued.hash.includes(issued.secret.slice(4)));
  });

  it('never issues the same secret twice', () => {
    const secrets = new Set(Array.from({ length: 200 }, () => issueSecret('session').secret));
    assert.equal(secrets.size, 200);
  });
});
