import fs from 'node:fs/promises';
import path from 'node:path';
import type { JsonValue } from '@repogen/sdk';
import type { Principal } from '../auth/principal.js';
import { coreServices } from '../core-services.js';
import { isDomainError } from '../errors/domain-error.js';
import { NO_EVIDENCE } from '../generation/evidence-source.js';
import { readEvidenceFolder } from '../generation/folder-evidence-source.js';
import { traceDocument } from '../generation/generated-artifacts.js';
import type { ProgressEvent } from '../generation/generation-steps.js';
import { runReportPipeline } from '../generation/report-pipeline.js';
import { installBundledPacks } from '../packs/bundled-packs.js';
import { checkPackSettings } from '../packs/check-pack-settings.js';
import type { PackSettings } from '../packs/pack-settings-store.js';
import { splitProblems } from '../reports/report-readiness.js';
import { CliError, EXIT } from './cli-error.js';
import type { HostRuntime } from './host-runtime.js';

export interface GenerateOptions {
  /** `KEY` or `KEY@version`. */
  readonly pack: string;
  readonly dataFile: string;
  /**
   * A JSON object of pack settings for this generation (a fixture's `settings`), checked as
   * PUT /v1/packs/{key}/settings checks a tenant's; it replaces the local tenant's stored choices.
   */
  readonly settingsFile?: string | undefined;
  readonly evidenceDir: string | undefined;
  readonly outDir: string;
  readonly pdf: boolean;
  /** Where the packs to install come from; the repository's template-packs when omitted. */
  readonly packsDir: string | undefined;
  readonly out?: (line: string) => void;
}

/** The tenant local generation runs as on the embedded store; a firm, so it sees every pack. */
const LOCAL_TENANT = { slug: 'local-cli', name: 'Local generation', kind: 'firm' } as const;

/**
 * `repogen generate`: the whole pipeline on the local store, without a server or a queue.
 * Installs the bundled packs (as serve does), reads the data and the evidence folder, and
 * writes report.docx, trace.json and, with --pdf, report.pdf.
 */
export async function generate(runtime: HostRuntime, options: GenerateOptions): Promise<number> {
  const print = options.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const { registry, logger } = runtime;
  try {
    const input = await readData(options.dataFile);
    const settings = options.settingsFile === undefined ? undefined : await readSettings(options.settingsFile);
    const evidence = options.evidenceDir === undefined ? NO_EVIDENCE : await readEvidenceFolder(path.resolve(options.evidenceDir));
    const evidenceCount = (await evidence.list()).length;

    print('Installing bundled packs…');
    const packs = await registry.get(coreServices.packs);
    const installs = await installBundledPacks(packs, logger, options.packsDir === undefined ? undefined : path.resolve(options.packsDir));
    const [key, version] = options.pack.split('@') as [string, string | undefined];
    const install = installs.find((candidate) => candidate.key === key && (version === undefined || candidate.version === version));
    if (install?.outcome === 'failed') throw new CliError(`Pack ${key}@${install.version} could not be installed: ${install.error ?? 'unknown error'}`, EXIT.failure);

    const principal = await localPrincipal(runtime);
    const resolved = await packs.resolve(principal, key, version);
    checkData(options.dataFile, resolved.validateInput(input));
    if (settings !== undefined) checkSettings(options.settingsFile ?? '', resolved.detail.key, resolved.detail.description.settings ?? {}, settings);
    const pack = settings === undefined ? resolved : { ...resolved, settings };
    for (const [name, setting] of Object.entries(pack.settings)) print(`  setting ${name} = ${JSON.stringify(setting)}`);
    print(`Generating with ${pack.detail.key}@${pack.detail.version} (${evidenceCount} evidence file${evidenceCount === 1 ? '' : 's'})`);

    const now = new Date();
    const result = await runReportPipeline(
      { sandbox: await registry.get(coreServices.sandbox), renderer: await registry.get(coreServices.renderer) },
      {
        pack,
        callerTenantId: principal.tenantId,
        input,
        evidence,
        report: { title: titleOf(input, pack.detail.title), reference: referenceOf(input, options.dataFile), version: 1, draft: true },
        now,
        pdf: options.pdf,
        onProgress: (event: ProgressEvent) => {
          if (event.state === 'done') print(`  ✓ ${event.step} (${event.ms ?? 0} ms)`);
          if (event.state === 'failed') print(`  ✗ ${event.step} (${event.code ?? 'failed'})`);
        },
      },
    );

    await fs.mkdir(options.outDir, { recursive: true });
    const written: string[] = [];
    const write = async (name: string, bytes: Buffer) => {
      await fs.writeFile(path.join(options.outDir, name), bytes);
      written.push(path.join(options.outDir, name));
    };
    await write('report.docx', result.docx);
    if (result.pdf) await write('report.pdf', result.pdf);
    await write('trace.json', traceDocument(result, { key: result.packKey, version: result.packVersion }));
    for (const warning of result.warnings) print(`  ${warning.level}: ${warning.code} — ${warning.message}`);
    print(`Wrote ${written.join(', ')}`);
    return EXIT.ok;
  } catch (error) {
    if (isDomainError(error)) throw new CliError(`${error.code}: ${error.message}`, EXIT.failure);
    throw error;
  } finally {
    await registry.dispose();
  }
}

