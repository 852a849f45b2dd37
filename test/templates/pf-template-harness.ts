import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { discoverFixtures, type EvidenceManifestItem, type LayoutResult } from '@repogen/sdk';
import { renderChartImages } from '../../core/src/render/index.js';
import { libreOfficeOrSkip, pdfToText } from '../render/render-fixtures.js';
import {
  assertFreshBuild,
  assertNoTagLeft,
  call,
  closeHarness,
  computeFixture,
  EVIDENCE,
  normalise,
  openHarness,
  pdfImageCount,
  printedIn,
  templateData,
  type RenderedFixture,
  type ReportIdentity,
  type TemplateHarness,
} from './template-harness.js';

/**
 * What the project-finance template tests add to the valuation packs' harness: the charts the
 * host draws from each fixture's numbers go through the image step with the photos, and the
 * numbers a table prints can be read back from the PDF text to check that it foots.
 */

export interface RenderedPfFixture extends RenderedFixture {
  readonly docxFile: string;
  readonly chartIds: readonly string[];
  readonly input: unknown;
  readonly warnings: readonly { readonly code: string }[];
}

/** Renders every fixture (at least four) to a DOCX and a PDF, charts included. */
export async function renderPfFixtures(
  harness: TemplateHarness,
  identity: ReportIdentity,
  rendered: Map<string, RenderedPfFixture>,
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
  assert.ok(fixtures.length >= 4, `${fixtures.length} fixtures`);
  for (const fixture of fixtures) {
    const result = computeFixture(harness, fixture);
    const data = templateData(identity, fixture, result, layout, built.manifest.version);
    const charts = await renderChartImages(result.values);
    const docx = await renderer.renderDocx(template, data, [...images, ...charts]);
    const pdf = await renderer.convertToPdf(docx);
    const pdfFile = path.join(workDir, `${fixture.name}.pdf`);
    const docxFile = path.join(workDir, `${fixture.name}.docx`);
    await Promise.all([fs.writeFile(pdfFile, pdf), fs.writeFile(docxFile, docx)]);
    if (keep) {
      await fs.writeFile(path.join(keep, `${identity.packKey}-${fixture.name}.docx`), docx);
      await fs.writeFile(path.join(keep, `${identity.packKey}-${fixture.name}.pdf`), pdf);
    }
    const zip = await JSZip.loadAsync(docx);
    rendered.set(fixture.name, {
      name: fixture.name,
      values: result.values,
      warnings: result.warnings,
      input: fixture.input,
      text: normalise(pdfToText(pdfFile)),
      filledXml: await zip.file('word/document.xml')!.async('string'),
      pdfFile,
      docxFile,
      chartIds: charts.map((chart) => chart.id),
    });
  }
}

