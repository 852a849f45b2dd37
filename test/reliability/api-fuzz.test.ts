import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import fc from 'fast-check';
import { runsInCi } from '../support/ci-prerequisite.js';
import { libreOfficeOrSkip } from '../render/render-fixtures.js';
import {
  apiRoutes,
  committedApiDocument,
  createSurfaceHost,
  createTenantResources,
  parameterValues,
  storeSnapshot,
  type ApiDocument,
  type ApiRoute,
  type IdempotencyClaim,
  type SurfaceHost,
  type TenantResources,
} from './api-surface.js';

const REQUESTS = 10_000;
/** Requests in flight at once: the host serves concurrent clients, and the fuzz runs faster. */
const BATCH = 8;
/** The seed a developer's run repeats when none is given. */
const DEFAULT_SEED = 20261204;

/**
 * REPOGEN_FUZZ_SEED repeats a run. Without it, CI draws a fresh seed each run, so that runs
 * explore, and a developer's run repeats the default one.
 */
function fuzzSeed(): number {
  const given = process.env.REPOGEN_FUZZ_SEED?.trim();
  if (given) {
    const seed = Number(given);
    assert.ok(Number.isSafeInteger(seed), `REPOGEN_FUZZ_SEED must be an integer, not ${given}`);
    return seed;
  }
  return runsInCi() ? crypto.randomInt(2 ** 31) : DEFAULT_SEED;
}

/** Percent-encodes every byte but the unreserved ones, so that any string makes a request URL. */
function encode(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const char = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

const printable = (max: number) => fc.stringMatching(new RegExp(`^[\\x20-\\x7e]{0,${max}}$`));

const junkSegment = fc.oneof(
  fc.string({ maxLength: 40 }).map(encode),
  fc.string({ unit: 'binary', maxLength: 20 }).map(encode),
  fc.uuid().map(encode),
  fc.constantFrom(
    '..',
    '%2e%2e',
    '%00',
    'null',
    '0',
    '-1',
    '%27%20OR%201%3D1%20--',
    'A'.repeat(3000),
    '%E0%A4%A',
    '%zz',
    '%',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
  ),
);

const junkJson = fc.oneof(
  fc
    .jsonValue()
    .filter((value) => typeof value !== 'object' || value === null || Array.isArray(value))
    .map((value) => JSON.stringify(value)),
  fc
    .dictionary(
      fc.string({ minLength: 1, maxLength: 12 }).map((key) => `zz_${key}`),
      fc.jsonValue({ maxDepth: 3 }),
      { minKeys: 1, maxKeys: 5 },
    )
    .map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 300 }),
  fc.jsonValue({ maxDepth: 3 }).map((value) => `${JSON.stringify(value)}`.slice(0, -1) + '{'),
  fc.constantFrom(
    '',
    '{',
    '{"a":'.repeat(3000),
    '[{"op":"replace","path":"/","value":1}]',
    '{"__proto__":{"x":1},"zz":1}',
    'null',
    '\u0000\u0001',
  ),
);

const bytes = (max: number) => fc.uint8Array({ maxLength: max }).map((array) => Buffer.from(array));

const badFiles = fc.constantFrom(
  Buffer.from('<html><script>alert(1)</script></html>'),
  Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
  Buffer.from('%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n%%EOF'),
  Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('not really a jpeg')]),
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('truncated png')]),
  Buffer.alloc(0),
);

interface FuzzBody {
  readonly payload: string | Buffer;
  readonly contentType: string | undefined;
}

/** Neither empty nor `null`: routes whose body is optional take those as no body, which is valid. */
function neverEmpty(payload: string): boolean {
  if (payload.trim() === '') return false;
  try {
    return JSON.parse(payload) !== null;
  } catch {
    return true;
  }
}

