import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { libreOfficeOrSkip, makePdf, makePhoto, pdfToText, qpdfCheck } from '../render/render-fixtures.js';
import { TEMPLATE_PACKS_DIR } from '../support/pack-sources.js';
import { CLI, cliDataDir, cliEnv, type CliResult } from '../support/run-cli.js';
import { lakh } from './pf-template-harness.js';

function generateCli(args: readonly string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--no-node-snapshot', CLI, 'generate', ...args],
      { env, timeout: 240_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
      },
    );
  });
}

/** What a case must print besides its headings: the sample's own numbers, as DOMAIN.md gives them. */
interface Case {
  readonly key: string;
  readonly dir: string;
  readonly headings: readonly string[];
  readonly value: string;
  readonly sample?: readonly (readonly [what: string, text: string])[];
}

const CASES: readonly Case[] = [
  {
    key: 'DPR_V1',
    dir: 'dpr-v1',
    headings: ['1. EXECUTIVE SUMMARY', '8. FINANCIALS', 'ANNEXURE 1 — DETAILED FINANCIAL STATEMENTS', 'PHOTOGRAPHS'],
    value: 'projectCostTotal',
    sample: [
      ['FIRR / NPV (DOMAIN §3.b)', '24.30 % / 270.64'],
      ['average / minimum DSCR', '1.98 / 1.49'],
    ],
  },
  {
    key: 'TEV_V1',
    dir: 'tev-v1',
    headings: [
      '1. EXECUTIVE SUMMARY AND CONCLUSION',
      '9. SENSITIVITY AND RISK MATRIX',
      'ANNEXURE 2 — PROJECTED P&L, BALANCE SHEET AND CASH FLOW',
      'Projected balance sheet: liabilities',
      'ANNEXURE 10 — INDEPENDENCE DECLARATION AND TEAM',
    ],
    value: 'npv',
    // The sample keeps depreciating its furniture in Y9–Y10 (its settings say so); with the
    // pack's default the PDF would print FIRR 16.95 % and NPV 1,889.05.
    sample: [
      ['FIRR / NPV (DOMAIN §5.b)', '16.96 % / 1,893.35'],
      ['Y9 PBT, tax, PAT (DOMAIN §5.b)', '1,743.03 438.69 1,304.34'],
    ],
  },
  {
    key: 'STAGE_PROGRESS_V1',
    dir: 'stage-progress-v1',
    headings: [
      '1. SUMMARY AND RECOMMENDATION',
      '3. PHYSICAL PROGRESS',
      '9. PHOTOGRAPH REGISTER',
      'PROGRESS PHOTOGRAPHS',
    ],
    value: 'lieCertifiedTotalCost',
  },
] as const;

describe('repogen generate --pdf for the project-finance packs (CLI, embedded store)', function () {
  this.timeout(300_000);
  let dir: string;
  let evidence: string;
  let env: NodeJS.ProcessEnv;

  before(async function () {
    libreOfficeOrSkip(this);
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'repogen-pf-generate-'));
    env = cliEnv(cliDataDir());
    evidence = path.join(dir, 'evidence');
    for (const [folder, name, width, height] of [
      ['exterior', '01-site.jpg', 1600, 1200],
      ['exterior', '02-north.jpg', 1600, 1200],
      ['interior', '03-works.jpg', 1200, 1600],
    ] as const) {
      await fs.mkdir(path.join(evidence, folder), { recursive: true });
      await fs.writeFile(path.join(evidence, folder, name), await makePhoto(width, height, name));
    }
    await fs.mkdir(path.join(evidence, 'documents'));
    await fs.writeFile(path.join(evidence, 'documents', 'ca_certificate.pdf'), await makePdf(1, 'CA certificate'));
  });

  after(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  for (const pack of CASES) {
    it(`${pack.key}: the domain sample, with its settings, yields a DOCX with its charts and a PDF with the headings and values`, async () => {
      const out = path.join(dir, pack.dir);
      const fixtures = path.join(TEMPLATE_PACKS_DIR, pack.dir, 'fixtures');
      const data = path.join(fixtures, 'domain-sample.input.json');
      const expected = JSON.parse(await fs.readFile(path.join(fixtures, 'domain-sample.expected.json'), 'utf8')) as {
        settings?: Record<string, unknown>;
      };
      const settings = expected.settings ? path.join(dir, `${pack.dir}-settings.json`) : undefined;
      if (settings) await fs.writeFile(settings, JSON.stringify(expected.settings));
      const result = await generateCli(
        [
          '--pack',
          pack.key,
          '--data',
          data,
          ...(settings ? ['--settings', settings] : []),
          '--evidence',
          evidence,
          '--out',
          out,
          '--pdf',
        ],
        env,
      );
      assert.equal(result.code, 0, `${result.stdout}\n${result.stderr}`);
      assert.match(result.stdout, /✓ render-docx/);
      assert.match(result.stdout, /✓ assemble-pdf/);

      const zip = await JSZip.loadAsync(await fs.readFile(path.join(out, 'report.docx')));
      const xml = await zip.file('word/document.xml')!.async('string');
      assert.equal((xml.match(/descr="evidence:chart\.[a-z-]+"/g) ?? []).length, 2, 'two chart slots');
      const pngs = Object.keys(zip.files).filter((name) => /^word\/media\/evidence-\d+\.png$/.test(name));
      assert.ok(pngs.length >= 2, `the charts are placed: ${pngs.join(', ')}`);

      const pdf = path.join(out, 'report.pdf');
      const check = qpdfCheck(pdf);
      assert.ok(check.ok, check.output);
      const text = pdfToText(pdf).replace(/\s+/g, ' ');
      assert.ok(!text.includes('{d.'), 'no tag left');
      for (const heading of pack.headings) assert.ok(text.includes(heading), `heading '${heading}'`);
      assert.ok(text.includes('CA certificate sheet 1'), 'the document is appended');
      const trace = JSON.parse(await fs.readFile(path.join(out, 'trace.json'), 'utf8')) as {
        values: Record<string, number>;
      };
      const computed = trace.values[pack.value];
      assert.ok(typeof computed === 'number', `${pack.value} is computed`);
      assert.ok(text.includes(lakh(computed)), `${pack.value} ${lakh(computed)} is printed in Indian format`);
      for (const [what, printed] of pack.sample ?? []) assert.ok(text.includes(printed), `${what}: '${printed}'`);
      for (const [name, setting] of Object.entries(expected.settings ?? {}))
        assert.match(result.stdout, new RegExp(`setting ${name} = ${JSON.stringify(setting)}`), `${name} is used`);
    });
  }
});
