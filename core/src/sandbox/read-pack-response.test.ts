import assert from 'node:assert/strict';
import { readPackResponse } from './read-pack-response.js';

const envelope = (result: unknown): string => JSON.stringify({ ok: true, result });

describe('reading a pack response', () => {
  it('accepts a result of each operation that keeps the contract', () => {
    const cases: [string, unknown][] = [
      [
        'compute',
        {
          values: { fmv: 100 },
          trace: {
            fmv: { name: 'fmv', description: 'd', reads: [{ kind: 'value', name: 'x', value: 1 }], value: 100 },
          },
          warnings: [],
        },
      ],
      ['rules', { warnings: [{ code: 'W', level: 'info', message: 'm', fields: ['/a'] }] }],
      ['layout', { pages: [{ section: 's', heading: 'h', grid: '2x2', evidenceIds: ['a', 'b', 'c', 'd'] }] }],
      ['extract', { proposals: [{ field: '/a', value: null, confidence: 1, sourceText: '' }] }],
      ['describe', { formulas: [{ name: 'fmv', description: 'd', unit: 'INR' }], rules: [], operations: ['compute'] }],
    ];
    for (const [operation, result] of cases) {
      assert.deepEqual(readPackResponse(operation, envelope(result)), { ok: true, result }, operation);
    }
  });

  it("maps the pack's own failure to PACK_FAULT with its code", () => {
    const response = readPackResponse('compute', JSON.stringify({ ok: false, error: { code: 'BAD', message: 'no' } }));
    assert.deepEqual(response, {
      ok: false,
      error: { code: 'PACK_FAULT', message: 'Reported BAD: no', packCode: 'BAD' },
    });
  });

  it('names the first contract violation', () => {
    const cases: [string, unknown, RegExp][] = [
      ['rules', { warnings: [{ code: 'W', level: 'info', message: 'm' }] }, /fields/],
      ['layout', { pages: [{ section: 's', heading: 'h', grid: '3x3', evidenceIds: ['a'] }] }, /\/pages\/0\/grid/],
      ['layout', { pages: [{ section: 's', heading: 'h', grid: '2x2', evidenceIds: [] }] }, /evidenceIds/],
      ['extract', { proposals: [{ field: '/a', value: 1, confidence: 2, sourceText: '' }] }, /confidence/],
      ['describe', { formulas: [], rules: [], operations: ['render'] }, /operations/],
      ['compute', { values: {}, trace: {}, warnings: [], extra: 1 }, /additional/],
    ];
    for (const [operation, result, pattern] of cases) {
      const response = readPackResponse(operation, envelope(result));
      assert.equal(response.ok, false);
      if (!response.ok) {
        assert.equal(response.error.code, 'PACK_OUTPUT_INVALID');
        assert.match(response.error.message, pattern);
      }
    }
  });

  it('refuses what is not an envelope', () => {
    for (const text of ['', 'null', '"ok"', '{"ok":"yes"}', '{"ok":true}', '{"ok":false,"error":"x"}']) {
      const response = readPackResponse('compute', text);
      assert.ok(!response.ok && response.error.code === 'PACK_OUTPUT_INVALID', text);
    }
  });

  it('clips a long message from the pack', () => {
    const response = readPackResponse(
      'compute',
      JSON.stringify({ ok: false, error: { code: 'X', message: 'y'.repeat(10_000) } }),
    );
    assert.ok(!response.ok && response.error.message.length < 600);
  });
});
