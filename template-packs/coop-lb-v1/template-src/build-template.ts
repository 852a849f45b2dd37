import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ANNEXURE_TAGS, buildDocx, type DocxSpec } from '@repogen/core';
import { coopReportSpec } from './coop-report-spec.js';
import { loadSbiTemplateSource } from './sbi-template-source.js';

/**
 * Builds `templates/report.docx` from `coop-report-spec.ts` and rewrites the tag list of
 * `template-src/README.md`. The bytes depend on the source alone, so the committed file can
 * be compared with a fresh build.
 *
 *   node --import tsx template-packs/coop-lb-v1/template-src/build-template.ts [--out <file>]
 *
 * With `--out`, only the DOCX is written, to that file (the README is left alone).
 */

const SOURCE_DIR = path.dirname(fileURLToPath(import.meta.url));
const DEFAULT_OUT = path.resolve(SOURCE_DIR, '../templates/report.docx');
const README = path.join(SOURCE_DIR, 'README.md');
const TAGS_BEGIN = '<!-- tags:begin (written by build-template.ts) -->';
const TAGS_END = '<!-- tags:end -->';

/** Every distinct carbone tag of the spec in order of first use, then the annexure block's. */
function templateTags(spec: DocxSpec): string[] {
  const source = `${spec.header ?? ''}\n${JSON.stringify(spec.blocks)}`;
  const tags = new Set<string>();
  for (const match of source.matchAll(/\{d\.[^{}]*\}/g)) tags.add(match[0]);
  for (const tag of Object.values(ANNEXURE_TAGS)) tags.add(tag);
  return [...tags];
}

async function main(): Promise<void> {
  const outIndex = process.argv.indexOf('--out');
  const out = outIndex === -1 ? DEFAULT_OUT : path.resolve(process.argv[outIndex + 1] ?? '');
  const spec = coopReportSpec(await loadSbiTemplateSource());
  const docx = await buildDocx(spec);
  await fs.mkdir(path.dirname(out), { recursive: true });
  await fs.writeFile(out, docx);
  console.log(`wrote ${path.relative(process.cwd(), out)} (${docx.length} bytes)`);
  if (outIndex !== -1) return;

  const tags = templateTags(spec);
  const readme = await fs.readFile(README, 'utf8');
  const begin = readme.indexOf(TAGS_BEGIN);
  const end = readme.indexOf(TAGS_END);
  if (begin === -1 || end < begin) throw new Error(`${README} lacks the ${TAGS_BEGIN} … ${TAGS_END} markers`);
  const list = ['', '', '```', ...tags, '```', '', ''].join('\n');
  await fs.writeFile(README, readme.slice(0, begin + TAGS_BEGIN.length) + list + readme.slice(end));
  console.log(`listed ${tags.length} tags in ${path.relative(process.cwd(), README)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
