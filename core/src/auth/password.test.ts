import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { decoyPasswordHash, hashPassword, verifyPassword } from './password.js';

describe('password hashing', () => {
  it('encodes scrypt with its cost and a fresh salt, and verifies only the right password', async () => {
    const hash = await hashPassword('correct horse battery staple');
    assert.match(hash, /^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{86}$/);
    assert.equal(await verifyPassword('correct horse battery staple', hash), true);
    assert.equal(await verifyPassword('correct horse battery stapler', hash), false);
    assert.equal(await verifyPassword('', hash), false);
    assert.notEqual(await hashPassword('correct horse battery staple'), hash, 'each hash has its own salt');
  });

  it('treats equivalent Unicode spellings as the same password', async () => {
    const hash = await hashPassword('ﬁnance ①②③ café');
    assert.equal(await verifyPassword('finance 123 cafe\u0301', hash), true);
  });

  it('verifies hashes made with another cost, so the cost can rise', async () => {
    const hash = await hashPassword('a long enough password');
    const [, , , , salt] = hash.split('$');
    const cheaper = crypto.scryptSync('a long enough password', Buffer.from(salt!, 'base64url'), 32, {
      N: 1024,
      r: 8,
      p: 1,
    });
    const encoded = ['scrypt', 1024, 8, 1, salt, cheaper.toString('base64url')].join('$');
    assert.equal(await verifyPassword('a long enough password', encoded), true);
  });

  it('answers false, never throws, for a malformed or foreign hash', async () => {
    for (const encoded of ['', 'scrypt', 'bcrypt$2b$10$abc', 'scrypt$16384$8$1$$', 'scrypt$16384$8$1$c2FsdA']) {
      assert.equal(await verifyPassword('anything at all', encoded), false, encoded);
    }
  });

  it('keeps one decoy hash that no guess matches', async () => {
    const decoy = await decoyPasswordHash();
    assert.match(decoy, /^scrypt\$/);
    assert.equal(await decoyPasswordHash(), decoy);
    assert.equal(await verifyPassword('', decoy), false);
    assert.equal(await verifyPassword('password', decoy), false);
  });
});
