import assert from 'node:assert/strict';
import { coreServices } from '@repogen/core';
import { createTestHost, json, randomEmail, type TestHost, type TestTenant } from '../support/test-host.js';

describe('foundation API', () => {
  let host: TestHost;
  let tenant: TestTenant;

  before(async () => {
    host = await createTestHost();
    tenant = await host.createTenant();
  });

  it('reports health with the database status and meta with the store kind', async () => {
    const health = await host.server.inject('/v1/health');
    assert.equal(health.statusCode, 200);
    assert.deepEqual(health.result, { status: 'ok', database: 'up' });
    const meta = await host.server.inject('/v1/meta');
    assert.equal(meta.statusCode, 200);
    const body = meta.result as { name: string; store: string; version: string };
    assert.equal(body.name, 'repogen');
    assert.equal(body.store, process.env.DATABASE_URL ? 'postgres' : 'pglite');
    assert.match(body.version, /^\d+\.\d+\.\d+/);
  });

  it('answers 401 with a code when no credentials are presented', async () => {
    const response = await host.server.inject('/v1/auth/me');
    assert.equal(response.statusCode, 401);
    assert.equal(json(response).code, 'UNAUTHENTICATED');
  });

  it('answers 401 INVALID_CREDENTIALS for a made-up or malformed token', async () => {
    for (const authorization of ['Bearer rga_not-a-real-token', 'Basic abc', 'Bearer']) {
      const response = await host.server.inject({ url: '/v1/auth/me', headers: { authorization } });
      assert.equal(response.statusCode, 401, authorization);
      assert.equal(json(response).code, 'INVALID_CREDENTIALS');
    }
  });

  it('answers 403 FORBIDDEN to a role the route does not allow', async () => {
    const response = await host.server.inject({ url: '/v1/users', headers: await tenant.headers('operator') });
    assert.equal(response.statusCode, 403);
    assert.equal(json(response).code, 'FORBIDDEN');
  });

  it('signs in with a session cookie, answers me, and signs out', async () => {
    const email = randomEmail();
    const password = 'correct horse battery staple';
    const created = await host.server.inject({
      method: 'POST',
      url: '/v1/users',
      headers: await tenant.headers('admin'),
      payload: { email, displayName: 'Asha Rao', password, role: 'operator' },
    });
    assert.equal(created.statusCode, 201, created.payload);

    const wrong = await host.server.inject({ method: 'POST', url: '/v1/auth/login', payload: { email, password: 'wrong password!!' } });
    assert.equal(wrong.statusCode, 401);
    assert.equal(json(wrong).code, 'INVALID_CREDENTIALS');

    const login = await host.server.inject({ method: 'POST', url: '/v1/auth/login', payload: { email: email.toUpperCase(), password } });
    assert.equal(login.statusCode, 200, login.payload);
    const setCookie = String(login.headers['set-cookie']);
    assert.match(setCookie, /repogen_session=rgs_/);
    assert.match(setCookie, /HttpOnly/);
    assert.match(setCookie, /SameSite=Strict/);
    const cookie = setCookie.split(';')[0]!;

    const me = await host.server.inject({ url: '/v1/auth/me', headers: { cookie } });
    assert.equal(me.statusCode, 200);
    assert.equal(json(me).role, 'operator');
    assert.equal(json(me).tenant.id, tenant.id);

    const logout = await host.server.inject({ method: 'POST', url: '/v1/auth/logout', headers: { cookie } });
    assert.equal(logout.statusCode, 204);
    const after = await host.server.inject({ url: '/v1/auth/me', headers: { cookie } });
    assert.equal(after.statusCode, 401);
  });

  it('issues an API token once, lists it without the secret, and revokes it', async () => {
    const headers = await tenant.headers('admin');
    const created = await host.server.inject({
      method: 'POST',
      url: '/v1/tokens',
      headers,
      payload: { name: 'ci deploy', role: 'author', expiresInDays: 30 },
    });
    assert.equal(created.statusCode, 201, created.payload);
    const { token, secret } = json(created) as { token: { id: string; prefix: string }; secret: string };
    assert.match(secret, /^rga_/);

    const listed = await host.server.inject({ url: '/v1/tokens', headers });
    assert.ok(!listed.payload.includes(secret), 'the secret is never listed');
    assert.ok((json(listed).items as { id: string }[]).some((item) => item.id === token.id));

    const me = await host.server.inject({ url: '/v1/auth/me', headers: { authorization: `Bearer ${secret}` } });
    assert.equal(json(me).role, 'author');

    const revoked = await host.server.inject({ method: 'DELETE', url: `/v1/tokens/${token.id}`, headers });
    assert.equal(revoked.statusCode, 200);
    assert.ok(json(revoked).revokedAt);
    const refused = await host.server.inject({ url: '/v1/auth/me', headers: { authorization: `Bearer ${secret}` } });
    assert.equal(refused.statusCode, 401);
  });

  it('accepts V1 service tokens only in x-service-token, bound to their tenant', async () => {
    const headers = await tenant.headers('service');
    const me = await host.server.inject({ url: '/v1/auth/me', headers });
    assert.equal(me.statusCode, 200);
    assert.equal(json(me).via, 'service');
    assert.equal(json(me).tenant.id, tenant.id);
    const asBearer = await host.server.inject({ url: '/v1/auth/me', headers: { authorization: `Bearer ${headers['x-service-token']}` } });
    assert.equal(asBearer.statusCode, 401);
  });

  it('refuses an expired token', async () => {
    const auth = await host.registry.get(coreServices.auth);
    const issued = await auth.createToken(tenant.id, { system: 'test' }, {
      kind: 'api',
      name: 'expired',
      role: 'operator',
      expiresAt: new Date(Date.now() - 1_000),
    });
    const response = await host.server.inject({ url: '/v1/auth/me', headers: { authorization: `Bearer ${issued.secret}` } });
    assert.equal(response.statusCode, 401);
  });

  it('answers bad input with 400 VALIDATION_FAILED and the offending fields, never a 500', async () => {
    const headers = await tenant.headers('admin');
    const cases = [
      { method: 'POST', url: '/v1/users', payload: { email: 'not-an-email', displayName: 'x', password: 'short', role: 'king' } },
      { method: 'POST', url: '/v1/users', payload: '{"broken json' },
      { method: 'POST', url: '/v1/tokens', payload: { name: '' } },
      { method: 'DELETE', url: '/v1/tokens/not-a-uuid' },
      { method: 'GET', url: '/v1/audit?limit=100000' },
      { method: 'GET', url: '/v1/audit?target=nocolon' },
    ] as const;
    for (const request of cases) {
      const response = await host.server.inject({ ...request, headers: { ...headers, 'content-type': 'application/json' } });
      assert.equal(response.statusCode, 400, `${request.method} ${request.url}: ${response.payload}`);
      assert.ok(['VALIDATION_FAILED', 'BAD_REQUEST'].includes(json(response).code), response.payload);
      assert.ok(!response.payload.includes('    at '), 'no stack trace');
    }
  });

  it('refuses a duplicate email with 409 EMAIL_TAKEN and stores nothing twice', async () => {
    const headers = await tenant.headers('admin');
    const payload = { email: randomEmail(), displayName: 'Dup', password: 'a sufficiently long one', role: 'operator' };
    assert.equal((await host.server.inject({ method: 'POST', url: '/v1/users', headers, payload })).statusCode, 201);
    const again = await host.server.inject({ method: 'POST', url: '/v1/users', headers, payload });
    assert.equal(again.statusCode, 409);
    assert.equal(json(again).code, 'EMAIL_TAKEN');
  });

  it('records every change in the audit log, filterable by target', async () => {
    const headers = await tenant.headers('admin');
    const created = await host.server.inject({
      method: 'POST',
      url: '/v1/users',
      headers,
      payload: { email: randomEmail(), displayName: 'Audited', password: 'a sufficiently long one', role: 'bank' },
    });
    const userId = json(created).id as string;
    const audit = await host.server.inject({ url: `/v1/audit?target=user:${userId}`, headers });
    assert.equal(audit.statusCode, 200);
    const [entry] = json(audit).items as { action: string; actorLabel: string; after: { email: string } }[];
    assert.equal(entry?.action, 'user.created');
    assert.equal(entry?.actorLabel, 'token:test-admin');
    assert.equal(entry?.after.email, json(created).email);
    assert.ok(!JSON.stringify(entry).includes('password'), 'no password material in the audit log');
  });

  it('serves the OpenAPI document with every route and its error shape', async () => {
    const response = await host.server.inject('/openapi.json');
    assert.equal(response.statusCode, 200);
    const document = json(response) as { paths: Record<string, unknown>; definitions: Record<string, unknown> };
    for (const path of ['/v1/health', '/v1/meta', '/v1/auth/login', '/v1/auth/me', '/v1/tokens', '/v1/users', '/v1/audit']) {
      assert.ok(document.paths[path], path);
    }
    assert.ok(document.definitions.Error, 'the error shape is documented');
    const docs = await host.server.inject('/documentation');
    assert.equal(docs.statusCode, 200);
  });

  it('answers an unknown route with 404 NOT_FOUND', async () => {
    const response = await host.server.inject('/v1/nothing-here');
    assert.equal(response.statusCode, 404);
    assert.equal(json(response).code, 'NOT_FOUND');
  });
});
