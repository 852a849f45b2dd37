import assert from 'node:assert/strict';
import { applyPointerSet } from './json-pointer-patch.js';
import { changesNeedingReason } from './reason-policy.js';

describe('JSON pointer patches', () => {
  it('sets nested fields on a copy, creating objects on the way, and lists what changed', () => {
    const original = { land: { rate: 100 }, owners: [{ name: 'A' }] };
    const { next, changes } = applyPointerSet(original, { '/land/rate': 120, '/land/unit': 'sqm', '/owners/0/name': 'B', '/owners/-': { name: 'C' }, '/new/deep/x': 1, '/a~1b': true });
    assert.deepEqual(next, { land: { rate: 120, unit: 'sqm' }, owners: [{ name: 'B' }, { name: 'C' }], new: { deep: { x: 1 } }, 'a/b': true });
    assert.deepEqual(original, { land: { rate: 100 }, owners: [{ name: 'A' }] }, 'the original is untouched');
    assert.deepEqual(changes[0], { pointer: '/land/rate', before: 100, after: 120 });
    assert.equal(changes.length, 6);
  });

  it('records no change for the same value and refuses bad pointers', () => {
    assert.deepEqual(applyPointerSet({ a: 1 }, { '/a': 1 }).changes, []);
    assert.throws(() => applyPointerSet({ a: [] }, { '/a/5': 1 }), { code: 'POINTER_INVALID' });
    assert.throws(() => applyPointerSet({ a: 1 }, { '/a/b': 1 }), { code: 'POINTER_INVALID' });
    assert.throws(() => applyPointerSet({}, { '/__proto__/x': 1 }), { code: 'POINTER_INVALID' });
    assert.throws(() => applyPointerSet({}, { 'a': 1 }), { code: 'POINTER_INVALID' });
  });

  it('asks a reason for replacing or clearing a marked value, not for entering one, including through an ancestor', () => {
    const marked = ['/land/rate', '/gps/lat'];
    assert.deepEqual(changesNeedingReason(marked, { land: {} }, { land: { rate: 5 } }), []);
    assert.deepEqual(changesNeedingReason(marked, { land: { rate: 4 } }, { land: { rate: 5 } }), ['/land/rate']);
    assert.deepEqual(changesNeedingReason(marked, { land: { rate: 4 } }, { land: { rate: 4 }, gps: { lat: 1 } }), []);
    assert.deepEqual(changesNeedingReason(marked, { gps: { lat: 1, lng: 2 } }, { gps: null }), ['/gps/lat']);
  });
});
