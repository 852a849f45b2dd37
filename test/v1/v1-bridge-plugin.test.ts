import assert from 'node:assert/strict';
import { loadConfig, loadHostPlugins } from '@repogen/core';
import { createHostPlugin, PLUGIN_NAME, SERVICE_TOKEN_HEADER } from '@repogen/plugin-v1-bridge';
import { createTestHost, json } from '../support/test-host.js';

describe('the v1-bridge host plugin', () => {
  const config = loadConfig({ REPOGEN_LOG_LEVEL: 'silent', NODE_ENV: 'test' });

  it('is bundled: the host finds it with its service-token way in, callback service, routes, delivery and relay jobs', async () => {
    const [plugin] = (await loadHostPlugins({ env: {}, config })).filter((loaded) => loaded.name === PLUGIN_NAME);
    assert.ok(plugin);
    assert.deepEqual(
      plugin.services?.map((factory) => factory.service.id),
      ['v1bridge.callbacks', 'core.callbacks'],
    );
    assert.deepEqual(
      plugin.routes?.map((routes) => routes.name),
      ['callback-routes'],
    );
    assert.deepEqual(
      plugin.jobs?.map((job) => job.name),
      ['callbacks.deliver', 'callbacks.relay'],
    );
    assert.deepEqual(
      plugin.authStrategies?.map((strategy) => strategy.name),
      ['v1-service-token'],
    );
  });

  it('brings the service-token scheme: without the plugin the host refuses x-service-token and does not document it', async () => {
    const withBridge = await createTestHost();
    const without = await createTestHost({ withoutPlugins: [PLUGIN_NAME] });
    try {
      const tenant = await withBridge.createTenant('firm');
      const headers = await tenant.headers('service');
      assert.ok(headers[SERVICE_TOKEN_HEADER]);
      const me = await withBridge.server.inject({ url: '/v1/auth/me', headers });
      assert.equal(me.statusCode, 200, me.payload);
      assert.equal(json(me).via, 'service');
      const refused = await without.server.inject({ url: '/v1/auth/me', headers });
      assert.equal(refused.statusCode, 401);
      assert.equal(json(refused).code, 'UNAUTHENTICATED');
      const admin = await tenant.headers('admin');
      assert.equal(
        (await without.server.inject({ url: '/v1/auth/me', headers: admin })).statusCode,
        200,
        'bearer tokens are the host’s own',
      );
      const documented = (host: typeof without) =>
        host.server
          .inject('/openapi.json')
          .then((response) => Object.keys(json(response).securityDefinitions as object));
      assert.deepEqual(await documented(withBridge), ['bearer', 'serviceToken']);
      assert.deepEqual(await documented(without), ['bearer']);
    } finally {
      await withBridge.close();
      await without.close();
    }
  });

  it('stops the boot over a bad V1_CALLBACK_TIMEOUT_MS, naming it', () => {
    for (const value of ['soon', '10', '999999', '1.5']) {
      assert.throws(
        () => createHostPlugin({ env: { V1_CALLBACK_TIMEOUT_MS: value }, config }),
        { name: 'ConfigError', message: /V1_CALLBACK_TIMEOUT_MS/ },
        value,
      );
    }
    assert.equal(createHostPlugin({ env: { V1_CALLBACK_TIMEOUT_MS: '5000' }, config }).name, PLUGIN_NAME);
  });
});
