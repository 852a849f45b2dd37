import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import JSZip from 'jszip';
import {
  buildPack,
  DEFAULT_FIXTURE_NOW,
  discoverFixtures,
  PACK_GLOBAL,
  type BuiltPack,
  type ComputeResult,
  type EvidenceManifestItem,
  type FixtureCase,
  type InvokeResponse,
  type JsonValue,
  type LayoutResult,
  type PackGlobal,
} from '@repogen/sdk';
import { CarboneDocumentRenderer, toAnnexureTemplateData, type PlacedImage } from '../../core/src/render/index.js';
import { makePhoto, pdfToText } from '../render/render-fixtures.js';

/**
 * What the bundled packs' template tests share: the pack built and loaded as the sandbox loads
 * it, the template data contract, rendering every fixture through carbone and LibreOffice, and
 * the check that the committed DOCX is the build of its readable source.
 */

/** The evidence of every test report: mixed portrait and landscape, one of each annexure kind. */
export const EVIDENCE: readonly (readonly [id: string, kind: string, width: number, height: number])[] = [
  ['ext-front', 'photo.exterior', 1600, 1200],
  ['ext-road', 'photo.exterior', 1200, 1600],
  ['int-living', 'photo.interior', 1600, 1200],
  ['int-kitchen', 'photo.interior', 1600, 1000],
  ['gps-gate', 'photo.gps', 1200, 1600],
  ['guideline-asr', 'screenshot.guideline', 1080, 2400],
  ['map-site', 'screenshot.map', 1600, 1000],
  ['deed-page1', 'document.sale_deed', 1240, 1754],
];

export interface RenderedFixture {
  readonly name: string;
  readonly values: ComputeResult['values'];
  /** pdftotext output with whitespace collapsed and line-end hyphenation joined. */
  readonly text: string;
  readonly filledXml: string;
  readonly pdfFile: string;
}

/** What `d.report` names: the template's title and the pack's key. */
export interface ReportIdentity {
  readonly title: string;
  readonly packKey: string;
}

export interface TemplateHarness {
  readonly packDir: string;
  readonly templateFile: string;
  readonly built: BuiltPack;
  readonly entry: PackGlobal;
  readonly renderer: CarboneDocumentRenderer;
  readonly workDir: string;
  readonly images: readonly PlacedImage[];
}

export function loadLogic(logic: Buffer): PackGlobal {
  const context = vm.createContext(Object.create(null) as object);
  vm.runInContext(logic.toString('utf8'), context, { filename: 'logic.js', timeout: 5000 });
  const entry = (context as Record<string, PackGlobal | undefined>)[PACK_GLOBAL];
  assert.ok(entry, 'logic.js defines the pack global');
  return entry;
}

export function call<T>(entry: PackGlobal, operation: string, request: unknown): T {
  const response = JSON.parse(entry.invoke(operation, JSON.stringify(request))) as InvokeResponse<T>;
  if (!response.ok) assert.fail(`${operation} failed: ${response.error.code} ${response.error.message}`);
  return response.result;
}

export function indian(amount: number): string {
  return new Intl.NumberFormat('en-IN', { minimumFractionDigits: 0, maximumFractionDigits: 0 }).format(amount);
}

/** pdftotext drops the hyphen of a word broken at a hyphen ("Eighty-" / "One" → "EightyOne"). */
export function printedIn(text: string, expected: string): boolean {
  return text.includes(expected) || text.replace(/-/g, '').includes(expected.replace(/-/g, ''));
}

