import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { verifyCallbackSignature } from './verify-callback-signature.js';

const secret = 'whsec_test_secret_0123456789';
const body = JSON.stringify({ id: 'e1', type: 'report.generated', createdAt: '2026-12-04T10:00:00.000Z', data: { reportId: 'r1' } });
const now = 1_796_000_000;
const sign = (t: number, payload = body, key = secret) => `t=${t},v1=${crypto.createHmac('sha256', key).update(`${t}.${payload}`).digest('hex')}`;

describe('verifyCallbackSignature', () => {
  it('accepts a signature over "<t>.<body>" made with the secret, as a string or as bytes', () => {
    assert.deepEqual(verifyCallbackSignature({ secret, header: sign(now), body, now }), { ok: true, timestamp: now });
    assert.equal(verifyCallbackSignature({ secret, header: sign(now - 200), body: Buffer.from(body), now }).ok, true);
  });

  it('rejects a forged signature, a changed body and another secret', () => {
    const forged = `t=${now},v1=${'0'.repeat(64)}`;
    assert.deepEqual(verifyCallbackSignature({ secret, header: forged, body, now }), { ok: false, reason: 'mismatch' });
    assert.deepEqual(verifyCallbackSignature({ secret, header: sign(now), body: body.replace('r1', 'r2'), now }), { ok: false, reason: 'mismatch' });
    assert.deepEqual(verifyCallbackSignature({ secret, header: sign(now, body, 'whsec_someone_else_000'), body, now }), { ok: false, reason: 'mismatch' });
    // A timestamp moved forward to pass the age check breaks the signature.
    const original = sign(now - 3600);
    const moved = original.replace(`t=${now - 3600}`, `t=${now}`);
    assert.deepEqual(verifyCallbackSignature({ secret, header: moved, body, now }), { ok: false, reason: 'mismatch' });
  });

  it('rejects a stale or future timestamp, even with a good signature', () => {
    assert.deepEqual(verifyCallbackSignature({ secret, header: sign(now - 301), body, now }), { ok: false, reason: 'stale' });
    assert.deepEqual(verifyCallbackSignature({ secret, header: sign(now + 301), body, now }), { ok: false, reason: 'stale' });
    assert.equal(verifyCallbackSignature({ secret, header: sign(now - 3000), body, now, toleranceSeconds: 3600 }).ok, true);
  });

  it('rejects a missing or malformed header', () => {
    assert.deepEqual(verifyCallbackSignature({ secret, header: undefined, body, now }), { ok: false, reason: 'missing' });
    for (const header of ['v1=abc', `t=soon,v1=${'a'.repeat(64)}`, `t=${now}`, 'garbage']) {
      assert.deepEqual(verifyCallbackSignature({ secret, header, body, now }), { ok: false, reason: 'malformed' }, header);
    }
    assert.deepEqual(verifyCallbackSignature({ secret, header: `t=${now},v1=short`, body, now }), { ok: false, reason: 'mismatch' });
  });
});
