import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDict, PDFDocument, PDFName, PDFNumber } from 'pdf-lib';
import { chromium, type Browser, type Page } from 'playwright-core';
import sharp from 'sharp';
import { coreJobs, coreServices, readOutlineTitles, withSystem, type JobService } from '@repogen/core';
import { BillingDriver } from '../billing/billing-test-support.js';
import { pdfWithPages } from '../evidence/evidence-test-support.js';
import { libreOfficeOrSkip } from '../render/render-fixtures.js';
import { prerequisiteOrSkip } from '../support/ci-prerequisite.js';
import { buildPackVariant, SBI_PACK_DIR, uniquePackKey } from '../support/pack-sources.js';
import { createTestHost, json, randomEmail, type TestHost, type TestTenant } from '../support/test-host.js';
import { startTestWorker } from '../support/test-worker.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ARTIFACTS = path.join(ROOT, 'test/artifacts');
const OCR_FIXTURES = path.join(ROOT, 'test/fixtures/ocr');
const CHROMIUM = '/usr/bin/chromium';
/** The flags STACK-NOTES names for Debian's Chromium in a container without a GPU or network. */
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];
/** The bank the selection rule of a test copy of the SBI pack answers for (pack-sources.ts). */
const TEST_BANK = 'Repogen Test Bank';

/** Whether a page paints with the watermark's translucency (the stamper's only use of opacity), as release-gate.test.ts checks it. */
function hasTranslucentText(doc: PDFDocument, index: number): boolean {
  const states = doc.getPage(index).node.Resources()?.lookupMaybe(PDFName.of('ExtGState'), PDFDict);
  if (!states) return false;
  return states.keys().some((key) => {
    const opacity = states.lookupMaybe(key, PDFDict)?.lookupMaybe(PDFName.of('ca'), PDFNumber);
    return opacity !== undefined && opacity.asNumber() < 1;
  });
}

interface Login {
  readonly email: string;
  readonly password: string;
}

