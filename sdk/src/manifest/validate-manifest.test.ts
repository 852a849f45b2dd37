import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { compileInputSchema, reasonRequiredFields } from './validate-input-schema.js';
import { validateManifest } from './validate-manifest.js';

const valid = {
  role: 'pack',
  key: 'SBI_UNDER_5CR_V1',
  family: 'valuation',
  title: 'SBI Format A',
  sdk: '^0.1.0',
  scope: { kind: 'global' },
  templates: [{ id: 'main', file: 'templates/report.docx' }],
  annexures: [{ section: 'site-images', heading: 'SITE IMAGES', kinds: ['photo.*'] }],
  evidence: { required: [{ kind: 'photo.exterior', min: 2 }], ocr: [{ kind: 'photo.gps', extractor: 'gps-overlay' }] },
  selection: { bankTypes: ['sbi', 'psu'], maxValueRupees: 50_000_000, priority: 10 },
  credits: 1,
  limits: { memoryMb: 32, timeoutMs: 200 },
};

describe('pack manifest', () => {
  it('accepts a complete manifest', () => {
    assert.deepEqual(validateManifest(valid), { ok: true, manifest: valid });
  });

  for (const [field, value, path] of [
    ['key', 'SBI_UNDER_5CR', '/key'],
    ['family', 'poetry', '/family'],
    ['scope', { kind: 'tenant' }, '/scope'],
    ['templates', [{ id: 'main', file: '../../etc/passwd' }], '/templates/0/file'],
    ['limits', { memoryMb: 4096 }, '/limits/memoryMb'],
    ['credits', -1, '/credits'],
    ['surprise', true, '/'],
  ] as const) {
    it(`refuses a bad ${field}, naming ${path}`, () => {
      const check = validateManifest({ ...valid, [field]: value });
      assert.equal(check.ok, false);
      assert.ok(!check.ok && check.problems.some((problem) => problem.path === path), JSON.stringify(check));
    });
  }

  it('matches its generated TypeScript type (run sdk/scripts/generate-manifest-type.mjs after editing the schema)', async () => {
    const script = new URL('../../scripts/generate-manifest-type.mjs', import.meta.url).href;
    const { renderManifestType } = (await import(script)) as { renderManifestType: () => Promise<string> };
    const committed = await fs.readFile(new URL('./pack-manifest.generated.ts', import.meta.url), 'utf8');
    assert.equal(committed, await renderManifestType());
  });
});

describe('pack input schemas', () => {
  const schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties: {
      land: {
        type: 'object',
        properties: { value: { type: 'integer', 'x-unit': 'INR', 'x-reason-required': true }, area: { type: 'number', 'x-unit': 'sqm' } },
      },
      gps: { type: 'object', properties: { lat: { type: 'number', minimum: -90, maximum: 90, 'x-reason-required': true } } },
    },
  };

  it('compiles with the UI-hint keywords and validates input', () => {
    const check = compileInputSchema(schema);
    assert.ok(check.ok);
    assert.deepEqual(check.validate({ gps: { lat: 18.5 } }), []);
    assert.equal(check.validate({ gps: { lat: 123 } })[0]?.path, '/gps/lat');
  });

  it('refuses a schema with an unknown keyword or another draft', () => {
    assert.equal(compileInputSchema({ type: 'object', propertees: {} }).ok, false);
    assert.equal(compileInputSchema({ $schema: 'http://json-schema.org/draft-07/schema#', type: 'object' }).ok, false);
  });

  it('lists the fields whose change needs a reason', () => {
    assert.deepEqual(reasonRequiredFields(schema), ['/land/value', '/gps/lat']);
  });
});
