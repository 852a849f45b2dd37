import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { BillingDriver } from '../billing/billing-test-support.js';
import { libreOfficeOrSkip, makePhoto } from '../render/render-fixtures.js';
import { sbiFixtureInput } from '../reports/report-test-pack.js';
import { json, type TestTenant } from '../support/test-host.js';
import {
  absentValues,
  apiRoutes,
  createSurfaceHost,
  createTenantResources,
  parameterValues,
  routeUrl,
  storeSnapshot,
  type ApiRoute,
  type ResourceValues,
  type SurfaceHost,
  type TenantResources,
} from './api-surface.js';
import { publishReportTestPack } from './reliability-support.js';

interface Answer {
  readonly status: number;
  readonly code: string | undefined;
  readonly payload: string;
}

interface Request {
  readonly url: string;
  readonly payload?: string | Buffer;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Routes that read an Idempotency-Key: each matrix request sends a fresh one, so a claim left behind shows. */
const KEYED = ['/generate', '/grants', '/adjustments', '/refunds', '/v1/payments/checkout-link', '/v1/payments/payment-link'];

/** A well-formed body for each route that takes one, so that the answer depends on the id alone. */
async function validBody(route: ApiRoute): Promise<{ payload?: string | Buffer; headers: Record<string, string> }> {
  const key = `${route.method} ${route.path}`;
  const keyed = KEYED.some((suffix) => route.path.endsWith(suffix));
  const headers: Record<string, string> = keyed ? { 'idempotency-key': crypto.randomUUID() } : {};
  if (route.multipart) {
    const boundary = 'matrixboundary';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="side.jpg"\r\ncontent-type: image/jpeg\r\n\r\n`,
      ),
      await makePhoto(200, 150, 'side'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return { payload, headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` } };
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
  return body === undefined
    ? { headers }
    : { payload: JSON.stringify(body), headers: { ...headers, 'content-type': 'application/json' } };
}

/** A request whose body names a resource: asked once with the owner's values and once with absent ones. */
interface BodyCell {
  readonly route: string;
  /** The body fields that carry the values. */
  readonly fields: readonly string[];
  body(values: ResourceValues): object;
}

/** A list whose query filters by a resource: asked once with the owner's value and once with an absent one. */
interface QueryCell {
  readonly route: string;
  readonly field: string;
  query(values: ResourceValues): string;
}

/** Body and query fields named like an id or a key that name nothing another tenant could reach, and why. */
const FREE_FIELDS: Readonly<Record<string, string>> = {
  'POST /v1/reports externalKey': "the caller's own key for the report it creates",
  'POST /v1/billing/accounts externalKey': "the caller's own key for the account it opens",
  'POST /v1/pack-requests basePackKey': 'free text the bank writes; stored as written, it opens nothing',
  'POST /v1/pack-requests/{id}/status deliveredPackKey': 'free text the firm writes when it answers; it opens nothing',
};

const NAMES_A_RESOURCE = /(Id|Key)$|^target$/;

/**
 * Every route that names a resource, asked by an admin of another tenant with the owner's ids
 * and with ids that do not exist: the two answers are the same refusal (nothing found, nothing
 * told), and the lists of the other tenant hold nothing of the owner's.
 */
