import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import readline from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { buildDocx, LibreOfficeConverter, locateLibreOffice, RENDER_ERROR_CODES } from '../../core/src/render/index.js';
import { isRunning, libreOfficeOrSkip } from './render-fixtures.js';

const here = path.dirname(fileURLToPath(import.meta.url));

function smallDocx(text: string): Promise<Buffer> {
  return buildDocx({
    blocks: [
      { kind: 'heading', level: 1, text },
      { kind: 'paragraph', runs: 'Converted by the kept-alive office.' },
    ],
  });
}

/** Many pages of tables: a conversion that lasts long enough to be interrupted. */
function longDocx(): Promise<Buffer> {
  const rows = Array.from({ length: 600 }, (_, index) => ({
    cells: [`Row ${index + 1}`, 'Some value', 'Another value'],
  }));
  return buildDocx({ blocks: [{ kind: 'table', widths: [1, 2, 2], rows }] });
}

async function pageCount(pdf: Buffer): Promise<number> {
  return (await PDFDocument.load(pdf)).getPageCount();
}

async function waitUntilGone(pids: readonly number[], ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (pids.some(isRunning) && Date.now() < deadline) await sleep(50);
}

describe('render: LibreOffice converter lifecycle', function () {
  this.timeout(120_000);
  let converter: LibreOfficeConverter;

  before(function () {
    libreOfficeOrSkip(this);
    // Long enough for a first conversion on a freshly restarted office on a busy CI machine;
    // the hang test waits this long once.
    converter = new LibreOfficeConverter({ conversionTimeoutMs: 15_000 });
  });

  after(() => converter?.close());

  it('finds soffice.bin and a Python with uno on a stock Debian install, whatever python3 comes first on PATH', () => {
    const installation = locateLibreOffice({ env: { PATH: `/nonexistent:${process.env.PATH ?? ''}` } });
    assert.match(installation.sofficeBin, /soffice\.bin$/);
    assert.equal(spawnSync(installation.python, ['-c', 'import uno']).status, 0, `${installation.python} imports uno`);
  });

  it('converts one document after another on the same office', async () => {
    assert.equal(await pageCount(await converter.convertToPdf(await smallDocx('First'))), 1);
    const officePid = converter.officePid;
    assert.equal(await pageCount(await converter.convertToPdf(await smallDocx('Second'))), 1);
    assert.equal(converter.officePid, officePid);
  });

  it('restarts after soffice is killed between conversions', async () => {
    await converter.start();
    const killed = converter.officePid!;
    process.kill(killed, 'SIGKILL');
    await waitUntilGone([killed], 5_000);
    assert.equal(await pageCount(await converter.convertToPdf(await smallDocx('After a crash'))), 1);
    assert.notEqual(converter.officePid, killed);
  });

  it('retries on a fresh office when soffice is killed in the middle of a conversion', async () => {
    const docx = await longDocx();
    await converter.start();
    const restartsBefore = converter.restarts;
    const killed = converter.officePid!;
    // Stopped first, so that the conversion is still in flight when the kill lands, however fast the machine.
    process.kill(killed, 'SIGSTOP');
    const conversion = converter.convertToPdf(docx);
    await sleep(300);
    process.kill(killed, 'SIGKILL');
    const pdf = await conversion;
    assert.ok((await pageCount(pdf)) > 5);
    assert.equal(converter.restarts, restartsBefore + 1);
    assert.ok(!isRunning(killed));
  });

  it('kills a hung office after the conversion timeout and restarts it for the next document', async () => {
    await converter.start();
    const [hung, bridge] = [converter.officePid!, converter.bridgePid!];
    // A stopped process answers nothing: the same as LibreOffice stuck in a document.
    process.kill(hung, 'SIGSTOP');
    await assert.rejects(converter.convertToPdf(await smallDocx('Never converted')), {
      code: RENDER_ERROR_CODES.timeout,
    });
    await waitUntilGone([hung, bridge], 5_000);
    assert.ok(!isRunning(hung) && !isRunning(bridge), 'the hung office and its bridge are killed');
    assert.equal(await pageCount(await converter.convertToPdf(await smallDocx('After a hang'))), 1);
  });

  it('leaves no process behind after close(), and refuses work afterwards', async () => {
    await converter.start();
    const pids = [converter.officePid!, converter.bridgePid!];
    await converter.close();
    assert.deepEqual(pids.filter(isRunning), []);
    await assert.rejects(converter.convertToPdf(await smallDocx('Too late')), { code: RENDER_ERROR_CODES.closed });
  });

  for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
    it(`leaves no process behind when the host dies by ${signal}`, async () => {
      const host = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'converter-host-process.ts')], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const [line] = (await once(readline.createInterface({ input: host.stdout }), 'line')) as [string];
      const { bridgePid, officePid } = JSON.parse(line) as { bridgePid: number; officePid: number };
      assert.ok(isRunning(officePid));
      host.kill(signal);
      await once(host, 'exit');
      await waitUntilGone([bridgePid, officePid], 5_000);
      assert.deepEqual([bridgePid, officePid].filter(isRunning), []);
    });
  }
});
