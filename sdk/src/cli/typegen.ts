import fs from 'node:fs/promises';
import path from 'node:path';
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import { readPackSource } from '../build/build-pack.js';

export const INPUT_TYPES_FILE = path.join('src', 'input.generated.ts');

/** Writes `src/input.generated.ts` (the `PackInput` type) from the pack's `schema.json`. */
export async function generateInputTypes(dir: string): Promise<{ file: string; source: string }> {
  const { schema } = await readPackSource(dir);
  // json-schema-to-typescript names the root type after its `title` when it has one; the
  // packs' code imports `PackInput`, so the title goes into the doc comment instead.
  const { title, ...root } = schema as unknown as JSONSchema;
  const named: JSONSchema = { ...root, description: root.description ?? title };
  const source = await compile(named, 'PackInput', {
    bannerComment: '/* Generated from schema.json by `repogen-pack typegen`; do not edit. */',
    additionalProperties: false,
    maxItems: -1,
    unknownAny: true,
    style: { singleQuote: true, printWidth: 120 },
  });
  const file = path.join(dir, INPUT_TYPES_FILE);
  await fs.writeFile(file, source);
  return { file, source };
}
