import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { makePhoto } from '../render/render-fixtures.js';
import { createTestHost, json, type TestHost, type TestTenant } from '../support/test-host.js';
import {
  apiRoutes,
  createTenantResources,
  idFor,
  storeSnapshot,
  type ApiRoute,
  type TenantResources,
} from './api-surface.js';

interface Answer {
  readonly status: number;
  readonly code: string | undefined;
  readonly payload: string;
}

/** A well-formed body for each route that takes one, so the answer depends on the id alone. */
async function validBody(route: ApiRoute): Promise<{ payload?: string | Buffer; headers?: Record<string, string> }> {
  const key = `${route.method} ${route.path}`;
  if (route.multipart) {
    const boundary = 'matrixboundary';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="side.jpg"\r\ncontent-type: image/jpeg\r\n\r\n`,
      ),
      await makePhoto(200, 150, 'side'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
  }
  const bodies: Record<string, object> = {
    'PATCH /v1/reports/{id}/data': { set: { '/addressee/borrower': 'Someone Else' }, reason: 'matrix test' },
    'PATCH /v1/evidence/{id}': { excluded: true },
    'POST /v1/proposals/{id}/accept': { reason: 'matrix test' },
    'POST /v1/packs/{key}/versions/{version}/compute': { input: {} },
    'POST /v1/pack-requests/{id}/status': { status: 'in_progress', note: 'matrix test' },
    'POST /v1/billing/accounts/{id}/grants': { credits: 1, reason: 'matrix test' },
    'POST /v1/billing/accounts/{id}/adjustments': { credits: 1, reason: 'matrix test' },
    'POST /v1/billing/invoices/{id}/state': { state: 'issued' },
    'POST /v1/reports/{id}/release': {},
    'PUT /v1/packs/{key}/settings': { settings: {}, reason: 'matrix test' },
    'POST /v1/callbacks/deliveries/{id}/redeliver': {},
  };
  const body = bodies[key] ?? (route.takesBody ? { reason: 'matrix test' } : undefined);
  const keyed = ['/generate', '/grants', '/adjustments', '/refunds'].some((suffix) => route.path.endsWith(suffix));
  const headers: Record<string, string> = keyed ? { 'idempotency-key': crypto.randomUUID() } : {};
  return body === undefined
    ? { headers }
    : { payload: JSON.stringify(body), headers: { ...headers, 'content-type': 'application/json' } };
}

/**
 * Every route that names a resource, asked by an admin of another tenant with the owner's ids
 * and with random ids: the two answers are the same refusal (nothing found, nothing told), and
 * the lists of the other tenant hold none of the owner's ids.
 */
describe('reliability: a cross-tenant matrix (every route × a token of another tenant)', function () {
  this.timeout(300_000);

  let host: TestHost;
  let owner: TenantResources;
  let other: TestTenant;
  let routes: ApiRoute[];

  before(async () => {
    host = await createTestHost();
    owner = await createTenantResources(host);
    // A bank: the firm's tenant is the platform and sees every pack by design (pack-registry-service).
    other = await host.createTenant('bank');
    routes = apiRoutes(host.server).filter((route) => route.path.startsWith('/v1/') && route.needsAuth);
  });

  after(async () => {
    await host?.close();
  });

  async function ask(route: ApiRoute, values: Readonly<Record<string, string>>, tenant: TestTenant): Promise<Answer> {
    let url = route.path;
    for (const name of route.params)
      url = url.replace(new RegExp(`\\{${name}\\??\\}`), encodeURIComponent(values[name]!));
    const body = await validBody(route);
    const response = await host.server.inject({
      method: route.method,
      url,
      headers: { ...(await tenant.headers('admin')), ...body.headers },
      ...(body.payload === undefined ? {} : { payload: body.payload }),
    });
    const parsed = response.statusCode >= 400 ? (json(response) as { code?: string }) : undefined;
    return { status: response.statusCode, code: parsed?.code, payload: response.payload };
  }

  function ownerValues(route: ApiRoute): Record<string, string> {
    const values: Record<string, string> = { ...owner.params };
    const id = idFor(route, owner);
    // A proposal needs an OCR reading to exist; its matrix cell asks for the owner's evidence id instead.
    values.id = id ?? owner.evidenceId;
    return values;
  }

  function randomValues(route: ApiRoute): Record<string, string> {
    const values: Record<string, string> = {
      id: crypto.randomUUID(),
      key: `NOPE_${crypto.randomBytes(4).toString('hex').toUpperCase()}_V1`,
      version: owner.packVersion,
    };
    // A pack's routes name it by key; a random key with the owner's version is the "nothing there" twin.
    if (!route.params.includes('key')) delete values.key;
    return values;
  }

  it("answers the owner's ids exactly as it answers ids that do not exist, and changes nothing", async () => {
    await other.headers('admin');
    const before = await storeSnapshot(host.database.knex);
    const cells: string[] = [];
    for (const route of routes.filter((candidate) => candidate.params.length > 0)) {
      const asked = ownerValues(route);
      const theirs = await ask(route, asked, other);
      const nothing = await ask(route, randomValues(route), other);
      const cell = `${route.method} ${route.path}: owner's id → ${theirs.status} ${theirs.code ?? ''}, random id → ${nothing.status} ${nothing.code ?? ''}`;
      cells.push(cell);
      assert.ok([403, 404].includes(theirs.status), `refused: ${cell} ${theirs.payload.slice(0, 300)}`);
      assert.deepEqual([theirs.status, theirs.code], [nothing.status, nothing.code], `no existence leak: ${cell}`);
      // The refusal may name the id it was asked for; it must name nothing else of the owner's.
      for (const id of [
        owner.reportId,
        owner.evidenceId,
        owner.tokenId,
        owner.userId,
        owner.jobId,
        owner.billingAccountId,
        owner.callbackId,
        owner.tenant.id,
      ].filter((id) => id !== asked.id)) {
        assert.ok(!theirs.payload.includes(id), `no data of the owner: ${cell}`);
      }
    }
    assert.ok(cells.length >= 20, `every route with an id was asked (${cells.length})`);
    assert.deepEqual(await storeSnapshot(host.database.knex), before, 'no stored change');
  });

  it("lists none of the owner's resources to the other tenant", async () => {
    for (const route of routes.filter((candidate) => candidate.method === 'GET' && candidate.params.length === 0)) {
      const answer = await ask(route, {}, other);
      assert.ok(answer.status < 500, `${route.path}: ${answer.status}`);
      for (const id of [owner.reportId, owner.evidenceId, owner.tokenId, owner.userId, owner.jobId, owner.tenant.id]) {
        assert.ok(!answer.payload.includes(id), `${route.path} shows nothing of the owner`);
      }
    }
  });
});
