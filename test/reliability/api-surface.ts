import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RequestRoute, Server } from '@hapi/hapi';
import type Joi from 'joi';
import type { Knex } from 'knex';
import { coreServices, generateReportJob, ocrEvidenceJob, withSystem } from '@repogen/core';
import { BillingDriver } from '../billing/billing-test-support.js';
import { fixturePath, readTruth } from '../evidence/ocr-labelled-set.js';
import { makePhoto } from '../render/render-fixtures.js';
import { createTestHost, json, type TestHost, type TestTenant } from '../support/test-host.js';
import { startTestWorker } from '../support/test-worker.js';
import {
  awaitJob,
  blobFiles,
  createFixtureReport,
  publishReportTestPack,
  requestGeneration,
  settled,
} from './reliability-support.js';

export interface ApiRoute {
  readonly method: string;
  readonly path: string;
  readonly params: readonly string[];
  /** Whether the route reads a body (a JSON payload, a multipart form, a pack archive). */
  readonly takesBody: boolean;
  readonly multipart: boolean;
  readonly needsAuth: boolean;
  /** Whether the route checks its query string (a bad value there is refused). */
  readonly validatesQuery: boolean;
  /** The top-level fields of its JSON body and of its query string, as its joi schemas name them. */
  readonly bodyFields: readonly string[];
  readonly queryFields: readonly string[];
}

/** Every route of the server, as the fuzz and the tenant matrix walk them. */
export function apiRoutes(server: Server): ApiRoute[] {
  return server.table().map((route: RequestRoute) => {
    const settings = route.settings as RequestRoute['settings'] & {
      payload?: { allow?: string | string[]; parse?: boolean | string };
      validate?: { payload?: unknown; query?: unknown };
    };
    const allow = [settings.payload?.allow ?? []].flat();
    const params = [...route.path.matchAll(/\{(\w+)\??\}/g)].map((match) => match[1]!);
    return {
      method: route.method.toUpperCase(),
      path: route.path,
      params,
      takesBody: route.method !== 'get' && (Boolean(settings.validate?.payload) || allow.length > 0),
      multipart: allow.includes('multipart/form-data'),
      needsAuth: (settings.auth as unknown) !== false,
      validatesQuery: Boolean(settings.validate?.query),
      bodyFields: fieldsOf(settings.validate?.payload),
      queryFields: fieldsOf(settings.validate?.query),
    };
  });
}

function fieldsOf(schema: unknown): string[] {
  if (!schema || typeof (schema as Joi.Schema).describe !== 'function') return [];
  return Object.keys((schema as Joi.Schema).describe().keys ?? {});
}

/** The committed API description: what each route answers, and the catalogue of error codes. */
export interface ApiDocument {
  /** The statuses documented for `METHOD /path`, or `undefined` for a route the document leaves out. */
  statuses(method: string, path: string): readonly number[] | undefined;
  readonly errorCodes: ReadonlySet<string>;
}

export async function committedApiDocument(): Promise<ApiDocument> {
  const file = path.resolve(import.meta.dirname, '../../openapi.json');
  const document = JSON.parse(await fs.readFile(file, 'utf8')) as {
    paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
    definitions: { Error: { properties: { code: { description: string } } } };
  };
  // The catalogue is listed in the Error shape's `code` description (core's API_ERROR_CODES).
  const catalogue = document.definitions.Error.properties.code.description.split('One of: ')[1] ?? '';
  const errorCodes = new Set(catalogue.split(', ').map((code) => code.trim()));
  return {
    statuses: (method, route) => {
      const operation = document.paths[route]?.[method.toLowerCase()];
      return operation ? Object.keys(operation.responses ?? {}).map(Number) : undefined;
    },
    errorCodes,
  };
}

/** The payment plugins configured as in production (signatures checked), with their APIs on a closed local port. */
export const PAYMENT_PLUGIN_ENV: Readonly<Record<string, string>> = {
  STRIPE_SECRET_KEY: 'sk_test_fuzz',
  STRIPE_WEBHOOK_SECRET: 'whsec_fuzz',
  STRIPE_API_BASE: 'http://127.0.0.1:9',
  RAZORPAY_KEY_ID: 'rzp_test_fuzz',
  RAZORPAY_KEY_SECRET: 'razorpay-fuzz-secret',
  RAZORPAY_WEBHOOK_SECRET: 'razorpay-fuzz-webhook',
  RAZORPAY_API_BASE: 'http://127.0.0.1:9',
};

