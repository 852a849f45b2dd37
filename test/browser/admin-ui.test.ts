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
import { coreJobs, coreServices, type JobService } from '@repogen/core';
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

  async function signIn(login: Login): Promise<Page> {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${baseUrl}/`);
    await page.getByLabel('Email').fill(login.email);
    // The keyboard alone signs in: Tab to the password, Enter submits.
    await page.getByLabel('Password').focus();
    await page.keyboard.type(login.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Reports', exact: true }).waitFor();
    return page;
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

  it('an operator signs in, creates an SBI report, uploads evidence, accepts OCR, fills the form, generates, releases and downloads the released PDF', async () => {
    const page = await signIn(logins.operator);
    const header = page.getByRole('banner');
    assert.match((await header.textContent()) ?? '', /operator/i);
    await page.getByTestId('credit-balance').getByText('Credits: 2 available').waitFor();
    await shot(page, '01-reports');

    await page.getByRole('button', { name: 'New report' }).click();
    await page.getByLabel('Title').fill('Valuation of Plot 17, Nashik');
    await page.getByLabel('Bank').fill(TEST_BANK);
    await page.getByLabel('Expected value (₹)').fill('12500000');
    const suggestion = page.getByTestId('pack-suggestion');
    await suggestion.getByText(packKey).waitFor();
    await shot(page, '02-create-report');
    await suggestion.getByRole('button', { name: 'Use this pack' }).click();
    await page.getByRole('button', { name: 'Create report' }).click();
    await page.getByRole('heading', { name: 'Upload hub' }).waitFor();
    const reportId = /\/reports\/([0-9a-f-]{36})$/.exec(page.url())?.[1];
    assert.ok(reportId, page.url());

    // A refused file says why and stores nothing; the others still go up.
    const fake = path.join(workDir, 'not-a-photo.jpg');
    await fs.writeFile(fake, '<html><script>alert(1)</script></html>');
    await page.getByLabel('File the next uploads as').selectOption('photo.exterior');
    const photos = await Promise.all(
      [0, 1].map(async (index) => {
        const file = path.join(workDir, `exterior-${index}.jpg`);
        await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 40 + index * 80, g: 120, b: 90 } } }).jpeg().toFile(file);
        return file;
      }),
    );
    await page.setInputFiles('#upload-input', [...photos, fake]);
    await page.locator('.upload-refused').waitFor();
    await page.getByLabel('File the next uploads as').selectOption('photo.gps');
    await page.setInputFiles('#upload-input', [path.join(OCR_FIXTURES, 'gps-classic-1.jpg')]);
    await page.getByLabel('File the next uploads as').selectOption('screenshot.guideline');
    await page.setInputFiles('#upload-input', [path.join(OCR_FIXTURES, 'guideline-igr-indian-1.png')]);
    const deed = path.join(workDir, 'sale_deed.pdf');
    await fs.writeFile(deed, await pdfWithPages(2));
    await page.getByLabel('File the next uploads as').selectOption('document.sale_deed');
    await page.setInputFiles('#upload-input', [deed]);
    await page.getByTestId('evidence-item').nth(4).waitFor();
    assert.equal(await page.getByTestId('evidence-item').count(), 5, 'the refused file is not stored');
    assert.match((await page.locator('.upload-refused').textContent()) ?? '', /not-a-photo\.jpg.*Refused/s);
    await page.waitForFunction("[...document.querySelectorAll('.evidence img')].every((img) => img.complete && img.naturalWidth > 0)");
    await shot(page, '03-upload-hub');

    await page.getByRole('button', { name: '2. Checklist' }).click();
    await page.getByRole('heading', { name: /Checklist/ }).waitFor();
    await page.locator('.checklist li').first().waitFor();
    await page.locator('.documents').getByText('sale_deed.pdf').waitFor();
    await shot(page, '04-checklist');

    await page.getByRole('button', { name: '3. Auto-filled review' }).click();
    await page.getByTestId('proposal').filter({ hasText: '/property/gps/lat' }).waitFor({ timeout: 90_000 });
    await page.getByTestId('proposal').filter({ hasText: '/guideline/landRatePerSqm' }).waitFor({ timeout: 60_000 });
    await shot(page, '05-proposals');
    const open = page.getByTestId('proposal').filter({ has: page.getByRole('button', { name: 'Accept' }) });
    while ((await open.count()) > 0) {
      await open.first().getByRole('button', { name: 'Accept', exact: true }).click();
      await page.waitForTimeout(300);
      await page.waitForFunction("!document.querySelector('.proposals button[disabled]')");
    }
    await page.locator('.proposal-accepted').filter({ hasText: '/property/gps/lat' }).waitFor();

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
    assert.equal(releasedDoc.getPageCount(), draftDoc.getPageCount());
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

    // A tablet in portrait: the same workspace without a horizontal scroll.
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.getByRole('button', { name: '1. Upload' }).click();
    await page.getByTestId('evidence-item').first().waitFor();
    assert.equal(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth'), true, 'no horizontal scroll at 820 px');
    await shot(page, '15-tablet-upload-hub');

    const audit = await host.server.inject({ url: `/v1/audit?target=report:${reportId}&limit=200`, headers: await firm.headers('admin') });
    const actions = (json(audit).items as { action: string }[]).map((entry) => entry.action);
    assert.ok(actions.includes('report.data.changed'), actions.join(', '));
    assert.ok(actions.includes('report.released'), actions.join(', '));
    await page.context().close();
  });

  it('an author uploads a pack with a progress bar and reviews its schema diff; an admin publishes it, cancels a report and grants credits', async () => {
    const next = await buildPackVariant(SBI_PACK_DIR, {
      packageJson: (pkg) => {
        pkg.version = '1.1.0';
        pkg.repogen = { ...pkg.repogen, key: packKey };
      },
      files: {
        'schema.json': (text) => {
          const schema = JSON.parse(text) as { properties: Record<string, unknown> };
          schema.properties.siteVisitNote = { type: 'string', title: 'Site visit note', 'x-group': 'general', 'x-order': 9999 };
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
    const row = page.getByTestId('pack-version-row').filter({ hasText: '1.1.0' }).filter({ hasText: 'draft' });
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
    const draft = admin.getByTestId('pack-version-row').filter({ hasText: '1.1.0' });
    await draft.getByRole('button', { name: 'Publish' }).click();
    await draft.getByText('published').waitFor();
    await shot(admin, '13-packs-admin-published');

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

  it("a bank user sees neither another tenant's reports nor a report opened by its address, and asks for its own pack", async () => {
    const page = await signIn(logins.bank);
    assert.match((await page.getByRole('banner').textContent()) ?? '', /bank/i);
    await page.getByText('No reports match.').waitFor();
    await page.goto(`${baseUrl}/reports/${firmReportId}`);
    await page.getByRole('alert').getByText(/was not found/).waitFor();
    assert.equal(await page.getByText('confidential').count(), 0);
    await shot(page, '14-bank-isolation');

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