async function readData(file: string): Promise<JsonValue> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(`--data ${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`, EXIT.failure);
  }
  try {
    return JSON.parse(text) as JsonValue;
  } catch (error) {
    throw new CliError(`--data ${file}: is not JSON (${(error as Error).message})`, EXIT.failure);
  }
}

async function readSettings(file: string): Promise<PackSettings> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(`--settings ${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`, EXIT.failure);
  }
  let settings: JsonValue;
  try {
    settings = JSON.parse(text) as JsonValue;
  } catch (error) {
    throw new CliError(`--settings ${file}: is not JSON (${(error as Error).message})`, EXIT.failure);
  }
  if (!isObject(settings)) throw new CliError(`--settings ${file}: must be a JSON object of setting names and values`, EXIT.failure);
  return settings;
}

function checkSettings(file: string, packKey: string, defaults: PackSettings, settings: PackSettings): void {
  try {
    checkPackSettings(packKey, defaults, settings);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const known = Object.keys(defaults).join(', ');
    throw new CliError(`--settings ${file}: ${error.code}: ${error.message} (known: ${known})`, EXIT.failure);
  }
}

function checkData(file: string, problems: readonly { path: string; message: string }[]): void {
  if (problems.length === 0) return;
  const { missing, faults } = splitProblems(problems);
  const lines = [...missing.map((field) => `${field} is required`), ...faults.map((fault) => `${fault.path} ${fault.message}`)];
  throw new CliError(`--data ${file} does not match the pack schema:\n  ${lines.join('\n  ')}`, EXIT.failure);
}

async function localPrincipal(runtime: HostRuntime): Promise<Principal> {
  const tenants = await runtime.registry.get(coreServices.tenants);
  const tenant = (await tenants.findTenantBySlug(LOCAL_TENANT.slug)) ?? (await tenants.createTenant({ system: 'cli' }, LOCAL_TENANT));
  return { tenantId: tenant.id, role: 'operator', via: 'service', userId: undefined, credentialId: 'cli', label: 'cli:generate' };
}

/** A reference for the footer: the data's own reference number when it has one, else the file name. */
function referenceOf(input: JsonValue, file: string): string {
  const meta = isObject(input) ? input.reportMeta : undefined;
  const refNo = isObject(meta) ? meta.refNo : undefined;
  return typeof refNo === 'string' && refNo !== '' ? refNo : path.basename(file, path.extname(file));
}

function titleOf(input: JsonValue, fallback: string): string {
  const title = isObject(input) ? input.title : undefined;
  return typeof title === 'string' && title !== '' ? title : fallback;
}

function isObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