export interface SurfaceHost {
  readonly host: TestHost;
  /** The host's blob store, a directory of this host's own. */
  readonly blobRoot: string;
  close(): Promise<void>;
}

/**
 * A host with the payment plugins configured (an unconfigured provider answers 503 by design,
 * before it looks at the account) and a data directory of its own, so that its blob store
 * holds only what this host wrote.
 */
export async function createSurfaceHost(): Promise<SurfaceHost> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'repogen-surface-'));
  const host = await createTestHost({ pluginEnv: PAYMENT_PLUGIN_ENV, hostEnv: { REPOGEN_DATA_DIR: dataDir } });
  return {
    host,
    // Where core's file blob store keeps its files under the data directory.
    blobRoot: path.join((await host.registry.get(coreServices.config)).dataDir, 'blobs'),
    async close() {
      await host.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** What a route's path parameter, a body field or a query field can name. */
export type ResourceType =
  | 'report'
  | 'externalKey'
  | 'reportVersion'
  | 'evidence'
  | 'artifact'
  | 'job'
  | 'token'
  | 'user'
  | 'billingAccount'
  | 'postpaidAccount'
  | 'billingKey'
  | 'invoice'
  | 'packRequest'
  | 'proposal'
  | 'callback'
  | 'callbackDelivery'
  | 'packKey'
  | 'packVersion';

export type ResourceValues = Readonly<Record<ResourceType, string>>;

/**
 * The resource type each path parameter names, by the route's path up to that parameter. A
 * route with a parameter missing here fails the matrix and the fuzz, so a new route is mapped
 * before it is tested as anything.
 */
const PATH_PARAMETERS: Readonly<Record<string, ResourceType>> = {
  '/v1/artifacts/{id}': 'artifact',
  '/v1/billing/accounts/{id}': 'billingAccount',
  '/v1/billing/invoices/{id}': 'invoice',
  '/v1/callbacks/{id}': 'callback',
  '/v1/callbacks/deliveries/{id}': 'callbackDelivery',
  '/v1/evidence/{id}': 'evidence',
  '/v1/jobs/{id}': 'job',
  '/v1/pack-requests/{id}': 'packRequest',
  '/v1/packs/{key}': 'packKey',
  '/v1/packs/{key}/versions/{version}': 'packVersion',
  '/v1/proposals/{id}': 'proposal',
  '/v1/reports/{id}': 'report',
  '/v1/reports/by-external-key/{key}': 'externalKey',
  '/v1/tokens/{id}': 'token',
};

/** The value of each of the route's path parameters, taken from `values` by the parameter's resource type. */
export function parameterValues(route: ApiRoute, values: ResourceValues): Record<string, string> {
  const resolved: Record<string, string> = {};
  for (const name of route.params) {
    const at = route.path.search(new RegExp(`\\{${name}\\??\\}`));
    const prefix = `${route.path.slice(0, at)}{${name}}`;
    const type = PATH_PARAMETERS[prefix];
    assert.ok(type, `${route.method} ${route.path}: {${name}} names no known resource type; map "${prefix}" in PATH_PARAMETERS`);
    resolved[name] = values[type];
  }
  return resolved;
}

/** The route's URL with its parameters filled in from `values` (each percent-encoded). */
export function routeUrl(route: ApiRoute, values: Readonly<Record<string, string>>): string {
  let url = route.path;
  for (const name of route.params) url = url.replace(new RegExp(`\\{${name}\\??\\}`), encodeURIComponent(values[name]!));
  return url;
}

/** A tenant's resources of every type that a route names: what another tenant must not reach. */
export interface TenantResources {
  readonly tenant: TestTenant;
  readonly slug: string;
  /** One value of every type, each naming a resource of the tenant's own. */
  readonly values: ResourceValues;
  /** Every value above and the tenant's id and slug: strings no answer to another tenant may hold. */
  readonly secrets: readonly string[];
}

/** Values of every type that name nothing (a pack version stays: with an unknown key it names nothing). */
export function absentValues(owner: ResourceValues): ResourceValues {
  const id = () => crypto.randomUUID();
  const hex = crypto.randomBytes(5).toString('hex');
  return {
    report: id(),
    externalKey: `v1:assignment:${Date.now()}-absent-${hex}`,
    reportVersion: id(),
    evidence: id(),
    artifact: id(),
    job: id(),
    token: id(),
    user: id(),
    billingAccount: id(),
    postpaidAccount: id(),
    billingKey: `absent-billing-${hex}`,
    invoice: id(),
    packRequest: id(),
    proposal: id(),
    callback: id(),
    callbackDelivery: id(),
    packKey: `NOPE_${hex.toUpperCase()}_V1`,
    packVersion: owner.packVersion,
  };
}

async function upload(host: TestHost, tenant: TestTenant, reportId: string, kind: string, name: string, bytes: Buffer) {
  const boundary = `----repogen${crypto.randomBytes(6).toString('hex')}`;
  const form = Buffer.concat([
    Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="kind"\r\n\r\n${kind}\r\n`),
    Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${name}"\r\ncontent-type: image/jpeg\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const response = await host.server.inject({
    method: 'POST',
    url: `/v1/reports/${reportId}/evidence`,
    headers: { ...(await tenant.headers('admin')), 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: form,
  });
  assert.equal(response.statusCode, 201, response.payload);
  return (json(response).items as { id: string }[])[0]!.id;
}

/**
 * A firm that owns a real resource of every type a route names: a tenant-scoped pack, a report
 * generated by a worker (its version, artifacts and job) and one billed to a POSTPAID account
 * (its invoice), evidence read by OCR (a proposal), a callback with a recorded delivery, a
 * pack request, a token, a user, a CREDIT account with a grant. The worker is stopped before
 * this returns, so the store holds still afterwards. Needs LibreOffice.
 */
export async function createTenantResources(host: TestHost): Promise<TenantResources> {
  const tenant = await host.createTenant('firm');
  const admin = await tenant.headers('admin');
  const call = async (method: string, url: string, payload?: object, headers: Record<string, string> = {}) =>
    host.server.inject({ method, url, headers: { ...admin, ...headers }, ...(payload ? { payload } : {}) });
  const billing = new BillingDriver(host, tenant);

  const packKey = await publishReportTestPack(host, tenant, { ownScope: true });
  const reportId = await createFixtureReport(host, tenant, packKey);
  const billingKey = `matrix-${crypto.randomBytes(4).toString('hex')}`;
  const postpaid = await billing.openAccount({ mode: 'POSTPAID', externalKey: billingKey, creditPricePaise: 50_000 });
  const billed = await billing.createReport(packKey, 'Valuation billed to a postpaid account', billingKey);

  const callback = await call('POST', '/v1/callbacks', { url: 'http://127.0.0.1:9/receiver', events: ['report.generated'] });
  assert.equal(callback.statusCode, 201, callback.payload);

  // Started before anything is queued: it cancels the jobs of its kinds that are waiting.
  const worker = await startTestWorker(host, [generateReportJob, ocrEvidenceJob]);
  let evidenceId: string;
  let jobId: string;
  try {
    evidenceId = await upload(host, tenant, reportId, 'photo.exterior', 'front.jpg', await makePhoto(320, 240, 'front'));
    const gps = (await readTruth()).find((entry) => entry.kind === 'photo.gps' && entry.style === 'classic')!;
    await upload(host, tenant, reportId, 'photo.gps', gps.file, await fs.readFile(fixturePath(gps.file)));
    jobId = await requestGeneration(host, tenant, reportId, crypto.randomUUID());
    const billedJob = await requestGeneration(host, tenant, billed, crypto.randomUUID());
    for (const job of [jobId, billedJob]) {
      const done = await awaitJob(host, tenant, job, settled, 180_000);
      assert.equal(done.state, 'completed', JSON.stringify(done));
    }
    const deadline = Date.now() + 180_000;
    for (;;) {
      const items = json(await call('GET', `/v1/reports/${reportId}/evidence`)).items as { ocr: { status: string } }[];
      if (items.every((item) => item.ocr.status !== 'queued')) break;
      if (Date.now() > deadline) assert.fail(`OCR did not finish: ${JSON.stringify(items.map((item) => item.ocr))}`);
      await sleep(250);
    }
  } finally {
    await worker.stop();
  }

  const creditAccount = await billing.openAccount({ mode: 'CREDIT' });
  assert.equal((await billing.grant(creditAccount.id, 1)).statusCode, 201);
  const token = await call('POST', '/v1/tokens', { name: 'matrix', role: 'operator' });
  assert.equal(token.statusCode, 201, token.payload);
  const user = await call('POST', '/v1/users', {
    email: `u-${crypto.randomBytes(4).toString('hex')}@example.in`,
    displayName: 'Matrix Operator',
    role: 'operator',
    password: 'correct horse battery staple',
  });
  assert.equal(user.statusCode, 201, user.payload);
  const packRequest = await call('POST', '/v1/pack-requests', {
    title: 'A format of our own',
    basePackKey: packKey,
    differences: 'Two more annexures',
  });
  assert.equal(packRequest.statusCode, 201, packRequest.payload);

  const report = json(await call('GET', `/v1/reports/${reportId}`)) as { externalKey: string };
  const versions = json(await call('GET', `/v1/reports/${reportId}/versions`)).items as {
    id: string;
    artifacts: { id: string; kind: string }[];
  }[];
  const invoices = json(await call('GET', `/v1/billing/invoices?accountId=${postpaid.id}`)).items as { id: string }[];
  const proposals = json(await call('GET', `/v1/reports/${reportId}/proposals`)).items as { id: string; source: string }[];
  const deliveries = json(await call('GET', '/v1/callbacks/deliveries')).items as { id: string }[];
  const proposal = proposals.find((item) => item.source === 'ocr');
  assert.ok(proposal, `OCR proposed a value for the GPS photo: ${JSON.stringify(proposals)}`);
  assert.equal(invoices.length, 1, 'the postpaid report has its invoice');
  assert.ok(deliveries.length > 0, 'the generation recorded a callback delivery');

  const values: ResourceValues = {
    report: reportId,
    externalKey: report.externalKey,
    reportVersion: versions[0]!.id,
    evidence: evidenceId,
    artifact: versions[0]!.artifacts.find((artifact) => artifact.kind === 'pdf')!.id,
    job: jobId,
    token: json(token).token.id as string,
    user: json(user).id as string,
    billingAccount: creditAccount.id,
    postpaidAccount: postpaid.id,
    billingKey,
    invoice: invoices[0]!.id,
    packRequest: json(packRequest).id as string,
    proposal: proposal.id,
    callback: (json(callback) as { endpoint: { id: string } }).endpoint.id,
    callbackDelivery: deliveries[0]!.id,
    packKey,
    packVersion: '1.0.0',
  };
  await assertOwned(host.database.knex, tenant.id, values);
  const artifactIds = versions.flatMap((version) => version.artifacts.map((artifact) => artifact.id));
  const secrets = [
    ...Object.entries(values)
      .filter(([type]) => type !== 'packVersion')
      .map(([, value]) => value),
    ...artifactIds,
    billed,
    tenant.id,
    tenant.slug,
  ];
  return { tenant, slug: tenant.slug, values, secrets: [...new Set(secrets)] };
}

/** Where each type's value is stored, so that every value is shown to be a row of the tenant's own. */
const OWNED_ROWS: Readonly<Record<ResourceType, (values: ResourceValues) => [table: string, where: Record<string, string>]>> =
  {
    report: (v) => ['reports', { id: v.report }],
    externalKey: (v) => ['reports', { external_key: v.externalKey }],
    reportVersion: (v) => ['report_versions', { id: v.reportVersion }],
    evidence: (v) => ['evidence', { id: v.evidence }],
    artifact: (v) => ['artifacts', { id: v.artifact }],
    job: (v) => ['generation_requests', { job_id: v.job }],
    token: (v) => ['api_tokens', { id: v.token }],
    user: (v) => ['users', { id: v.user }],
    billingAccount: (v) => ['billing_accounts', { id: v.billingAccount }],
    postpaidAccount: (v) => ['billing_accounts', { id: v.postpaidAccount }],
    billingKey: (v) => ['billing_accounts', { external_key: v.billingKey }],
    invoice: (v) => ['billing_invoices', { id: v.invoice }],
    packRequest: (v) => ['pack_requests', { id: v.packRequest }],
    proposal: (v) => ['evidence_proposals', { id: v.proposal }],
    callback: (v) => ['callback_endpoints', { id: v.callback }],
    callbackDelivery: (v) => ['callback_deliveries', { id: v.callbackDelivery }],
    packKey: (v) => ['pack_versions', { key: v.packKey }],
    packVersion: (v) => ['pack_versions', { key: v.packKey, version: v.packVersion }],
  };

async function assertOwned(knex: Knex, tenantId: string, values: ResourceValues): Promise<void> {
  await withSystem(knex, async (trx) => {
    for (const [type, locate] of Object.entries(OWNED_ROWS)) {
      const [table, where] = locate(values);
      const row = await trx<{ tenant_id: string }>(table).where(where).first('tenant_id');
      assert.equal(row?.tenant_id, tenantId, `the ${type} ${JSON.stringify(where)} is a row of the owner in ${table}`);
    }
  });
}

/** One row of the Idempotency-Key cache. */
export interface IdempotencyClaim {
  readonly tenantId: string;
  readonly key: string;
  readonly method: string;
  readonly path: string;
  /** `null` while the request that claimed the key is running. */
  readonly status: number | null;
}

/** What the host holds: its tables, its Idempotency-Key cache and its blob store. */
export interface StoreSnapshot {
  /** Each table but the Idempotency-Key cache: a row count and a digest of the rows; and the queue's job count. */
  readonly tables: Readonly<Record<string, string>>;
  readonly claims: readonly IdempotencyClaim[];
  /** Every file under the blob store's root, by path, with its size. */
  readonly blobs: Readonly<Record<string, number>>;
}

/**
 * A snapshot of the store. Columns that a read touches by design (a token's last use) are
 * left out, as are pg-boss's own bookkeeping tables; its jobs are counted.
 */
export async function storeSnapshot(surface: SurfaceHost): Promise<StoreSnapshot> {
  // Every tenant's rows, past row-level security: the host's own connection would see none.
  const { tables, claims } = await withSystem(surface.host.database.knex, (trx) => snapshotOf(trx));
  return { tables, claims, blobs: await blobFiles(surface.blobRoot) };
}

async function snapshotOf(knex: Knex.Transaction): Promise<Pick<StoreSnapshot, 'tables' | 'claims'>> {
  const names = (await knex('information_schema.tables')
    .where({ table_schema: 'public', table_type: 'BASE TABLE' })
    .select('table_name')
    .orderBy('table_name')) as { table_name: string }[];
  const tables: Record<string, string> = {};
  for (const { table_name: table } of names.filter((row) => row.table_name !== 'idempotent_requests')) {
    const rows = await knex.raw<{ rows: { row: unknown }[] }>(
      `SELECT to_jsonb(t) - 'last_used_at' - 'last_seen_at' AS row FROM "${table}" t`,
    );
    const lines = rows.rows.map((entry) => JSON.stringify(entry.row)).sort();
    tables[table] = `${lines.length}:${crypto.createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16)}`;
  }
  assert.ok(!tables.tenants?.startsWith('0:'), 'the snapshot sees the stored rows');
  const jobs = await knex.raw<{ rows: { n: number }[] }>(`SELECT count(*)::int AS n FROM pgboss.job`);
  tables['pgboss.job'] = String(jobs.rows[0]!.n);
  const claims = (
    (await knex('idempotent_requests')
      .select('tenant_id', 'idempotency_key', 'method', 'path', 'response_status')
      .orderBy(['tenant_id', 'idempotency_key'])) as {
      tenant_id: string;
      idempotency_key: string;
      method: string;
      path: string;
      response_status: number | null;
    }[]
  ).map((row) => ({
    tenantId: row.tenant_id,
    key: row.idempotency_key,
    method: row.method,
    path: row.path,
    status: row.response_status,
  }));
  return { tables, claims };
}
