import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import type { RequestRoute, Server } from '@hapi/hapi';
import type { Knex } from 'knex';
import { withSystem } from '@repogen/core';
import { makePhoto } from '../render/render-fixtures.js';
import { json, type TestHost, type TestTenant } from '../support/test-host.js';
import { createFixtureReport, publishReportTestPack } from './reliability-support.js';

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
  /** The statuses its OpenAPI description names (`response.status`, or hapi-swagger's `responses`). */
  readonly documented: readonly number[];
}

/** Every route of the server, as the fuzz and the tenant matrix walk them. */
export function apiRoutes(server: Server): ApiRoute[] {
  return server.table().map((route: RequestRoute) => {
    const settings = route.settings as RequestRoute['settings'] & {
      response?: { status?: Record<string, unknown> };
      plugins?: { 'hapi-swagger'?: { responses?: Record<string, unknown> } };
      payload?: { allow?: string | string[]; parse?: boolean | string };
      validate?: { payload?: unknown; query?: unknown };
    };
    const documented = Object.keys({
      ...settings.response?.status,
      ...settings.plugins?.['hapi-swagger']?.responses,
    }).map(Number);
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
      documented,
    };
  });
}

/** A tenant's resources that routes name by id: what another tenant must not reach. */
export interface TenantResources {
  readonly tenant: TestTenant;
  readonly packKey: string;
  readonly packVersion: string;
  readonly reportId: string;
  readonly evidenceId: string;
  readonly tokenId: string;
  readonly userId: string;
  /** A generation request's job (queued; it needs no worker to exist). */
  readonly jobId: string;
  readonly billingAccountId: string;
  readonly callbackId: string;
  /** Value of each path parameter name that names one of these resources. */
  readonly params: Readonly<Record<string, string>>;
}

export async function createTenantResources(host: TestHost): Promise<TenantResources> {
  const tenant = await host.createTenant('firm');
  const packKey = await publishReportTestPack(host, tenant, { ownScope: true });
  const reportId = await createFixtureReport(host, tenant, packKey);
  const admin = await tenant.headers('admin');

  const boundary = `----repogen${crypto.randomBytes(6).toString('hex')}`;
  const photo = await makePhoto(320, 240, 'front');
  const form = Buffer.concat([
    Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="kind"\r\n\r\nphoto.exterior\r\n`),
    Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="front.jpg"\r\ncontent-type: image/jpeg\r\n\r\n`,
    ),
    photo,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const upload = await host.server.inject({
    method: 'POST',
    url: `/v1/reports/${reportId}/evidence`,
    headers: { ...admin, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: form,
  });
  assert.equal(upload.statusCode, 201, upload.payload);
  const evidenceId = (json(upload).items as { id: string }[])[0]!.id;

  const token = await host.server.inject({
    method: 'POST',
    url: '/v1/tokens',
    headers: admin,
    payload: { name: 'matrix', role: 'operator' },
  });
  assert.equal(token.statusCode, 201, token.payload);
  const user = await host.server.inject({
    method: 'POST',
    url: '/v1/users',
    headers: admin,
    payload: {
      email: `u-${crypto.randomBytes(4).toString('hex')}@example.in`,
      displayName: 'Matrix Operator',
      role: 'operator',
      password: 'correct horse battery staple',
    },
  });
  assert.equal(user.statusCode, 201, user.payload);
  const generate = await host.server.inject({
    method: 'POST',
    url: `/v1/reports/${reportId}/generate`,
    headers: { ...admin, 'idempotency-key': crypto.randomUUID() },
  });
  assert.equal(generate.statusCode, 202, generate.payload);

  const account = await host.server.inject({ method: 'POST', url: '/v1/billing/accounts', headers: admin, payload: { mode: 'CREDIT' } });
  assert.equal(account.statusCode, 201, account.payload);
  const callback = await host.server.inject({
    method: 'POST',
    url: '/v1/callbacks',
    headers: admin,
    payload: { url: 'http://127.0.0.1:9/receiver', events: ['report.generated'] },
  });
  assert.equal(callback.statusCode, 201, callback.payload);

  const tokenId = json(token).token.id as string;
  const packVersion = '1.0.0';
  const jobId = json(generate).jobId as string;
  return {
    tenant,
    packKey,
    packVersion,
    reportId,
    evidenceId,
    tokenId,
    userId: json(user).id as string,
    jobId,
    billingAccountId: json(account).id as string,
    callbackId: (json(callback) as { endpoint: { id: string } }).endpoint.id,
    params: { key: packKey, version: packVersion },
  };
}

/** The id a route's `{id}` names, by the route's path, from a tenant's resources. */
export function idFor(route: ApiRoute, resources: TenantResources): string | undefined {
  if (route.path.startsWith('/v1/reports/')) return resources.reportId;
  if (route.path.startsWith('/v1/evidence/')) return resources.evidenceId;
  if (route.path.startsWith('/v1/tokens/')) return resources.tokenId;
  if (route.path.startsWith('/v1/jobs/')) return resources.jobId;
  if (route.path.startsWith('/v1/billing/accounts/')) return resources.billingAccountId;
  if (route.path.startsWith('/v1/callbacks/{id}')) return resources.callbackId;
  return undefined;
}

/**
 * What the store holds, table by table: a row count and a digest of the rows. Columns that a
 * read touches by design (a token's last use) are left out, as are pg-boss's own bookkeeping
 * tables; its jobs are counted.
 */
export function storeSnapshot(knex: Knex): Promise<Record<string, string>> {
  // Every tenant's rows, past row-level security: the host's own connection would see none.
  return withSystem(knex, (trx) => snapshotOf(trx));
}

async function snapshotOf(knex: Knex.Transaction): Promise<Record<string, string>> {
  const tables = (await knex('information_schema.tables')
    .where({ table_schema: 'public', table_type: 'BASE TABLE' })
    .select('table_name')
    .orderBy('table_name')) as { table_name: string }[];
  const snapshot: Record<string, string> = {};
  // The Idempotency-Key replay cache keeps the answer of a harmless repeat (the existing default
  // billing account answered again): a cache of answers, not a change of what the tenant owns.
  for (const { table_name: table } of tables.filter((row) => row.table_name !== 'idempotent_requests')) {
    const rows = await knex.raw<{ rows: { row: unknown }[] }>(
      `SELECT to_jsonb(t) - 'last_used_at' - 'last_seen_at' AS row FROM "${table}" t`,
    );
    const lines = rows.rows.map((entry) => JSON.stringify(entry.row)).sort();
    snapshot[table] =
      `${lines.length}:${crypto.createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16)}`;
  }
  assert.ok(!snapshot.tenants?.startsWith('0:'), 'the snapshot sees the stored rows');
  const jobs = await knex.raw<{ rows: { n: number }[] }>(`SELECT count(*)::int AS n FROM pgboss.job`);
  snapshot['pgboss.job'] = String(jobs.rows[0]!.n);
  return snapshot;
}