export function normalise(text: string): string {
  return text
    .replace(/-\s*\n\s*/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The template data contract the generation pipeline passes to carbone as `d`. */
export function templateData(
  identity: ReportIdentity,
  fixture: FixtureCase,
  result: ComputeResult,
  layout: LayoutResult,
  packVersion: string,
): Record<string, JsonValue | object> {
  return {
    report: {
      title: identity.title,
      reference: `v1:assignment:${fixture.name}`,
      version: 1,
      generatedOn: '25-11-2026',
      packKey: identity.packKey,
      packVersion,
      inputSha256: crypto.createHash('sha256').update(JSON.stringify(fixture.input)).digest('hex'),
    },
    input: fixture.input,
    values: result.values,
    warnings: result.warnings.map(({ code, level, message }) => ({ code, level, message })),
    annexure: toAnnexureTemplateData(layout.pages),
  };
}

/** Builds the pack, loads its logic and starts a renderer; `closeHarness` ends them. */
export async function openHarness(packDir: string): Promise<TemplateHarness> {
  const workDir = await fs.mkdtemp(path.join(os.tmpdir(), `repogen-${path.basename(packDir)}-template-`));
  const built = await buildPack(packDir, { write: false });
  return {
    packDir,
    templateFile: path.join(packDir, 'templates/report.docx'),
    built,
    entry: loadLogic(built.files.get('logic.js')!),
    renderer: new CarboneDocumentRenderer(),
    workDir,
    images: await Promise.all(
      EVIDENCE.map(async ([id, , width, height]) => ({ id, data: await makePhoto(width, height, id) })),
    ),
  };
}

export async function closeHarness(harness: TemplateHarness | undefined): Promise<void> {
  if (!harness) return;
  await harness.renderer.close();
  await fs.rm(harness.workDir, { recursive: true, force: true });
}

/** The computed values of one fixture, as the fixture runner computes them. */
export function computeFixture(harness: TemplateHarness, fixture: FixtureCase): ComputeResult {
  return call<ComputeResult>(harness.entry, 'compute', {
    input: fixture.input,
    now: fixture.expected.now ?? DEFAULT_FIXTURE_NOW,
    ...(fixture.expected.settings ? { settings: fixture.expected.settings } : {}),
  });
}

async function filledXml(docx: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(docx);
  const parts = await Promise.all(
    Object.keys(zip.files)
      .filter((name) => /^word\/(document|header\d*)\.xml$/.test(name))
      .map((name) => zip.file(name)!.async('string')),
  );
  return parts.join('\n');
}

/** Renders every fixture of the pack to a PDF (kept in REPOGEN_RENDER_TEST_OUT when set). */
export async function renderFixtures(
  harness: TemplateHarness,
  identity: ReportIdentity,
  rendered: Map<string, RenderedFixture>,
): Promise<void> {
  const { built, entry, renderer, workDir, images } = harness;
  const template = await fs.readFile(harness.templateFile);
  const evidence: EvidenceManifestItem[] = EVIDENCE.map(([id, kind, width, height], order) => ({
    id,
    kind,
    mime: 'image/jpeg',
    size: 1000,
    width,
    height,
    order,
  }));
  const layout = call<LayoutResult>(entry, 'layout', { evidence });
  const keep = process.env.REPOGEN_RENDER_TEST_OUT;
  const fixtures = discoverFixtures(built.files);
  assert.ok(fixtures.length >= 5, `${fixtures.length} fixtures`);
  for (const fixture of fixtures) {
    const result = computeFixture(harness, fixture);
    const data = templateData(identity, fixture, result, layout, built.manifest.version);
    const docx = await renderer.renderDocx(template, data, [...images]);
    const pdf = await renderer.convertToPdf(docx);
    const pdfFile = path.join(workDir, `${fixture.name}.pdf`);
    await fs.writeFile(pdfFile, pdf);
    if (keep) {
      await fs.writeFile(path.join(keep, `${fixture.name}.docx`), docx);
      await fs.writeFile(path.join(keep, `${fixture.name}.pdf`), pdf);
    }
    rendered.set(fixture.name, {
      name: fixture.name,
      values: result.values,
      text: normalise(pdfToText(pdfFile)),
      filledXml: await filledXml(docx),
      pdfFile,
    });
  }
}

/** No tag, no `undefined` and no enum code is left in any rendered fixture. */
export function assertNoTagLeft(rendered: ReadonlyMap<string, RenderedFixture>, enumCodes: RegExp): void {
  assert.ok(rendered.size > 0, 'the fixtures were rendered');
  for (const fixture of rendered.values()) {
    assert.ok(!fixture.text.includes('{d.'), `${fixture.name}: no tag in the PDF text`);
    assert.ok(!fixture.filledXml.includes('{d.'), `${fixture.name}: no tag in the DOCX`);
    assert.doesNotMatch(fixture.text, /undefined|NaN|\[object Object\]|\bfalse\b/, fixture.name);
    assert.doesNotMatch(fixture.text, enumCodes, `${fixture.name}: enum codes print as words`);
  }
}

/** How many pictures a PDF holds. */
export function pdfImageCount(pdfFile: string): number {
  const listed = spawnSync('pdfimages', ['-list', pdfFile], { encoding: 'utf8' });
  return listed.stdout.split('\n').slice(2).filter(Boolean).length;
}

/** The committed DOCX equals a fresh build of `template-src`, and its README lists every tag. */
export async function assertFreshBuild(harness: TemplateHarness, minTags: number): Promise<void> {
  const fresh = path.join(harness.workDir, 'fresh-report.docx');
  const build = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(harness.packDir, 'template-src/build-template.ts'), '--out', fresh],
    { encoding: 'utf8', cwd: path.resolve(harness.packDir, '../..') },
  );
  assert.equal(build.status, 0, build.stderr);
  const [committed, rebuilt] = await Promise.all([fs.readFile(harness.templateFile), fs.readFile(fresh)]);
  assert.ok(committed.equals(rebuilt), 'templates/report.docx is stale: run npm run build:template');

  const xml = await filledXml(committed);
  const readme = await fs.readFile(path.join(harness.packDir, 'template-src/README.md'), 'utf8');
  const tags = new Set(
    [
      ...xml
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&')
        .matchAll(/\{d\.[^{}]*\}/g),
    ].map((m) => m[0]),
  );
  assert.ok(tags.size > minTags, `${tags.size} tags`);
  for (const tag of tags) assert.ok(readme.includes(tag), `README lists ${tag}`);
}