const jsonBody: fc.Arbitrary<FuzzBody> = fc.record({
  payload: fc.oneof(
    { weight: 9, arbitrary: junkJson.filter(neverEmpty) },
    { weight: 1, arbitrary: fc.constant('x'.repeat(1_100_000)) },
  ),
  contentType: fc.oneof(
    { weight: 6, arbitrary: fc.constant('application/json') },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data',
        'application/json; charset=utf-16',
        'garbage/../x',
        undefined,
      ),
    },
  ),
});

const multipartBody: fc.Arbitrary<FuzzBody> = fc
  .record({
    boundary: fc.stringMatching(/^[A-Za-z0-9]{1,30}$/),
    declared: fc.option(fc.stringMatching(/^[A-Za-z0-9'"]{0,30}$/), { nil: undefined }),
    parts: fc.array(
      fc.record({
        name: fc.constantFrom('file', 'kind', 'files', 'x'),
        filename: fc.option(
          fc.constantFrom('a.jpg', 'b.png', 'c.pdf', 'd.html', 'e.svg', '../../etc/passwd', '', 'ü.jpeg'),
          { nil: undefined },
        ),
        type: fc.constantFrom(
          'image/jpeg',
          'image/png',
          'application/pdf',
          'text/html',
          'image/svg+xml',
          'application/octet-stream',
        ),
        content: fc.oneof(
          bytes(2000),
          badFiles,
          printable(50).map((text) => Buffer.from(text)),
        ),
      }),
      { maxLength: 4 },
    ),
    truncated: fc.boolean(),
  })
  .map(({ boundary, declared, parts, truncated }) => {
    const chunks: Buffer[] = [];
    for (const part of parts) {
      const disposition = `form-data; name="${part.name}"${part.filename === undefined ? '' : `; filename="${part.filename}"`}`;
      chunks.push(
        Buffer.from(`--${boundary}\r\ncontent-disposition: ${disposition}\r\ncontent-type: ${part.type}\r\n\r\n`),
        part.content,
        Buffer.from('\r\n'),
      );
    }
    if (!truncated) chunks.push(Buffer.from(`--${boundary}--\r\n`));
    return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${declared ?? boundary}` };
  });

const packBody: fc.Arbitrary<FuzzBody> = fc.record({
  payload: fc.oneof(
    bytes(4000),
    bytes(4000).map((raw) => zlib.gzipSync(raw)),
    fc.constant(zlib.gzipSync(Buffer.alloc(600_000))),
  ),
  contentType: fc.constantFrom(
    'application/octet-stream',
    'application/gzip',
    'application/x-repogen-pack',
    'application/json',
    undefined,
  ),
});

type AuthVariant = 'valid' | 'none' | 'bearer-junk' | 'scheme-junk' | 'service-junk' | 'cookie-junk';
type Malformation = 'auth' | 'param' | 'body' | 'query' | 'none';

interface FuzzCase {
  readonly route: ApiRoute;
  readonly malformation: Malformation;
  readonly auth: AuthVariant;
  readonly junk: string;
  readonly segments: readonly string[];
  readonly query: Readonly<Record<string, string>>;
  readonly body: FuzzBody | undefined;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * 10,000 malformed requests across every route, through `server.inject()`: a bad token, a bad
 * path parameter, a bad body or upload, bad query values. None may answer 5xx; every answer of
 * an API route is a status the committed openapi.json documents for it, and every error carries
 * a code of the documented catalogue in the one error shape; afterwards the tables, the blob
 * store and the Idempotency-Key cache are as they were (see `assertClaims`).
 */
describe('reliability: a property-based fuzz of the API (10,000 malformed requests)', function () {
  this.timeout(900_000);

  let seed: number;
  let surface: SurfaceHost;
  let resources: TenantResources;
  let routes: ApiRoute[];
  let api: ApiDocument;

  before(async function () {
    seed = fuzzSeed();
    console.log(`    fuzz seed ${seed} (REPOGEN_FUZZ_SEED=${seed} repeats this run)`);
    libreOfficeOrSkip(this);
    surface = await createSurfaceHost();
    resources = await createTenantResources(surface.host);
    routes = apiRoutes(surface.host.server);
    api = await committedApiDocument();
  });

  after(async () => {
    await surface?.close();
  });

  /** The malformations that leave a route unable to do anything; a route open to all and without input is asked as it is. */
  function malformationsOf(route: ApiRoute): Malformation[] {
    const options: Malformation[] = [];
    if (route.needsAuth) options.push('auth');
    if (route.params.length > 0) options.push('param');
    if (route.takesBody) options.push('body');
    if (route.validatesQuery) options.push('query');
    return options.length > 0 ? options : ['none'];
  }

  const fuzzCase: fc.Arbitrary<FuzzCase> = fc.integer({ min: 0, max: 1_000_000 }).chain((pick) => {
    const route = routes[pick % routes.length]!;
    const body = route.multipart ? multipartBody : route.path === '/v1/packs' ? packBody : jsonBody;
    return fc.record({
      route: fc.constant(route),
      malformation: fc.constantFrom(...malformationsOf(route)),
      auth: fc.constantFrom<AuthVariant>('none', 'bearer-junk', 'scheme-junk', 'service-junk', 'cookie-junk'),
      junk: printable(80),
      segments: fc.array(junkSegment, { minLength: route.params.length, maxLength: route.params.length }),
      query: fc.dictionary(
        fc.oneof(fc.constantFrom('limit', 'cursor', 'status', 'q', 'bank', 'action', 'targetId'), printable(10)),
        printable(40),
        { maxKeys: 4 },
      ),
      body: route.takesBody ? body : fc.constant(undefined),
      headers: fc.dictionary(
        fc.constantFrom(
          'idempotency-key',
          'x-request-id',
          'accept',
          'accept-encoding',
          'x-forwarded-for',
          'range',
          'if-none-match',
        ),
        printable(60),
        { maxKeys: 3 },
      ),
    });
  });

  async function send(testCase: FuzzCase) {
    const { route, malformation } = testCase;
    const valid = parameterValues(route, resources.values);
    let path = route.path;
    route.params.forEach((name, index) => {
      const value = malformation === 'param' ? testCase.segments[index]! : encode(valid[name]!);
      path = path.replace(new RegExp(`\\{${name}\\??\\}`), value);
    });
    const query = Object.entries(testCase.query).map(
      ([key, value]) => `${encode(key)}=${malformation === 'query' ? encode(value) : ''}`,
    );
    const url = malformation === 'query' && query.length > 0 ? `${path}?${query.join('&')}` : path;

    const headers: Record<string, string> = { ...testCase.headers };
    if (malformation !== 'auth') Object.assign(headers, await resources.tenant.headers('admin'));
    else if (testCase.auth === 'bearer-junk') headers.authorization = `Bearer ${testCase.junk}`;
    else if (testCase.auth === 'scheme-junk') headers.authorization = testCase.junk;
    else if (testCase.auth === 'service-junk') headers['x-service-token'] = testCase.junk;
    else if (testCase.auth === 'cookie-junk') headers.cookie = `repogen_session=${encode(testCase.junk)}`;

    const body = testCase.body;
    if (body?.contentType !== undefined) headers['content-type'] = body.contentType;
    return surface.host.server.inject({
      method: route.method,
      url,
      headers,
      ...(body === undefined ? {} : { payload: body.payload }),
    });
  }

  /**
   * The Idempotency-Key cache after the run. A refused request keeps no claim (its retry must
   * run again), so every claim before the run is there unchanged and no claim is left running.
   * A request that succeeded with an Idempotency-Key (a harmless read-like repeat, such as the
   * existing default billing account answered again) is kept for its replay by design: a new
   * claim is allowed only for a key that such a request sent, with the status it answered.
   */
  function assertClaims(
    before: readonly IdempotencyClaim[],
    after: readonly IdempotencyClaim[],
    succeeded: ReadonlyMap<string, { method: string; status: number }[]>,
  ): void {
    const id = (claim: IdempotencyClaim) => `${claim.tenantId} ${claim.key}`;
    const earlier = new Map(before.map((claim) => [id(claim), claim]));
    for (const claim of before) {
      assert.deepEqual(after.find((candidate) => id(candidate) === id(claim)), claim, 'an earlier claim is unchanged');
    }
    for (const claim of after.filter((candidate) => !earlier.has(id(candidate)))) {
      const what = `a new Idempotency-Key claim ${JSON.stringify(claim)}`;
      assert.equal(claim.tenantId, resources.tenant.id, what);
      assert.ok(claim.status !== null && claim.status >= 200 && claim.status < 300, `${what} is a completed success`);
      const sent = succeeded.get(claim.key) ?? [];
      assert.ok(
        sent.some((request) => request.method === claim.method && request.status === claim.status),
        `${what} was made by a request that succeeded with that key`,
      );
    }
  }

  it('answers every one with a documented status and code, never a 5xx, and stores nothing', async () => {
    const before = await storeSnapshot(surface);
    const statuses = new Map<number, number>();
    const succeeded = new Map<string, { method: string; status: number }[]>();
    const check = async (testCase: FuzzCase) => {
      const response = await send(testCase);
      const status = response.statusCode;
      const { route } = testCase;
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      const what = `${route.method} ${route.path} (${testCase.malformation}) → ${status} ${response.payload.slice(0, 300)}`;
      assert.ok(status < 500, what);
      // Only the API's own routes are described; the documentation's static files answer as inert does.
      if (route.path.startsWith('/v1/')) {
        const documented = api.statuses(route.method, route.path);
        assert.ok(documented, `openapi.json describes ${route.method} ${route.path}`);
        assert.ok(documented.includes(status), `undocumented status (documented: ${documented.join(', ')}): ${what}`);
        if (status >= 400) {
          const error = JSON.parse(response.payload) as { statusCode?: unknown; code?: unknown; message?: unknown };
          assert.equal(error.statusCode, status, what);
          assert.ok(api.errorCodes.has(String(error.code)), `a code outside the documented catalogue: ${what}`);
          assert.equal(typeof error.message, 'string', what);
        }
      }
      if (testCase.malformation !== 'query' && testCase.malformation !== 'none' && route.method !== 'GET') {
        assert.ok(status >= 400, `a malformed change was accepted: ${what}`);
      }
      const key = testCase.headers['idempotency-key'];
      if (key !== undefined && status < 300) {
        succeeded.set(key.trim(), [...(succeeded.get(key.trim()) ?? []), { method: route.method, status }]);
      }
    };
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(fuzzCase, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
          await Promise.all(batch.map(check));
        }),
        { numRuns: REQUESTS / BATCH, seed, endOnFailure: true },
      );
      const total = [...statuses.values()].reduce((sum, count) => sum + count, 0);
      assert.equal(total, REQUESTS);
      assert.ok(![...statuses.keys()].some((status) => status >= 500));
      const after = await storeSnapshot(surface);
      assert.deepEqual(after.tables, before.tables, 'no stored change');
      assert.deepEqual(after.blobs, before.blobs, 'no blob written');
      assertClaims(before.claims, after.claims, succeeded);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw Object.assign(new Error(`fuzz seed ${seed} (repeat with REPOGEN_FUZZ_SEED=${seed}): ${message}`), {
        cause: error,
      });
    }
  });

  it('describes every API route with the statuses it answers, its success included', () => {
    const undescribed = routes
      .filter((route) => route.path.startsWith('/v1/'))
      .filter((route) => !api.statuses(route.method, route.path)?.some((status) => status < 300));
    assert.deepEqual(
      undescribed.map((route) => `${route.method} ${route.path}`),
      [],
    );
  });
});
