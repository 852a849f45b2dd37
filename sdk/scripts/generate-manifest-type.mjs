#!/usr/bin/env node
// Writes the PackManifest TypeScript type from its JSON Schema (STYLE rule 5: the schema is
// the source of truth). Run after editing the schema; a test fails when the two disagree.
import fs from 'node:fs/promises';
import { compile } from 'json-schema-to-typescript';

const schemaUrl = new URL('../src/manifest/pack-manifest.schema.json', import.meta.url);
const outputUrl = new URL('../src/manifest/pack-manifest.generated.ts', import.meta.url);

export async function renderManifestType() {
  const schema = JSON.parse(await fs.readFile(schemaUrl, 'utf8'));
  return compile(schema, 'PackManifest', {
    bannerComment: '/* Generated from pack-manifest.schema.json by scripts/generate-manifest-type.mjs; do not edit. */',
    additionalProperties: false,
    maxItems: -1,
    style: { singleQuote: true, printWidth: 120 },
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await fs.writeFile(outputUrl, await renderManifestType());
}
