import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { libreOfficeOrSkip, makePdf, makePhoto, pdfToText, qpdfCheck } from '../render/render-fixtures.js';
import { sbiFixtureInput, writeReportTestPackFolder } from '../reports/report-test-pack.js';
import { CLI, cliDataDir, cliEnv, type CliResult } from '../support/run-cli.js';

/** Like runCli, with room for a first LibreOffice start and a pack build on a busy machine. */
function generateCli(args: readonly string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--no-node-snapshot', CLI, 'generate', ...args],
      { env, timeout: 170_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
      },
    );
  });
}

describe('repogen generate (CLI, embedded store)', function () {
  this.timeout(180_000);
  let dir: string;
  let packsDir: string;
  let packKey: string;
  let env: NodeJS.ProcessEnv;
  let dataFile: string;

  before(async function () {
    libreOfficeOrSkip(this);
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'repogen-generate-cli-'));
    packsDir = path.join(dir, 'packs');
    packKey = await writeReportTestPackFolder(packsDir);
    env = cliEnv(cliDataDir());
    dataFile = path.join(dir, 'input.json');
    await fs.writeFile(dataFile, JSON.stringify(await sbiFixtureInput()));
    const evidence = path.join(dir, 'evidence');
    const photos: [string, string, number, number][] = [
      ['exterior', '01-front.jpg', 1600, 1200],
      ['exterior', '02-road.jpg', 1600, 1200],
      ['interior', 'living.jpg', 1200, 1600],
      ['interior', 'kitchen.jpg', 1200, 1600],
      ['gps', 'gps-camera.jpg', 1200, 1600],
      ['screenshots', 'guideline-rate.png', 1400, 900],
    ];
    for (const [folder, name, width, height] of photos) {
      await fs.mkdir(path.join(evidence, folder), { recursive: true });
      await fs.writeFile(path.join(evidence, folder, name), await makePhoto(width, height, name));
    }
    await fs.mkdir(path.join(evidence, 'documents'));
    await fs.writeFile(path.join(evidence, 'documents', 'sale_deed.pdf'), await makePdf(2, 'Sale deed'));
  });

  after(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it('writes report.docx, report.pdf and trace.json from a data file and an evidence folder', async () => {
    const out = path.join(dir, 'out');
    const result = await generateCli(
      [
        '--pack',
        packKey,
        '--data',
        dataFile,
        '--evidence',
        path.join(dir, 'evidence'),
        '--out',
        out,
        '--pdf',
        '--packs',
        packsDir,
      ],
      env,
    );
    assert.equal(result.code, 0, `${result.stdout}\n${result.stderr}`);
    assert.match(result.stdout, /✓ compute/);
    assert.match(result.stdout, /✓ assemble-pdf/);
    assert.match(result.stdout, /7 evidence files/);

    const zip = await JSZip.loadAsync(await fs.readFile(path.join(out, 'report.docx')));
    assert.ok(zip.file('word/document.xml'), 'a DOCX');
    const media = Object.keys(zip.files).filter((name) => name.startsWith('word/media/'));
    assert.ok(media.length >= 6, `the photos are placed: ${media.join(', ')}`);

    const pdf = path.join(out, 'report.pdf');
    const check = qpdfCheck(pdf);
    assert.ok(check.ok, check.output);
    const text = pdfToText(pdf).replace(/\s+/g, ' ');
    for (const expected of [
      '₹1,39,80,000',
      'KRJ/SBI/2025-26/0417',
      'SITE IMAGES',
      'GPS PHOTOGRAPHS',
      'Sale deed sheet 2',
    ]) {
      assert.ok(text.includes(expected), `the PDF text holds '${expected}'`);
    }
    const trace = JSON.parse(await fs.readFile(path.join(out, 'trace.json'), 'utf8')) as {
      values: Record<string, unknown>;
      trace: Record<string, unknown>;
      annexurePages: unknown[];
    };
    assert.equal(trace.values.fairMarketValue, 13980000);
    assert.ok(trace.trace.fairMarketValue);
    assert.ok(trace.annexurePages.length >= 3);
  });

  it('appends a screenshot saved as PDF (screenshots/guideline*.pdf) as a document', async () => {
    const evidence = path.join(dir, 'pdf-screenshot-evidence');
    await fs.mkdir(path.join(evidence, 'exterior'), { recursive: true });
    await fs.mkdir(path.join(evidence, 'screenshots'));
    await fs.writeFile(path.join(evidence, 'exterior', 'front.jpg'), await makePhoto(1600, 1200, 'front.jpg'));
    await fs.writeFile(
      path.join(evidence, 'screenshots', 'guideline-extract.pdf'),
      await makePdf(1, 'Guideline extract'),
    );
    const out = path.join(dir, 'pdf-screenshot-out');
    const result = await generateCli(
      ['--pack', packKey, '--data', dataFile, '--evidence', evidence, '--out', out, '--pdf', '--packs', packsDir],
      env,
    );
    assert.equal(result.code, 0, `${result.stdout}\n${result.stderr}`);
    const text = pdfToText(path.join(out, 'report.pdf')).replace(/\s+/g, ' ');
    assert.ok(text.includes('Guideline extract sheet 1'), 'the PDF screenshot is appended');
  });

  it('names the file and the field on bad input, and exits non-zero', async () => {
    const bad = path.join(dir, 'bad.json');
    await fs.writeFile(
      bad,
      JSON.stringify({ ...(await sbiFixtureInput()), partA_land: { adoptedRatePerSqm: 'lots' } }),
    );
    const invalid = await generateCli(
      ['--pack', packKey, '--data', bad, '--out', path.join(dir, 'bad-out'), '--packs', packsDir],
      env,
    );
    assert.equal(invalid.code, 1, invalid.stdout);
    assert.match(invalid.stderr, /bad\.json does not match the pack schema/);
    assert.match(invalid.stderr, /\/partA_land\/adoptedRatePerSqm/);

    const notJson = path.join(dir, 'broken.json');
    await fs.writeFile(notJson, '{ "reportMeta": ');
    const broken = await generateCli(['--pack', packKey, '--data', notJson, '--out', path.join(dir, 'bad-out')], env);
    assert.equal(broken.code, 1);
    assert.match(broken.stderr, /broken\.json: is not JSON/);

    const evidence = path.join(dir, 'odd-evidence');
    await fs.mkdir(path.join(evidence, 'selfies'), { recursive: true });
    const odd = await generateCli(
      ['--pack', packKey, '--data', dataFile, '--evidence', evidence, '--out', path.join(dir, 'bad-out')],
      env,
    );
    assert.equal(odd.code, 1);
    assert.match(odd.stderr, /EVIDENCE_INVALID: .*selfies is not an evidence folder/);

    // A photo beside the kind folders, and a document that is no PDF, are named rather than left out or found late.
    const loose = path.join(dir, 'loose-evidence');
    await fs.mkdir(path.join(loose, 'exterior'), { recursive: true });
    await fs.writeFile(path.join(loose, 'front.jpg'), await makePhoto(400, 300, 'front'));
    const stray = await generateCli(['--pack', packKey, '--data', dataFile, '--evidence', loose, '--out', path.join(dir, 'bad-out')], env);
    assert.equal(stray.code, 1);
    assert.match(stray.stderr, /EVIDENCE_INVALID: .*front\.jpg is in no kind folder/);
    const corrupt = path.join(dir, 'corrupt-evidence');
    await fs.mkdir(path.join(corrupt, 'documents'), { recursive: true });
    await fs.writeFile(path.join(corrupt, 'documents', 'sale_deed.pdf'), '%PDF-1.7 truncated');
    const unreadable = await generateCli(['--pack', packKey, '--data', dataFile, '--evidence', corrupt, '--out', path.join(dir, 'bad-out')], env);
    assert.equal(unreadable.code, 1);
    assert.match(unreadable.stderr, /EVIDENCE_INVALID: .*sale_deed\.pdf is not a readable PDF/);

    const usage = await generateCli(['--data', dataFile], env);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /--pack is required/);
  });

  it('checks --settings as the settings route checks a tenant’s choices, naming the file and the setting', async () => {
    const run = async (name: string, body: string) => {
      const file = path.join(dir, name);
      await fs.writeFile(file, body);
      return generateCli(
        [
          '--pack',
          packKey,
          '--data',
          dataFile,
          '--settings',
          file,
          '--out',
          path.join(dir, 'settings-out'),
          '--packs',
          packsDir,
        ],
        env,
      );
    };
    const unknown = await run('unknown-settings.json', JSON.stringify({ noSuchSetting: 1 }));
    assert.equal(unknown.code, 1, unknown.stdout);
    assert.match(unknown.stderr, /unknown-settings\.json: PACK_SETTINGS_INVALID: .*has no setting noSuchSetting/);

    const notObject = await run('list-settings.json', '[1, 2]');
    assert.equal(notObject.code, 1);
    assert.match(notObject.stderr, /list-settings\.json: must be a JSON object/);

    const broken = await run('broken-settings.json', '{ "a": ');
    assert.equal(broken.code, 1);
    assert.match(broken.stderr, /broken-settings\.json: is not JSON/);
    await assert.rejects(fs.access(path.join(dir, 'settings-out', 'report.docx')), 'nothing is written');
  });
});
