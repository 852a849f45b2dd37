import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { Writable } from 'node:stream';
import type { Server } from '@hapi/hapi';
import {
  coreServiceFactories,
  coreServices,
  createLogger,
  createServer,
  foundationRoutePlugins,
  loadConfig,
  ServiceRegistry,
} from '@repogen/core';
import { createHostPlugin as createV1Bridge } from '@repogen/plugin-v1-bridge';
import { randomEmail, testDatabase } from '../support/test-host.js';

const ROUTES = new Set(['system-routes', 'auth-routes', 'user-routes', 'token-routes']);

describe('request logging', () => {
  const lines: string[] = [];
  let server: Server;
  let registry: ServiceRegistry;

  before(async () => {
    const sink = new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const database = await testDatabase();
    const config = loadConfig({ NODE_ENV: 'test' });
    const logger = createLogger('trace', sink);
    // The V1 bridge brings the x-service-token scheme whose secret must stay out of the log too.
    const factories = coreServiceFactories(config, logger, [createV1Bridge({ env: {}, config })]).filter(
      (factory) => factory.service.id !== coreServices.database.id,
    );
    registry = new ServiceRegistry([...factories, ServiceRegistry.value(coreServices.database, database)]);
    server = await createServer({
      registry,
      port: 0,
      routePlugins: foundationRoutePlugins.filter((plugin) => ROUTES.has(plugin.name)),
    });
    await server.initialize();
  });

  it('writes a line per request with neither the password, the session token nor the Authorization header', async () => {
    const tenants = await registry.get(coreServices.tenants);
    const auth = await registry.get(coreServices.auth);
    const tenant = await tenants.createTenant(
      { system: 'test' },
      {
        slug: `log-${crypto.randomBytes(4).toString('hex')}`,
        name: 'Logging',
        kind: 'firm',
      },
    );
    const email = randomEmail();
    const password = `pw-${crypto.randomBytes(12).toString('hex')}`;
    const wrongPassword = `wrong-${crypto.randomBytes(12).toString('hex')}`;
    await tenants.createUser(tenant.id, { system: 'test' }, { email, displayName: 'Logged', password, role: 'admin' });
    const { secret: apiToken } = await auth.createToken(
      tenant.id,
      { system: 'test' },
      {
        kind: 'api',
        name: 'logging',
        role: 'admin',
        expiresAt: undefined,
      },
    );
    const { secret: serviceToken } = await auth.createToken(
      tenant.id,
      { system: 'test' },
      {
        kind: 'service',
        name: 'logging-v1',
        role: 'service',
        expiresAt: undefined,
      },
    );
    lines.length = 0;

    const login = await server.inject({ method: 'POST', url: '/v1/auth/login', payload: { email, password } });
    assert.equal(login.statusCode, 200, login.payload);
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const sessionToken = cookie.split('=')[1]!;
    assert.match(sessionToken, /^rgs_/);

    const wrong = await server.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email, password: wrongPassword },
    });
    assert.equal(wrong.statusCode, 401);
    const invalid = await server.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: 'not-an-email', password },
    });
    assert.equal(invalid.statusCode, 400);
    for (const headers of [{ cookie }, { authorization: `Bearer ${apiToken}` }, { 'x-service-token': serviceToken }]) {
      const me = await server.inject({ url: '/v1/auth/me', headers });
      assert.equal(me.statusCode, 200, me.payload);
    }
    const logout = await server.inject({ method: 'POST', url: '/v1/auth/logout', headers: { cookie } });
    assert.equal(logout.statusCode, 204);

    const logged = lines.join('');
    const requests = lines.map((line) => JSON.parse(line) as { msg: string; path?: string; status?: number });
    assert.deepEqual(
      requests.filter((line) => line.msg === 'request').map((line) => `${line.path} ${line.status}`),
      [
        '/v1/auth/login 200',
        '/v1/auth/login 401',
        '/v1/auth/login 400',
        '/v1/auth/me 200',
        '/v1/auth/me 200',
        '/v1/auth/me 200',
        '/v1/auth/logout 204',
      ],
    );
    for (const [what, secret] of Object.entries({ password, wrongPassword, sessionToken, apiToken, serviceToken })) {
      assert.ok(!logged.includes(secret), `the ${what} is not logged`);
    }
    assert.doesNotMatch(logged, /authorization|bearer|cookie|x-service-token/i);
  });
});