/** A ₹ lakh amount as the templates print it: Indian grouping, two decimals. */
export function lakh(amount: number): string {
  return new Intl.NumberFormat('en-IN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount);
}

/**
 * The printed rows of the first table of the filled DOCX whose header row has a cell
 * `header`: each row as its cells' text, as carbone printed them.
 */
export function printedTable(filledXml: string, header: string): string[][] {
  const cellText = (cell: string) =>
    [...cell.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
      .map((match) => match[1] ?? '')
      .join('')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"');
  for (const table of filledXml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []) {
    const rows = (table.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? []).map((row) =>
      (row.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map(cellText),
    );
    if (rows[0]?.includes(header)) return rows.slice(1);
  }
  return assert.fail(`no table headed '${header}'`);
}

/** A printed ₹ lakh amount (`1,23,456.78`, `-279.08`) as a number. */
export function parseLakh(printed: string): number {
  assert.match(
    printed,
    /^-?\d{1,3}(,\d{2})*(,\d{3})?(\.\d{2})?$|^-?\d{1,3}(\.\d{2})?$/,
    `'${printed}' is an amount in Indian format`,
  );
  return Number(printed.replace(/,/g, ''));
}

/** A loop table foots: the total row's column equals Σ of the printed rows above it. */
export function assertFoots(rows: readonly (readonly string[])[], column: number, what: string): void {
  const body = rows.slice(0, -1).filter((row) => (row[column] ?? '') !== '');
  const total = rows.at(-1)?.[column] ?? '';
  assert.ok(body.length > 0, `${what}: rows are printed`);
  assert.equal(
    lakh(sumLakh(body.map((row) => parseLakh(row[column] ?? '')))),
    total,
    `${what}: total = Σ printed rows`,
  );
}

/** Σ of printed ₹ lakh amounts in paise-exact arithmetic. */
export function sumLakh(amounts: readonly number[]): number {
  return amounts.reduce((sum, amount) => sum + Math.round(amount * 100), 0) / 100;
}

export interface PfTemplateSuite {
  readonly packDir: string;
  readonly identity: ReportIdentity;
  /** Every chapter and annexure heading of the format, as printed. */
  readonly headings: readonly string[];
  /** Enum codes that must print as words. */
  readonly enumCodes: RegExp;
  readonly chartIds: readonly string[];
  /** What each fixture must print, as `[what, text]` (values in Indian format). */
  readonly printed: (fixture: RenderedPfFixture) => readonly (readonly [what: string, text: string])[];
  /** Extra checks per fixture: tables that foot, conditional blocks. */
  readonly checks?: (fixture: RenderedPfFixture) => void;
}

/** The template tests every project-finance pack runs on all its fixtures. */
export function describePfTemplate(suite: PfTemplateSuite): void {
  describe(`templates: ${suite.identity.packKey} report.docx`, function () {
    this.timeout(300_000);
    let harness: TemplateHarness | undefined;
    const rendered = new Map<string, RenderedPfFixture>();

    before(async function () {
      libreOfficeOrSkip(this);
      harness = await openHarness(suite.packDir);
    });

    after(async () => {
      await closeHarness(harness);
    });

    it('ships the template in the manifest and in the built pack', () => {
      assert.ok(harness);
      assert.deepEqual(harness.built.manifest.templates, [
        { id: 'report', file: 'templates/report.docx', title: suite.identity.title },
      ]);
      assert.ok(harness.built.files.get('templates/report.docx')?.length, 'the archive holds the DOCX');
    });

    it('is the build of its readable source, and its README lists every tag', async () => {
      assert.ok(harness);
      await assertFreshBuild(harness, 100);
    });

    it('renders every fixture, charts included, through carbone, the image step and LibreOffice', async () => {
      assert.ok(harness);
      await renderPfFixtures(harness, suite.identity, rendered);
      for (const fixture of rendered.values()) {
        assert.deepEqual(
          fixture.chartIds,
          suite.chartIds.map((id) => `chart.${id}`),
          fixture.name,
        );
        for (const id of suite.chartIds) {
          assert.match(
            fixture.filledXml,
            new RegExp(`descr="evidence:chart\\.${id}"`),
            `${fixture.name}: slot of ${id}`,
          );
        }
        const zip = await JSZip.loadAsync(await fs.readFile(fixture.docxFile));
        const media = Object.keys(zip.files).filter((name) => /^word\/media\/evidence-\d+\.(png|jpeg)$/.test(name));
        assert.ok(
          media.length >= EVIDENCE.length - 1 + suite.chartIds.length,
          `${fixture.name}: ${media.length} pictures placed`,
        );
        assert.ok(!zip.file('word/media/annexure-placeholder.png'), `${fixture.name}: no placeholder left`);
        assert.ok(pdfImageCount(fixture.pdfFile) >= suite.chartIds.length, `${fixture.name}: the PDF shows the charts`);
      }
    });

    it('leaves no carbone tag unreplaced and prints enum codes as words', () => {
      assertNoTagLeft(rendered, suite.enumCodes);
    });

    it('prints every chapter and annexure heading of the format', () => {
      assert.ok(rendered.size > 0, 'the fixtures were rendered');
      for (const fixture of rendered.values()) {
        for (const heading of suite.headings)
          assert.ok(fixture.text.includes(heading), `${fixture.name}: heading '${heading}'`);
        assert.ok(fixture.text.includes('(₹ in lakh)'), `${fixture.name}: the unit is in the captions`);
        // The template renders the bank's document only; the host appends the findings to drafts.
        assert.ok(!fixture.text.includes('CHECKER FINDINGS'), `${fixture.name}: no findings in the document`);
      }
    });

    it('prints each fixture’s key values in Indian format', () => {
      assert.ok(rendered.size > 0, 'the fixtures were rendered');
      for (const fixture of rendered.values()) {
        for (const [what, expected] of suite.printed(fixture)) {
          assert.ok(printedIn(fixture.text, expected), `${fixture.name}: ${what} '${expected}'`);
        }
      }
    });

    it('prints tables that foot', () => {
      assert.ok(rendered.size > 0, 'the fixtures were rendered');
      for (const fixture of rendered.values()) suite.checks?.(fixture);
    });
  });
}