describe('reliability: a cross-tenant matrix (every route × a token of another tenant)', function () {
  this.timeout(600_000);

  let surface: SurfaceHost;
  let owner: TenantResources;
  let other: TestTenant;
  let otherPackKey: string;
  let otherPostpaid: string;
  let routes: ApiRoute[];

  before(async function () {
    libreOfficeOrSkip(this);
    surface = await createSurfaceHost();
    owner = await createTenantResources(surface.host);
    // A bank: the firm's tenant is the platform and sees every pack by design (pack-registry-service).
    other = await surface.host.createTenant('bank');
    // The bank's own pack (published by a platform firm of its own, not the owner), so that a
    // report the bank creates fails on the billing key alone.
    otherPackKey = await publishReportTestPack(surface.host, other, {
      ownScope: true,
      reviewer: await surface.host.createTenant('firm'),
    });
    // The bank's own postpaid account, so that a payment for an invoice fails on the invoice alone.
    otherPostpaid = (await new BillingDriver(surface.host, other).openAccount({ mode: 'POSTPAID' })).id;
    routes = apiRoutes(surface.host.server).filter((route) => route.path.startsWith('/v1/') && route.needsAuth);
  });

  after(async () => {
    await surface?.close();
  });

  async function ask(route: ApiRoute, request: Request, tenant: TestTenant): Promise<Answer> {
    const response = await surface.host.server.inject({
      method: route.method,
      url: request.url,
      headers: { ...(await tenant.headers('admin')), ...request.headers },
      ...(request.payload === undefined ? {} : { payload: request.payload }),
    });
    const parsed = response.statusCode >= 400 ? (json(response) as { code?: string }) : undefined;
    return { status: response.statusCode, code: parsed?.code, payload: response.payload };
  }

  /** The answer with every value it was asked about replaced by a placeholder. */
  function normalised(answer: Answer, asked: readonly string[]): string {
    let payload = answer.payload;
    for (const value of [...asked].sort((a, b) => b.length - a.length)) {
      payload = payload.replaceAll(value, '<asked>').replaceAll(encodeURIComponent(value), '<asked>');
    }
    return payload;
  }

  /** Asks `other` twice, with the owner's values and with absent ones, and holds the two answers to one refusal. */
  async function cell(
    route: ApiRoute,
    request: (values: ResourceValues) => Promise<Request>,
    asked: (values: ResourceValues) => readonly string[],
  ): Promise<string> {
    const absent = absentValues(owner.values);
    const theirs = await ask(route, await request(owner.values), other);
    const nothing = await ask(route, await request(absent), other);
    const summary = `${route.method} ${route.path} ${asked(owner.values).join(', ')}: owner's → ${theirs.status} ${theirs.code ?? ''}, absent → ${nothing.status} ${nothing.code ?? ''}`;
    assert.ok([403, 404].includes(theirs.status), `refused: ${summary} ${theirs.payload.slice(0, 300)}`);
    assert.deepEqual([theirs.status, theirs.code], [nothing.status, nothing.code], `no existence leak: ${summary}`);
    assert.equal(
      normalised(theirs, asked(owner.values)),
      normalised(nothing, asked(absent)),
      `the same answer, word for word: ${summary}`,
    );
    // The refusal may name what it was asked for; it must name nothing else of the owner's.
    const own = new Set(asked(owner.values));
    for (const secret of owner.secrets.filter((value) => !own.has(value))) {
      assert.ok(!theirs.payload.includes(secret), `no data of the owner (${secret}): ${summary}`);
    }
    return summary;
  }

  function routeNamed(name: string): ApiRoute {
    const found = routes.find((route) => `${route.method} ${route.path}` === name);
    assert.ok(found, `a route ${name}`);
    return found;
  }

  const BODY_CELLS: readonly BodyCell[] = [
    {
      route: 'POST /v1/reports',
      fields: ['packKey'],
      body: (v) => ({ packKey: v.packKey, title: 'Matrix report' }),
    },
    {
      route: 'POST /v1/reports',
      fields: ['billingKey'],
      body: (v) => ({ packKey: otherPackKey, title: 'Matrix report', billingKey: v.billingKey }),
    },
    {
      route: 'POST /v1/payments/checkout-link',
      fields: ['accountId'],
      body: (v) => ({ accountId: v.billingAccount, credits: 1 }),
    },
    {
      route: 'POST /v1/payments/checkout-link',
      fields: ['accountId', 'invoiceId'],
      body: (v) => ({ accountId: v.postpaidAccount, invoiceId: v.invoice }),
    },
    {
      route: 'POST /v1/payments/checkout-link',
      fields: ['invoiceId'],
      body: (v) => ({ accountId: otherPostpaid, invoiceId: v.invoice }),
    },
    {
      route: 'POST /v1/payments/payment-link',
      fields: ['accountId'],
      body: (v) => ({ accountId: v.billingAccount, credits: 1 }),
    },
    {
      route: 'POST /v1/payments/payment-link',
      fields: ['accountId', 'invoiceId'],
      body: (v) => ({ accountId: v.postpaidAccount, invoiceId: v.invoice }),
    },
    {
      route: 'POST /v1/payments/payment-link',
      fields: ['invoiceId'],
      body: (v) => ({ accountId: otherPostpaid, invoiceId: v.invoice }),
    },
  ];

  const QUERY_CELLS: readonly QueryCell[] = [
    { route: 'GET /v1/reports', field: 'packKey', query: (v) => `packKey=${v.packKey}` },
    { route: 'GET /v1/billing/invoices', field: 'accountId', query: (v) => `accountId=${v.postpaidAccount}` },
    { route: 'GET /v1/callbacks/deliveries', field: 'endpointId', query: (v) => `endpointId=${v.callback}` },
    { route: 'GET /v1/audit', field: 'target', query: (v) => `target=report:${v.report}` },
  ];

  it("answers the owner's ids in paths, bodies and queries exactly as ids that do not exist, and changes nothing", async () => {
    await other.headers('admin');
    const before = await storeSnapshot(surface);
    const cells: string[] = [];

    for (const route of routes.filter((candidate) => candidate.params.length > 0)) {
      cells.push(
        await cell(
          route,
          async (values) => ({ url: routeUrl(route, parameterValues(route, values)), ...(await validBody(route)) }),
          (values) => Object.values(parameterValues(route, values)),
        ),
      );
    }

    const data = await sbiFixtureInput();
    for (const entry of BODY_CELLS) {
      const route = routeNamed(entry.route);
      const keyed = KEYED.some((suffix) => route.path.endsWith(suffix));
      cells.push(
        await cell(
          route,
          (values) => {
            const body = entry.body(values);
            const withData = route.path === '/v1/reports' ? { ...body, data } : body;
            return Promise.resolve({
              url: route.path,
              payload: JSON.stringify(withData),
              headers: {
                'content-type': 'application/json',
                ...(keyed ? { 'idempotency-key': crypto.randomUUID() } : {}),
              },
            });
          },
          (values) => entry.fields.map((field) => (entry.body(values) as Record<string, string>)[field]!),
        ),
      );
    }

    for (const entry of QUERY_CELLS) {
      const route = routeNamed(entry.route);
      const answers = await Promise.all(
        [owner.values, absentValues(owner.values)].map((values) =>
          ask(route, { url: `${route.path}?${entry.query(values)}` }, other),
        ),
      );
      const [theirs, nothing] = answers as [Answer, Answer];
      const summary = `${route.method} ${route.path}?${entry.field}=…: owner's → ${theirs.status}, absent → ${nothing.status}`;
      assert.equal(theirs.status, 200, `${summary} ${theirs.payload.slice(0, 300)}`);
      assert.equal(nothing.status, 200, summary);
      for (const secret of owner.secrets) assert.ok(!theirs.payload.includes(secret), `no data of the owner (${secret}): ${summary}`);
      assert.deepEqual(json(theirs), json(nothing), `the same list: ${summary}`);
      cells.push(summary);
    }

    // A field that names a resource has a cell above, or is named as naming nothing.
    const covered = new Set([
      ...BODY_CELLS.flatMap((entry) => entry.fields.map((field) => `${entry.route} ${field}`)),
      ...QUERY_CELLS.map((entry) => `${entry.route} ${entry.field}`),
      ...Object.keys(FREE_FIELDS),
    ]);
    const uncovered = routes.flatMap((route) =>
      [...route.bodyFields, ...route.queryFields]
        .filter((field) => NAMES_A_RESOURCE.test(field))
        .map((field) => `${route.method} ${route.path} ${field}`)
        .filter((field) => !covered.has(field)),
    );
    assert.deepEqual(uncovered, [], 'every body or query field that names a resource has a matrix cell');

    assert.ok(cells.length >= 50, `every route with an id was asked (${cells.length})`);
    assert.deepEqual(await storeSnapshot(surface), before, 'no stored change, no claim, no blob');
  });

  it("lists nothing of the owner's to the other tenant", async () => {
    const lists = routes.filter((route) => route.method === 'GET' && route.params.length === 0);
    assert.ok(lists.length >= 10, `every list was asked (${lists.length})`);
    for (const route of lists) {
      const answer = await ask(route, { url: route.path }, other);
      assert.equal(answer.status, 200, `${route.path}: ${answer.payload.slice(0, 300)}`);
      for (const secret of owner.secrets) {
        assert.ok(!answer.payload.includes(secret), `${route.path} shows nothing of the owner (${secret})`);
      }
    }
  });
});