describe('admin UI in a real browser (Debian Chromium), against a real host', function () {
  this.timeout(240_000);

  let host: TestHost;
  let worker: JobService | undefined;
  let browser: Browser | undefined;
  let baseUrl: string;
  let firm: TestTenant;
  let packKey: string;
  let packVersion: string;
  let workDir: string;
  const logins = {} as Record<'operator' | 'author' | 'admin' | 'bank', Login>;
  let firmReportId: string;
  let firmAccountId: string;

  async function user(tenant: TestTenant, role: 'operator' | 'author' | 'admin' | 'bank'): Promise<Login> {
    const tenants = await host.registry.get(coreServices.tenants);
    const login = { email: randomEmail(), password: crypto.randomBytes(12).toString('base64url') };
    await tenants.createUser(tenant.id, { system: 'test' }, { email: login.email, displayName: `Test ${role}`, password: login.password, role });
    return login;
  }

  async function shot(page: Page, name: string, fullPage = true): Promise<void> {
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage });
  }

  /** The id of the focused element, and whether it shows a focus outline. */
  async function focused(page: Page): Promise<{ id: string; outline: string }> {
    return page.evaluate<{ id: string; outline: string }>(
      "(() => { const element = document.activeElement; return { id: element?.id ?? '', outline: element ? getComputedStyle(element).outlineStyle : 'none' }; })()",
    );
  }

  /** Signs in with the keyboard alone: the email field has the focus, Tab moves to the password and to the button, Enter submits. */
  async function signIn(login: Login, options: { timezoneId?: string } = {}): Promise<Page> {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true, ...options });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${baseUrl}/`);
    await page.getByRole('heading', { name: 'Sign in to Repogen' }).waitFor();
    assert.equal((await focused(page)).id, 'login-email', 'the email field has the focus');
    await page.keyboard.type(login.email);
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).id, 'login-password', 'Tab moves to the password');
    await page.keyboard.type(login.password);
    await page.keyboard.press('Tab');
    const onButton = await page.evaluate<string>("document.activeElement?.textContent ?? ''");
    assert.equal(onButton, 'Sign in', 'Tab moves to the button');
    assert.equal((await focused(page)).outline, 'solid', 'the focused button shows its focus');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Reports', exact: true }).waitFor();
    return page;
  }

  /** Files dropped on the upload hub as a browser's drag and drop delivers them: a real drop event carrying a DataTransfer. */
  async function dropFiles(page: Page, files: readonly { path: string; type: string }[]): Promise<void> {
    const payload = await Promise.all(files.map(async (file) => ({ name: path.basename(file.path), type: file.type, base64: (await fs.readFile(file.path)).toString('base64') })));
    const dataTransfer = await page.evaluateHandle((items) => {
      // The page's own constructors (the test compiles without the DOM library).
      const web = globalThis as unknown as {
        DataTransfer: new () => { items: { add(file: unknown): void } };
        File: new (parts: Uint8Array[], name: string, options: { type: string }) => unknown;
        atob(text: string): string;
      };
      const transfer = new web.DataTransfer();
      for (const item of items) transfer.items.add(new web.File([Uint8Array.from(web.atob(item.base64), (c) => c.charCodeAt(0))], item.name, { type: item.type }));
      return transfer;
    }, payload);
    const zone = page.getByTestId('drop-zone');
    await zone.dispatchEvent('dragenter', { dataTransfer });
    await zone.dispatchEvent('dragover', { dataTransfer });
    await page.locator('.drop-zone.over').waitFor();
    await zone.dispatchEvent('drop', { dataTransfer });
    await dataTransfer.dispose();
  }

  /** No horizontal scroll on the page; else the elements that stick out, to say what to fix. */
  async function fitsWidth(page: Page): Promise<boolean> {
    const fits = await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');
    if (!fits) {
      const wide = await page.evaluate<string[]>(
        "[...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1).slice(-6).map((el) => `${el.tagName.toLowerCase()}.${el.className} ${Math.round(el.getBoundingClientRect().right)}px`)",
      );
      console.warn(`    wider than ${page.viewportSize()?.width ?? '?'} px: ${wide.join('; ')}`);
    }
    return fits;
  }

  before(async function () {
    prerequisiteOrSkip(
      this,
      existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is not installed (scripts/install-system-deps.sh --with-test-tools)`,
    );
    libreOfficeOrSkip(this);
    assert.ok(existsSync(path.join(ROOT, 'admin-ui/dist/index.html')), 'the admin UI is built (npm run build)');
    await fs.mkdir(ARTIFACTS, { recursive: true });
    workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'repogen-browser-'));

    host = await createTestHost();
    await host.server.start();
    baseUrl = `http://127.0.0.1:${host.server.info.port}`;
    worker = await startTestWorker(host, coreJobs);

    firm = await host.createTenant('firm');
    packKey = uniquePackKey('UI');
    // Suggested for the test bank above every bundled pack, so the create screen picks this copy.
    const selection = { banks: [TEST_BANK], priority: 1000, reason: 'The admin UI test pack, for the test bank' };
    const built = await buildPackVariant(SBI_PACK_DIR, { packageJson: (pkg) => (pkg.repogen = { ...pkg.repogen, key: packKey, selection }) });
    packVersion = built.manifest.version;
    const upload = await host.server.inject({ method: 'POST', url: '/v1/packs', headers: { ...(await firm.headers('author')), 'content-type': 'application/octet-stream' }, payload: built.bytes });
    assert.equal(upload.statusCode, 201, upload.payload);
    const published = await host.server.inject({ method: 'POST', url: `/v1/packs/${packKey}/versions/${packVersion}/publish`, headers: await firm.headers('admin') });
    assert.equal(published.statusCode, 200, published.payload);

    // The firm pays in prepaid credits: generating reserves one, releasing consumes it.
    const account = await host.server.inject({ method: 'POST', url: '/v1/billing/accounts', headers: { ...(await firm.headers('admin')), 'idempotency-key': crypto.randomUUID() }, payload: { mode: 'CREDIT' } });
    assert.equal(account.statusCode, 201, account.payload);
    firmAccountId = json(account).id as string;
    const granted = await host.server.inject({ method: 'POST', url: `/v1/billing/accounts/${firmAccountId}/grants`, headers: { ...(await firm.headers('admin')), 'idempotency-key': crypto.randomUUID() }, payload: { credits: 2, reason: 'Opening balance for the browser test' } });
    assert.equal(granted.statusCode, 201, granted.payload);

    logins.operator = await user(firm, 'operator');
    logins.author = await user(firm, 'author');
    logins.admin = await user(firm, 'admin');
    const bank = await host.createTenant('bank');
    logins.bank = await user(bank, 'bank');
    const confidential = await host.server.inject({ method: 'POST', url: '/v1/reports', headers: await firm.headers('operator'), payload: { packKey, title: 'The firm’s confidential report' } });
    assert.equal(confidential.statusCode, 201, confidential.payload);
    firmReportId = json(confidential).id as string;

    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  });

  after(async () => {
    await browser?.close();
    await worker?.stop();
    await host?.close();
    if (workDir) await fs.rm(workDir, { recursive: true, force: true });
  });

  it('an operator signs in by keyboard, creates an SBI report for a bank, uploads evidence (progress, drop, keyboard), reorders it, confirms the checklist, rejects, overrides and accepts OCR, fills the form, generates, releases, downloads the released PDF, and uses the workspace on a tablet', async () => {
    const page = await signIn(logins.operator);
    // Playwright turns on file chooser interception when the first listener is added, a step behind the page:
    // a key pressed right after a first waitForEvent('filechooser') may open an uncaught native chooser.
    page.on('filechooser', () => undefined);
    const header = page.getByRole('banner');
    assert.match((await header.textContent()) ?? '', /operator/i);
    await page.getByTestId('credit-balance').getByText('Credits: 2 available').waitFor();
    await shot(page, '01-reports');

    await page.getByRole('button', { name: 'New report' }).click();
    const createForm = page.getByRole('form', { name: 'New report' });
    await createForm.getByLabel('Title').fill('Valuation of Plot 17, Nashik');
    await createForm.getByLabel('Bank').fill(TEST_BANK);
    await createForm.getByLabel('Expected value (₹)').fill('12500000');
    const suggestion = page.getByTestId('pack-suggestion');
    await suggestion.getByText(packKey).waitFor();
    await shot(page, '02-create-report');
    await suggestion.getByRole('button', { name: 'Use this pack' }).click();
    await page.getByRole('button', { name: 'Create report' }).click();
    await page.getByRole('heading', { name: 'Upload hub' }).waitFor();
    const reportId = /\/reports\/([0-9a-f-]{36})$/.exec(page.url())?.[1];
    assert.ok(reportId, page.url());

    // The report keeps the bank and expected value the pack was chosen by.
    await page.getByTestId('report-bank').getByText(`for ${TEST_BANK}`).waitFor();
    assert.match((await page.locator('#report-title + p').textContent()) ?? '', /expected value ₹1,25,00,000/);

    // A refused file says why and stores nothing; the others still go up, each with its progress bar while it does.
    const fake = path.join(workDir, 'not-a-photo.jpg');
    await fs.writeFile(fake, '<html><script>alert(1)</script></html>');
    await page.getByLabel('File the next uploads as').selectOption('photo.exterior');
    const photos = await Promise.all(
      [0, 1].map(async (index) => {
        const file = path.join(workDir, `exterior-${index}.jpg`);
        // The first is a camera-sized photo (about 2 MB of noise), so that its bar is seen part way.
        const image =
          index === 0
            ? sharp({ create: { width: 2400, height: 1800, channels: 3, background: { r: 90, g: 120, b: 90 }, noise: { type: 'gaussian', mean: 120, sigma: 60 } } })
            : sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 120, g: 120, b: 90 } } });
        await image.jpeg({ quality: 92 }).toFile(file);
        return file;
      }),
    );
    // A slow uplink (as a site office's), so that the bars are seen moving.
    const network = await page.context().newCDPSession(page);
    await network.send('Network.enable');
    await network.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 512 * 1024 });
    await page.setInputFiles('#upload-input', [...photos, fake]);
    const bigBar = page.getByRole('progressbar', { name: 'Upload of exterior-0.jpg' });
    await page.waitForFunction("(() => { const bar = document.querySelector('progress[aria-label=\"Upload of exterior-0.jpg\"]'); return bar !== null && bar.value > 0.05 && bar.value < 0.95; })()");
    assert.equal(await page.locator('.upload-queue li.upload-uploading progress').count() >= 1, true);
    for (const name of ['exterior-0.jpg', 'exterior-1.jpg', 'not-a-photo.jpg']) {
      assert.equal(await page.getByRole('progressbar', { name: `Upload of ${name}` }).isVisible(), true, `${name} has a visible bar`);
    }
    assert.match((await page.locator('.upload-queue li').filter({ hasText: 'exterior-0.jpg' }).locator('.state').textContent()) ?? '', /^\d+%$/);
    await shot(page, '03a-upload-progress', false);
    await bigBar.waitFor();
    await page.locator('.upload-refused').waitFor();
    await page.locator('.upload-queue li').filter({ hasText: 'exterior-0.jpg' }).getByText('Uploaded').waitFor({ timeout: 60_000 });
    await network.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await network.detach();
    await page.locator('.upload-queue li.upload-done').nth(1).waitFor();

    // A GPS photo dropped on the zone, as a drag from the file manager delivers it.
    await page.getByLabel('File the next uploads as').selectOption('photo.gps');
    await dropFiles(page, [{ path: path.join(OCR_FIXTURES, 'gps-classic-1.jpg'), type: 'image/jpeg' }]);
    await page.locator('.upload-queue li').filter({ hasText: 'gps-classic-1.jpg' }).getByText('Uploaded').waitFor();

    // The keyboard reaches the hidden file input from the kind chooser; the zone shows the focus, and Enter or Space opens the chooser.
    await page.getByLabel('File the next uploads as').selectOption('screenshot.guideline');
    await page.getByLabel('File the next uploads as').focus();
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).id, 'upload-input', 'Tab reaches the file input');
    assert.equal(await page.evaluate<string>("getComputedStyle(document.querySelector('[data-testid=drop-zone]')).outlineStyle"), 'solid', 'the drop zone shows the focus');
    await shot(page, '03b-upload-keyboard-focus', false);
    const [byEnter] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Enter')]);
    assert.equal(byEnter.isMultiple(), true);
    await byEnter.setFiles([path.join(OCR_FIXTURES, 'guideline-igr-indian-1.png')]);
    await page.locator('.upload-queue li').filter({ hasText: 'guideline-igr-indian-1.png' }).getByText('Uploaded').waitFor();
    const deed = path.join(workDir, 'sale_deed.pdf');
    await fs.writeFile(deed, await pdfWithPages(2));
    await page.getByLabel('File the next uploads as').selectOption('document.sale_deed');
    await page.getByLabel('File the next uploads as').focus();
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).id, 'upload-input');
    const [bySpace] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
    await bySpace.setFiles([deed]);
    await page.locator('.upload-queue li').filter({ hasText: 'sale_deed.pdf' }).getByText('Uploaded').waitFor();
    // A document sent without a kind: its name says what it is, for the checklist to confirm.
    const plan = path.join(workDir, 'Layout_Plan_2019.pdf');
    await fs.writeFile(plan, await pdfWithPages(1));
    await page.getByLabel('File the next uploads as').selectOption('');
    await page.setInputFiles('#upload-input', [plan]);
    await page.getByTestId('evidence-item').nth(5).waitFor();
    assert.equal(await page.getByTestId('evidence-item').count(), 6, 'the refused file is not stored');
    assert.match((await page.locator('.upload-refused').textContent()) ?? '', /not-a-photo\.jpg.*Refused/s);
    await page.waitForFunction("[...document.querySelectorAll('.evidence img')].every((img) => img.complete && img.naturalWidth > 0)");

    // Reordering: the second exterior photo moves ahead of the first.
    const exteriorNames = () => page.getByTestId('evidence-item').filter({ hasText: /^exterior-\d\.jpg/ }).locator('.name').allTextContents();
    const [firstExterior, secondExterior] = await exteriorNames();
    assert.ok(firstExterior && secondExterior);
    await page.getByRole('button', { name: `Move ${secondExterior} earlier` }).click();
    await page.waitForFunction(
      `(() => { const names = [...document.querySelectorAll('[data-testid=evidence-item] .name')].map((n) => n.textContent).filter((n) => /^exterior-/.test(n)); return names[0] === ${JSON.stringify(secondExterior)} && names[1] === ${JSON.stringify(firstExterior)}; })()`,
    );
    await shot(page, '03-upload-hub');

    await page.getByRole('button', { name: '2. Checklist' }).click();
    await page.getByRole('heading', { name: /Checklist/ }).waitFor();
    await page.locator('.checklist li').first().waitFor();
    const documents = page.locator('.documents li');
    await documents.filter({ hasText: 'sale_deed.pdf' }).waitFor();
    // The host guessed the plan's type from its name: the operator confirms it.
    const planRow = documents.filter({ hasText: 'Layout_Plan_2019.pdf' });
    await planRow.getByText('looks like Document: layout plan').waitFor();
    await shot(page, '04-checklist');
    await planRow.getByRole('button', { name: 'Confirm' }).click();
    await planRow.getByText('Document: layout plan', { exact: true }).waitFor();
    assert.equal(await planRow.getByRole('button', { name: 'Confirm' }).count(), 0);
    // Reordered by importance: the sale deed first.
    const documentOrder = () => documents.locator('.name').allTextContents();
    if ((await documentOrder())[0] !== 'sale_deed.pdf') await page.getByRole('button', { name: 'Move sale_deed.pdf up' }).click();
    await page.waitForFunction("document.querySelector('.documents li .name')?.textContent === 'sale_deed.pdf'");
    await page.getByRole('button', { name: 'Move sale_deed.pdf down' }).click();
    await page.waitForFunction("document.querySelector('.documents li .name')?.textContent === 'Layout_Plan_2019.pdf'");
    await page.getByRole('button', { name: 'Move sale_deed.pdf up' }).click();
    await page.waitForFunction("document.querySelector('.documents li .name')?.textContent === 'sale_deed.pdf'");
    await page.reload();
    await page.getByRole('button', { name: '2. Checklist' }).click();
    await documents.nth(1).waitFor();
    assert.deepEqual(await documentOrder(), ['sale_deed.pdf', 'Layout_Plan_2019.pdf'], 'the order is stored');
    const stored = json(await host.server.inject({ url: `/v1/reports/${reportId}/evidence`, headers: await firm.headers('operator') })) as { items: { filename: string; kind: string; kindConfirmed: boolean }[] };
    const planItem = stored.items.find((item) => item.filename === 'Layout_Plan_2019.pdf');
    assert.deepEqual([planItem?.kind, planItem?.kindConfirmed], ['document.layout_plan', true], 'the confirmed kind is stored');
    await shot(page, '04b-checklist-confirmed');

    await page.getByRole('button', { name: '3. Auto-filled review' }).click();
    const proposal = (field: string) => page.getByTestId('proposal').filter({ hasText: field });
    await proposal('/property/gps/lat').waitFor({ timeout: 90_000 });
    await proposal('/guideline/landRatePerSqm').waitFor({ timeout: 60_000 });
    // Each reading sits beside the part of its photo it came from: outlined on the thumbnail, enlarged below.
    const latProposal = proposal('/property/gps/lat').filter({ hasText: 'ocr' }).first();
    await latProposal.getByTestId('proposal-region').waitFor();
    const crop = latProposal.getByRole('img', { name: 'Where /property/gps/lat was read in gps-classic-1.jpg' });
    await crop.waitFor();
    await crop.scrollIntoViewIfNeeded();
    await page.waitForFunction("[...document.querySelectorAll('.proposal-thumb img')].every((img) => img.complete && img.naturalWidth > 0)");
    await page.waitForFunction("[...document.querySelectorAll('.region-crop img')].some((img) => img.alt.includes('/property/gps/lat') && img.complete && img.naturalWidth > 0)");
    const box = await latProposal.getByTestId('proposal-region').boundingBox();
    const thumb = await latProposal.locator('.proposal-thumb').boundingBox();
    assert.ok(box && thumb, 'the region is drawn');
    assert.ok(box.y - thumb.y > thumb.height * 0.8, `the coordinates line is at the bottom of the photo: ${JSON.stringify({ box, thumb })}`);
    await shot(page, '05-proposals');

    // Reject one reading; override another that the pack guards, which asks for a reason.
    await proposal('/reportMeta/inspectionDate').first().getByRole('button', { name: 'Reject' }).click();
    await page.locator('.proposal-rejected').filter({ hasText: '/reportMeta/inspectionDate' }).getByText(/^rejected by/).waitFor();
    const lngProposal = proposal('/property/gps/lng').first();
    await lngProposal.getByRole('button', { name: 'Override…' }).click();
    await lngProposal.getByLabel('Your value for /property/gps/lng').fill('73.8568');
    await lngProposal.getByRole('button', { name: 'Use my value' }).click();
    await page.getByRole('dialog', { name: 'A reason is needed' }).waitFor();
    await page.getByRole('textbox', { name: 'Reason' }).fill('The overlay longitude was cut off; read from the handheld GPS');
    await shot(page, '05b-override-reason');
    await page.getByRole('button', { name: 'Save with reason' }).click();
    await page.locator('.proposal-accepted').filter({ hasText: '/property/gps/lng' }).waitFor();
    const open = page.getByTestId('proposal').filter({ has: page.getByRole('button', { name: 'Accept' }) });
    while ((await open.count()) > 0) {
      await open.first().getByRole('button', { name: 'Accept', exact: true }).click();
      await page.waitForTimeout(300);
      await page.waitForFunction("!document.querySelector('.proposals button[disabled]')");
    }
    await page.locator('.proposal-accepted').filter({ hasText: '/property/gps/lat' }).waitFor();
    const decided = json(await host.server.inject({ url: `/v1/reports/${reportId}`, headers: await firm.headers('operator') })) as { data: { property: { gps: { lng: number } }; reportMeta?: { inspectionDate?: string } } };
    assert.equal(decided.data.property.gps.lng, 73.8568, 'the operator’s value is kept');
    assert.equal(decided.data.reportMeta?.inspectionDate, undefined, 'a rejected reading changes nothing');

    await page.getByRole('button', { name: '4. Manual inputs' }).click();
    await page.getByRole('button', { name: 'Report and addressee' }).waitFor();
    await page.getByLabel('Job / reference no.', { exact: true }).fill('KRJ/SBI/2026-27/0001');
    await page.getByRole('button', { name: 'I. General' }).click();
    const extent = page.getByLabel('Actual', { exact: true }).first();
    await extent.fill('-5');
    await page.getByText(/must be >= 0/).first().waitFor();
    await extent.evaluate("(element) => element.scrollIntoView({ block: 'center' })");
    await shot(page, '06-form-inline-validation', false);
    await extent.fill('221.5');
    await page.getByRole('button', { name: 'Part A — Land' }).click();
    const rate = page.getByLabel('Adopted rate (per sq m)', { exact: true });
    await page.getByLabel('Unit of entry for Adopted rate (per sq m)').selectOption('sqft');
    await rate.fill('3902');
    await page.getByText(/= 42,000(\.\d+)? INR\/sqm/).waitFor();
    await shot(page, '07-form-sqft-entry');
    await page.getByRole('button', { name: /Save \d+ change/ }).click();
    await page.getByRole('button', { name: 'Saved' }).waitFor();

    // Replacing an OCR value the pack guards asks for a reason.
    await page.getByRole('button', { name: 'I. General' }).click();
    await page.locator('#root_property_gps_lat').fill('18.5205');
    await page.getByRole('button', { name: /Save \d+ change/ }).click();
    await page.getByRole('dialog', { name: 'A reason is needed' }).waitFor();
    await page.getByRole('textbox', { name: 'Reason' }).fill('Re-measured at the gate with a handheld GPS');
    await shot(page, '08-reason-prompt');
    await page.getByRole('button', { name: 'Save with reason' }).click();
    await page.getByRole('button', { name: 'Saved' }).waitFor();

    await page.getByRole('button', { name: '5. Values' }).click();
    const landValue = page.locator('#value-landValue');
    await landValue.getByText('why').click();
    await shot(page, '09-values');
    const landText = (await landValue.textContent()) ?? '';
    // 3,902 per sqft is ₹42,000.74 per sqm; 221.5 sqm of it is about ₹93,03,164.
    assert.match(landText, /93,03,\d{3}/, `land value = 221.5 sqm × the adopted rate: ${landText}`);

    await page.getByRole('button', { name: '6. Generate' }).click();
    await page.getByRole('button', { name: 'Generate v1' }).click();
    await page.getByTestId('job').getByText('completed').waitFor({ timeout: 150_000 });
    const version = page.getByTestId('version').first();
    await version.getByText('v1', { exact: true }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), version.getByRole('link', { name: 'Download PDF' }).click()]);
    const pdfPath = path.join(workDir, 'report.pdf');
    await download.saveAs(pdfPath);
    const pdf = await fs.readFile(pdfPath);
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-', 'the download is a PDF');
    assert.ok(pdf.length > 10_000, `the PDF has content (${pdf.length} bytes)`);
    await version.getByRole('button', { name: 'Preview PDF' }).click();
    await page.locator('iframe.pdf-preview').waitFor();
    await page.waitForTimeout(1500);
    await shot(page, '10-generate-versions');
    await page.getByTestId('credit-balance').getByText('Credits: 1 available').waitFor();
    assert.match((await page.getByTestId('credit-balance').textContent()) ?? '', /balance 2 · reserved 1/);

    // Release: the gate consumes the reserved credit and the released PDF loses its DRAFT watermark.
    await page.getByRole('button', { name: '7. Release' }).click();
    await page.getByRole('button', { name: 'Release v1' }).click();
    await page.getByTestId('release-outcome').getByText('Released: 1 credit consumed.').waitFor({ timeout: 60_000 });
    const releasedLinks = page.getByTestId('released-pdf');
    const [releasedDownload] = await Promise.all([page.waitForEvent('download'), releasedLinks.getByRole('link', { name: 'Download released PDF' }).click()]);
    const releasedPath = path.join(workDir, 'released.pdf');
    await releasedDownload.saveAs(releasedPath);
    const draftDoc = await PDFDocument.load(pdf);
    const releasedDoc = await PDFDocument.load(await fs.readFile(releasedPath));
    assert.ok(readOutlineTitles(draftDoc).includes('Checker findings (draft only)'), 'the draft ends with the checker findings');
    assert.ok(releasedDoc.getPageCount() < draftDoc.getPageCount() && !readOutlineTitles(releasedDoc).includes('Checker findings (draft only)'), 'the released PDF leaves them out');
    assert.match(releasedDoc.getSubject() ?? '', /^Report /);
    for (let index = 0; index < releasedDoc.getPageCount(); index += 1) {
      assert.equal(hasTranslucentText(draftDoc, index), true, `draft page ${index + 1} carries the watermark`);
      assert.equal(hasTranslucentText(releasedDoc, index), false, `released page ${index + 1} does not`);
    }
    await releasedLinks.getByRole('button', { name: 'Preview released PDF' }).click();
    await page.locator('iframe.pdf-preview').waitFor();
    await page.waitForTimeout(1500);
    await shot(page, '17-release');
    await page.getByTestId('credit-balance').getByText('Credits: 1 available').waitFor();
    assert.match((await page.getByTestId('credit-balance').textContent()) ?? '', /balance 1 · reserved 0/);

    // The billing screen: the reserve of the generation and the consume of the release.
    await page.getByRole('link', { name: 'Billing' }).click();
    const figures = page.getByTestId('billing-account');
    await figures.getByText('Prepaid credits').waitFor();
    const entries = page.getByTestId('ledger-entry');
    await entries.nth(2).waitFor();
    const kinds = await entries.locator('.badge').allTextContents();
    assert.deepEqual(kinds, ['consume', 'reserve', 'grant'], 'newest first');
    assert.deepEqual(await entries.filter({ hasText: 'consume' }).locator('td.number').allTextContents(), ['-1', '-1'], 'a consume takes the credit from the balance and the reservation');
    assert.deepEqual(await entries.filter({ hasText: 'reserve' }).locator('td.number').allTextContents(), ['0', '+1']);
    assert.equal(await page.getByRole('heading', { name: 'Grant credits' }).count(), 0, 'an operator cannot grant');
    await shot(page, '18-billing-operator');
    await page.goto(`${baseUrl}/reports/${reportId}`);
    await page.getByRole('heading', { name: 'Valuation of Plot 17, Nashik' }).waitFor();
    // After a reload the Release step still says what the gate answered, from the audit log.
    await page.getByRole('button', { name: '7. Release' }).click();
    await page.getByTestId('release-outcome').getByText(/^Released: 1 credit consumed\. \(v1, by /).waitFor();
    assert.equal(await page.getByRole('button', { name: /^Release v/ }).count(), 0, 'a released report offers no second release');

    await page.getByRole('button', { name: 'Audit' }).click();
    await page.getByText('Re-measured at the gate with a handheld GPS').waitFor();
    await shot(page, '11-audit');

    // A tablet in portrait: every step of the workspace without a horizontal scroll.
    await page.setViewportSize({ width: 820, height: 1180 });
    const tabletSteps: readonly [string, string, () => Promise<void>][] = [
      ['1. Upload', 'upload-hub', () => page.getByTestId('evidence-item').first().waitFor()],
      ['2. Checklist', 'checklist', () => page.locator('.documents li').first().waitFor()],
      ['3. Auto-filled review', 'review', () => page.getByTestId('proposal').first().waitFor()],
      ['4. Manual inputs', 'manual-inputs', () => page.getByRole('button', { name: 'Report and addressee' }).waitFor()],
      ['5. Values', 'values', () => page.locator('#value-landValue').waitFor()],
      ['6. Generate', 'generate', () => page.getByTestId('version').first().waitFor()],
      ['7. Release', 'release', () => page.getByTestId('release-outcome').waitFor()],
      ['Audit', 'audit', () => page.getByText('Re-measured at the gate with a handheld GPS').waitFor()],
    ];
    for (const [button, name, ready] of tabletSteps) {
      await page.getByRole('button', { name: button, exact: true }).click();
      await ready();
      await page.waitForTimeout(200);
      assert.equal(await fitsWidth(page), true, `no horizontal scroll at 820 px on ${button}`);
      await shot(page, `15-tablet-${name}`);
    }
    await page.getByRole('link', { name: 'Reports', exact: true }).click();
    await page.getByTestId('report-row').first().waitFor();
    assert.equal(await fitsWidth(page), true, 'no horizontal scroll at 820 px on the reports list');
    await shot(page, '15-tablet-reports');

    const audit = await host.server.inject({ url: `/v1/audit?target=report:${reportId}&limit=200`, headers: await firm.headers('admin') });
    const actions = (json(audit).items as { action: string }[]).map((entry) => entry.action);
    assert.ok(actions.includes('report.data.changed'), actions.join(', '));
    assert.ok(actions.includes('report.released'), actions.join(', '));
    await page.context().close();
  });

  it('an author uploads a pack with a progress bar and reviews its schema diff; an admin publishes it, deprecates the older version, fills a $ref field, cancels a report and grants credits', async () => {
    const next = await buildPackVariant(SBI_PACK_DIR, {
      packageJson: (pkg) => {
        pkg.version = '1.1.0';
        pkg.repogen = { ...pkg.repogen, key: packKey };
      },
      files: {
        'schema.json': (text) => {
          // The new field is a `$ref` to a definition: the form of each section must keep the schema's `$defs`.
          const schema = JSON.parse(text) as { properties: Record<string, unknown>; $defs?: Record<string, unknown> };
          schema.$defs = { ...schema.$defs, shortNote: { type: 'string', title: 'Site visit note', maxLength: 40 } };
          schema.properties.siteVisitNote = { $ref: '#/$defs/shortNote', 'x-group': 'general', 'x-order': 9999 };
          return JSON.stringify(schema, null, 2);
        },
      },
    });
    const archive = path.join(workDir, `${packKey}-1.1.0.rpack`);
    await fs.writeFile(archive, next.bytes);

    const page = await signIn(logins.author);
    await page.getByRole('link', { name: 'Packs' }).click();
    await page.getByRole('heading', { name: 'Packs', exact: true }).waitFor();
    await page.setInputFiles('#pack-file', archive);
    await page.getByTestId('pack-upload-result').getByText(`${packKey}@1.1.0 uploaded as a draft`).waitFor({ timeout: 120_000 });
    const versionRow = (on: Page, version: string) => on.locator(`[data-testid="pack-version-row"][data-pack-key="${packKey}"][data-version="${version}"]`);
    const row = versionRow(page, '1.1.0').filter({ hasText: 'draft' });
    await row.waitFor();
    assert.equal(await row.getByRole('button', { name: 'Publish' }).count(), 0, 'an author cannot publish');
    await row.getByRole('button', { name: 'Review' }).click();
    await page.getByText('Formulas (').waitFor();
    await page.getByLabel('From version').selectOption(packVersion);
    await page.getByLabel('To version').selectOption('1.1.0');
    await page.locator('.diff .added').getByText('/siteVisitNote').waitFor();
    await shot(page, '12-packs-author');
    await page.context().close();

    const admin = await signIn(logins.admin);
    await admin.getByRole('link', { name: 'Packs' }).click();
    const draft = versionRow(admin, '1.1.0');
    await draft.getByRole('button', { name: 'Publish' }).click();
    await draft.getByText('published').waitFor();
    await shot(admin, '13-packs-admin-published');
    // The first version is deprecated: reports pinned to it keep working, new ones take 1.1.0.
    const first = versionRow(admin, packVersion);
    await first.getByRole('button', { name: 'Deprecate' }).click();
    await first.getByText('deprecated').waitFor();
    assert.equal(await first.getByRole('button', { name: 'Publish' }).count(), 1, 'a deprecated version may be published again');
    await shot(admin, '13b-packs-admin-deprecated');
    const versions = json(await host.server.inject({ url: `/v1/packs/${packKey}`, headers: await firm.headers('admin') })) as { versions: { version: string; status: string }[] };
    assert.equal(versions.versions.find((item) => item.version === packVersion)?.status, 'deprecated');

    // A report on 1.1.0: its form shows the field defined through `$ref`, validates it and saves it.
    const onNext = await host.server.inject({ method: 'POST', url: '/v1/reports', headers: await firm.headers('operator'), payload: { packKey, title: 'A report on the $ref version' } });
    assert.equal(onNext.statusCode, 201, onNext.payload);
    assert.equal(json(onNext).packVersion, '1.1.0');
    await admin.goto(`${baseUrl}/reports/${json(onNext).id as string}`);
    await admin.getByRole('button', { name: '4. Manual inputs' }).click();
    await admin.getByRole('button', { name: 'I. General' }).click();
    const note = admin.getByLabel('Site visit note', { exact: true });
    await note.fill('A note far longer than the forty characters the definition allows');
    await admin.getByText(/must NOT have more than 40 characters/).first().waitFor();
    await note.fill('Gate locked; seen from the road');
    await admin.getByRole('button', { name: /Save 1 change/ }).click();
    await admin.getByRole('button', { name: 'Saved' }).waitFor();
    await shot(admin, '13c-form-ref-field');
    const saved = json(await host.server.inject({ url: `/v1/reports/${json(onNext).id as string}`, headers: await firm.headers('admin') })) as { data: { siteVisitNote?: string } };
    assert.equal(saved.data.siteVisitNote, 'Gate locked; seen from the road');

    // Cancelling a generated report gives its reserved credit back, and says so.
    const created = await host.server.inject({ method: 'POST', url: '/v1/reports', headers: await firm.headers('operator'), payload: { packKey, title: 'A valuation the bank withdrew' } });
    assert.equal(created.statusCode, 201, created.payload);
    const withdrawnId = json(created).id as string;
    const queued = await host.server.inject({ method: 'POST', url: `/v1/reports/${withdrawnId}/generate`, headers: { ...(await firm.headers('operator')), 'idempotency-key': crypto.randomUUID() } });
    assert.equal(queued.statusCode, 202, queued.payload);
    for (let state = ''; state !== 'completed'; ) {
      state = json(await host.server.inject({ url: `/v1/jobs/${json(queued).jobId as string}`, headers: await firm.headers('operator') })).state as string;
      assert.notEqual(state, 'failed');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    // Its reservation took the last credit: the next report cannot generate, and the page says why.
    const refused = await host.server.inject({ method: 'POST', url: '/v1/reports', headers: await firm.headers('operator'), payload: { packKey, title: 'A valuation waiting for credits' } });
    assert.equal(refused.statusCode, 201, refused.payload);
    await admin.goto(`${baseUrl}/reports/${json(refused).id as string}`);
    await admin.getByRole('button', { name: '6. Generate' }).click();
    await admin.getByRole('button', { name: 'Generate v1' }).click();
    await admin.getByRole('alert').getByText(/^Not enough credits: 1 needed, 0 available\. .*\[INSUFFICIENT_CREDITS\]/).waitFor();
    await shot(admin, '21-insufficient-credits');
    assert.equal(await admin.getByTestId('job').count(), 0, 'no job was queued');

    await admin.goto(`${baseUrl}/reports/${withdrawnId}`);
    await admin.getByRole('button', { name: '7. Release' }).click();
    await admin.getByLabel('Release with an override (unpaid invoice)').check();
    assert.equal(await admin.getByRole('button', { name: 'Release v1 with override' }).isDisabled(), true, 'an override needs its reason first');
    await admin.getByLabel('Release with an override (unpaid invoice)').uncheck();
    await admin.getByLabel('Reason for cancelling').fill('The bank withdrew the assignment');
    await admin.getByRole('button', { name: 'Cancel report' }).click();
    await admin.getByTestId('cancel-outcome').getByText('1 reserved credit was given back to the account.').waitFor();
    await shot(admin, '20-cancel');
    assert.equal(json(await host.server.inject({ url: `/v1/reports/${withdrawnId}`, headers: await firm.headers('admin') })).status, 'cancelled');

    // An admin grants credits with a reason; a top-up says plainly that no provider is configured here.
    await admin.getByRole('link', { name: 'Billing' }).click();
    await admin.getByTestId('billing-account').waitFor();
    const before = Number((await admin.getByTestId('billing-account').locator('strong').textContent())?.replace(/,/g, ''));
    await admin.getByLabel('Credits to grant').fill('5');
    await admin.getByLabel('Reason for the grant').fill('Monthly allowance for the Nashik branch');
    await admin.getByRole('button', { name: 'Grant', exact: true }).click();
    await admin.getByText(`Granted 5; ${before + 5} available now.`).waitFor();
    await admin.getByTestId('ledger-entry').filter({ hasText: 'Monthly allowance for the Nashik branch' }).waitFor();
    await admin.getByTestId('credit-balance').getByText(`Credits: ${before + 5} available`).waitFor();
    await admin.getByLabel('Pay with').selectOption('stripe');
    await admin.getByRole('button', { name: 'Get a payment link' }).click();
    await admin.getByRole('alert').getByText(/No payment provider is configured.*PAYMENT_PROVIDER_NOT_CONFIGURED/).waitFor();
    await shot(admin, '19-billing-admin');
    const ledger = await host.server.inject({ url: `/v1/billing/accounts/${firmAccountId}/ledger`, headers: await firm.headers('admin') });
    assert.ok((json(ledger).items as { reason: string | null }[]).some((entry) => entry.reason === 'Monthly allowance for the Nashik branch'), 'the grant is in the ledger');
    await admin.context().close();
  });

  it('an operator finds reports by text, pack, status, bank and the days of their own time zone, page by page; a billing outage is shown, not hidden', async () => {
    const marker = `Filters ${crypto.randomBytes(3).toString('hex')}`;
    const bankName = `${marker} Urban Co-operative Bank`;
    const ids: string[] = [];
    for (let n = 1; n <= 22; n += 1) {
      const created = await host.server.inject({ method: 'POST', url: '/v1/reports', headers: await firm.headers('operator'), payload: { packKey, title: `${marker} report ${n}`, bank: bankName } });
      assert.equal(created.statusCode, 201, created.payload);
      ids.push(json(created).id as string);
    }
    // Two were made at 01:30 on 4 November in India, which is still 3 November in UTC.
    await withSystem(host.database.knex, async (trx) => {
      await trx('reports').where({ id: ids[0] }).update({ created_at: new Date('2026-11-03T20:00:00.000Z') });
      await trx('reports').where({ id: ids[1] }).update({ created_at: new Date('2026-11-03T20:10:00.000Z') });
    });

    const page = await signIn(logins.operator, { timezoneId: 'Asia/Kolkata' });
    const count = page.locator('#reports-count');
    await page.getByLabel('Bank', { exact: true }).fill(bankName.slice(0, 18).toLowerCase());
    await count.getByText('1–20 of 22').waitFor();
    assert.equal(await page.getByTestId('report-row').count(), 20);
    await page.getByRole('button', { name: 'Next' }).click();
    await count.getByText('21–22 of 22').waitFor();
    assert.deepEqual(await page.getByTestId('report-row').locator('a').allTextContents(), [`${marker} report 2`, `${marker} report 1`], 'the oldest last');
    await page.getByRole('button', { name: 'Previous' }).click();
    await count.getByText('1–20 of 22').waitFor();

    // The days are the operator's own: 4 November in India holds the two reports of 01:30 IST.
    await page.getByLabel('Created from').fill('2026-11-04');
    await page.getByLabel('Created to').fill('2026-11-04');
    await count.getByText('1–2 of 2').waitFor();
    assert.deepEqual(await page.getByTestId('report-row').locator('td:nth-child(2)').allTextContents(), [bankName, bankName]);
    await shot(page, '24-reports-bank-and-dates');
    await page.getByLabel('Created from').fill('2026-11-05');
    await page.getByLabel('Created to').fill('');
    await count.getByText('1–20 of 20').waitFor();
    await page.getByLabel('Created from').fill('');

    await page.getByLabel('Search').fill(`${marker} report 7`);
    await count.getByText('1–1 of 1').waitFor();
    await page.getByLabel('Pack', { exact: true }).selectOption(packKey);
    await count.getByText('1–1 of 1').waitFor();
    await page.getByLabel('Status').selectOption('released');
    await page.getByText('No reports match.').waitFor();
    assert.equal(await count.textContent(), 'No reports');
    await page.getByLabel('Status').selectOption('draft');
    await count.getByText('1–1 of 1').waitFor();
    await page.getByLabel('Search').fill('');
    await page.getByLabel('Status').selectOption('');
    await page.getByLabel('Bank', { exact: true }).fill(TEST_BANK);
    await page.getByTestId('report-row').filter({ hasText: 'Valuation of Plot 17, Nashik' }).waitFor();
    const banks = await page.getByTestId('report-row').locator('td:nth-child(2)').allTextContents();
    assert.ok(banks.length > 0 && banks.every((bank) => bank === TEST_BANK), banks.join(', '));
    await shot(page, '25-reports-filters');

    // The billing read fails: the header and the billing screen say so, instead of "no billing account".
    await page.route('**/v1/billing/accounts', (route) => route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ statusCode: 503, code: 'DATABASE_UNAVAILABLE', message: 'The database is not answering' }) }));
    await page.reload();
    await page.getByTestId('billing-error').getByText('Billing unavailable: The database is not answering [DATABASE_UNAVAILABLE]').waitFor();
    assert.equal(await page.getByTestId('credit-balance').count(), 0);
    await page.getByRole('link', { name: 'Billing' }).click();
    await page.getByRole('main').getByRole('alert').getByText('The database is not answering [DATABASE_UNAVAILABLE]').waitFor();
    assert.equal(await page.getByText(/has no billing account/).count(), 0);
    await shot(page, '26-billing-outage');
    await page.context().close();
  });

  it("a bank user sees neither another tenant's reports nor a report opened by its address, reads the packs it may use, and asks for its own pack", async () => {
    const page = await signIn(logins.bank);
    assert.match((await page.getByRole('banner').textContent()) ?? '', /bank/i);
    await page.getByText('No reports match.').waitFor();
    await page.goto(`${baseUrl}/reports/${firmReportId}`);
    await page.getByRole('alert').getByText(/was not found/).waitFor();
    assert.equal(await page.getByText('confidential').count(), 0);
    await shot(page, '14-bank-isolation');

    // The packs the bank may use, read-only: the published common ones, no drafts, no upload or review actions.
    await page.getByRole('link', { name: 'Packs' }).click();
    await page.getByRole('heading', { name: 'Packs', exact: true }).waitFor();
    const rows = page.getByTestId('pack-version-row');
    const ours = page.locator(`[data-testid="pack-version-row"][data-pack-key="${packKey}"][data-version="1.1.0"]`);
    await ours.filter({ hasText: 'published' }).waitFor();
    assert.equal(await page.locator('#pack-file').count(), 0, 'a bank cannot upload');
    assert.equal(await page.getByRole('button', { name: /^(Publish|Deprecate)$/ }).count(), 0, 'nor publish or deprecate');
    assert.equal(await rows.filter({ hasText: 'draft' }).count(), 0, 'drafts under review are not shown to a bank');
    await ours.getByRole('button', { name: 'Details' }).click();
    await page.getByText('Formulas (').waitFor();
    await shot(page, '14b-bank-packs');

    // The bank asks for its own format and follows its status; the firm's author answers it.
    await page.getByRole('link', { name: 'Pack requests' }).click();
    await page.getByLabel('Title').fill('Our home-loan valuation format');
    await page.getByLabel('Start from pack').selectOption(packKey);
    await page.getByLabel('What differs from the base pack').fill('A stage-wise disbursement table and our branch code on the cover.');
    await page.getByLabel('Sample reports you will share (one file name a line)').fill('sample-report-2025.docx');
    await page.getByRole('button', { name: 'Send request' }).click();
    const asked = page.getByTestId('pack-request').filter({ hasText: 'Our home-loan valuation format' });
    await asked.getByText('submitted').waitFor();
    await shot(page, '16-bank-pack-request');

    const author = await signIn(logins.author);
    await author.getByRole('link', { name: 'Pack requests' }).click();
    const incoming = author.getByTestId('pack-request').filter({ hasText: 'Our home-loan valuation format' });
    await incoming.getByLabel('Move to').selectOption('in_progress');
    await incoming.getByLabel('Note for the bank').fill('Template drafted from your sample');
    await incoming.getByRole('button', { name: 'Update' }).click();
    await incoming.getByText('in progress').waitFor();
    await author.context().close();

    await page.reload();
    await asked.getByText('in progress').waitFor();
    await asked.getByText('Template drafted from your sample').waitFor();
    await page.context().close();
  });
  it('a postpaid admin is told the invoice is unpaid, issues it, and releases with an override and a reason', async () => {
    const tenant = await host.createTenant('firm');
    const driver = new BillingDriver(host, tenant);
    const postpaidPack = await driver.publishTestPack();
    await driver.openAccount({ mode: 'POSTPAID', creditPricePaise: 75_000 });
    const reportId = await driver.createReport(postpaidPack, 'Postpaid valuation, Pune');
    const queued = await driver.generate(reportId);
    assert.equal(queued.statusCode, 202, queued.payload);
    for (let state = ''; state !== 'completed'; ) {
      state = json(await driver.call('GET', `/v1/jobs/${json(queued).jobId as string}`)).state as string;
      assert.notEqual(state, 'failed');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const invoices = json(await driver.call('GET', '/v1/billing/invoices')).items as { id: string; reportId: string; state: string }[];
    const invoice = invoices.find((item) => item.reportId === reportId);
    assert.equal(invoice?.state, 'draft');
    const label = `INV-${invoice.id.slice(0, 8).toUpperCase()}`;

    const page = await signIn(await user(tenant, 'admin'));
    await page.getByTestId('credit-balance').getByText('Postpaid billing').waitFor();
    await page.goto(`${baseUrl}/reports/${reportId}`);
    await page.getByRole('button', { name: '7. Release' }).click();
    await page.getByRole('button', { name: 'Release v1', exact: true }).click();
    await page.getByRole('alert').getByText(`Invoice ${label} is unpaid: pay it or release with an override.`, { exact: false }).waitFor();
    assert.match((await page.getByRole('alert').textContent()) ?? '', /\[INVOICE_UNPAID\]/);

    // The billing screen lists the invoice; the admin issues it.
    await page.getByRole('link', { name: 'Billing' }).click();
    const row = page.getByTestId('invoice').filter({ hasText: label });
    await row.getByText('draft', { exact: true }).waitFor();
    assert.match((await row.textContent()) ?? '', /₹750\.00/);
    await row.getByLabel(`Move ${label} to`).selectOption('issued');
    await row.getByRole('button', { name: 'Change' }).click();
    const issued = page.getByTestId('invoice').filter({ hasText: label });
    await issued.getByText('issued', { exact: true }).waitFor();
    await issued.getByRole('button', { name: 'Pay via Razorpay' }).click();
    await issued.getByRole('alert').getByText(/No payment provider is configured.*PAYMENT_PROVIDER_NOT_CONFIGURED/).waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Grant credits' }).count(), 0, 'credits are granted to prepaid accounts only');
    await shot(page, '22-billing-postpaid-invoices');

    await page.goto(`${baseUrl}/reports/${reportId}`);
    await page.getByRole('button', { name: '7. Release' }).click();
    await page.getByLabel('Release with an override (unpaid invoice)').check();
    await page.getByLabel('Reason for the override').fill('Bank confirmed payment by cheque');
    await page.getByRole('button', { name: 'Release v1 with override' }).click();
    await page.getByTestId('release-outcome').getByText(/^Released with an override by .+ because Bank confirmed payment by cheque\.$/).waitFor({ timeout: 60_000 });
    await page.getByTestId('released-pdf').getByRole('link', { name: 'Download released PDF' }).waitFor();
    await shot(page, '23-release-override');
    const audit = json(await driver.call('GET', `/v1/audit?target=report:${reportId}&action=report.released`, { role: 'admin' })).items as { reason: string | null }[];
    assert.equal(audit[0]?.reason, 'Bank confirmed payment by cheque');
    await page.context().close();
  });
});
