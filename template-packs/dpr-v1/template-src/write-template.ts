import fs from 'node:fs/promises';
import path from 'node:path';
import { annexureFilter, annexureTags, buildDocx, type DocxSpec } from '@repogen/core';

const TAGS_BEGIN = '<!-- tags:begin (written by build-template.ts) -->';
const TAGS_END = '<!-- tags:end -->';

/** Every distinct carbone tag of the spec in order of first use, then the annexure blocks'. */
export function templateTags(spec: DocxSpec): string[] {
  const source = `${spec.header ?? ''}\n${JSON.stringify(spec.blocks)}`;
  const tags = new Set<string>();
  for (const match of source.matchAll(/\{d\.[^{}]*\}/g)) tags.add(match[0]);
  for (const block of spec.blocks)
    if (block.kind === 'annexurePages')
      for (const tag of Object.values(annexureTags(annexureFilter(block)))) tags.add(tag);
  return [...tags];
}

/**
 * Writes `templates/report.docx` of the pack whose `template-src` is `sourceDir`, and the tag
 * list of its README. The bytes depend on the spec alone, so the committed file can be compared
 * with a fresh build. With `--out <file>` only the DOCX is written, to that file.
 */
export async function writeTemplate(spec: DocxSpec, sourceDir: string, argv: readonly string[]): Promise<void> {
  const outIndex = argv.indexOf('--out');
  const out =
    outIndex === -1 ? path.resolve(sourceDir, '../templates/report.docx') : path.resolve(argv[outIndex + 1] ?? '');
  const docx = await buildDocx(spec);
  await fs.mkdir(path.dirname(out), { recursive: true });
  await fs.writeFile(out, docx);
  console.log(`wrote ${path.relative(process.cwd(), out)} (${docx.length} bytes)`);
  if (outIndex !== -1) return;

  const readmeFile = path.join(sourceDir, 'README.md');
  const readme = await fs.readFile(readmeFile, 'utf8');
  const begin = readme.indexOf(TAGS_BEGIN);
  const end = readme.indexOf(TAGS_END);
  if (begin === -1 || end < begin) throw new Error(`${readmeFile} lacks the ${TAGS_BEGIN} … ${TAGS_END} markers`);
  const tags = templateTags(spec);
  const list = ['', '', '```', ...tags, '```', '', ''].join('\n');
  await fs.writeFile(readmeFile, readme.slice(0, begin + TAGS_BEGIN.length) + list + readme.slice(end));
  console.log(`listed ${tags.length} tags in ${path.relative(process.cwd(), readmeFile)}`);
}
