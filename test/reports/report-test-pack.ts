import fs from 'node:fs/promises';
import path from 'node:path';
import type { BuiltPack } from '@repogen/sdk';
import { buildDocx } from '../../core/src/render/index.js';
import { buildPackVariant, SBI_PACK_DIR, uniquePackKey, writePackVariant, type PackVariant } from '../support/pack-sources.js';

/** A small report template written against the template data contract (d.report, d.input, d.values, d.warnings, d.annexure). */
export function reportTemplate(): Promise<Buffer> {
  return buildDocx({
    header: 'Test valuers · {d.report.reference} · v{d.report.version}',
    title: 'Valuation report',
    blocks: [
      { kind: 'paragraph', style: 'Title', runs: '{d.report.title}' },
      { kind: 'paragraph', runs: 'Reference {d.report.reference}, version {d.report.version}, generated on {d.report.generatedOn}' },
      { kind: 'paragraph', runs: 'Pack {d.report.packKey}@{d.report.packVersion}; input {d.report.inputSha256}' },
      { kind: 'heading', level: 1, text: '1. Valuation' },
      {
        kind: 'table',
        widths: [6, 8],
        rows: [
          { cells: ['Borrower', '{d.input.addressee.borrower}'] },
          { cells: ['Ref. no.', '{d.input.reportMeta.refNo}'] },
          { cells: ['Fair market value', '{d.values.fairMarketValue:formatRupees}'] },
          { cells: ['In words', '{d.values.fairMarketValueWords}'] },
          { cells: ['Realisable value', '{d.values.realizableValue:formatRupees}'] },
        ],
      },
      { kind: 'heading', level: 1, text: '2. Warnings' },
      {
        kind: 'table',
        widths: [6, 8],
        rows: [
          { header: true, cells: ['Code', 'Message'] },
          { cells: ['{d.warnings[i].code}', '{d.warnings[i].message}'] },
          { cells: ['{d.warnings[i+1].code}', '{d.warnings[i+1].message}'] },
        ],
      },
      { kind: 'annexurePages' },
    ],
  });
}

/** The SBI pack under a fresh key with `templates/report.docx` as its report template. */
export async function reportPackVariant(key = uniquePackKey('RPTTEST')): Promise<PackVariant & { key: string }> {
  return {
    key,
    packageJson: (pkg) => {
      pkg.repogen = { ...pkg.repogen, key, title: 'Report test pack', templates: [{ id: 'report', file: 'templates/report.docx', title: 'Report' }] };
    },
    addFiles: { 'templates/report.docx': await reportTemplate() },
  };
}

export async function buildReportTestPack(): Promise<BuiltPack & { key: string }> {
  const variant = await reportPackVariant();
  return { ...(await buildPackVariant(SBI_PACK_DIR, variant)), key: variant.key };
}

/** Writes the test pack as a folder of packs for `repogen generate --packs`. */
export async function writeReportTestPackFolder(packsDir: string): Promise<string> {
  const variant = await reportPackVariant();
  await writePackVariant(SBI_PACK_DIR, path.join(packsDir, 'report-test-pack'), variant);
  return variant.key;
}

export async function sbiFixtureInput(name = 'domain-sample'): Promise<Record<string, unknown>> {
  return JSON.parse(await fs.readFile(path.join(SBI_PACK_DIR, 'fixtures', `${name}.input.json`), 'utf8')) as Record<string, unknown>;
}
