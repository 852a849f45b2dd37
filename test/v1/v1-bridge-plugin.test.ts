import assert from 'node:assert/strict';
import { loadConfig, loadHostPlugins } from '@repogen/core';
import { createHostPlugin, PLUGIN_NAME } from '@repogen/plugin-v1-bridge';

describe('the v1-bridge host plugin', () => {
  const config = loadConfig({ REPOGEN_LOG_LEVEL: 'silent', NODE_ENV: 'test' });

  it('is bundled: the host finds it with its callback service, routes, delivery and relay jobs', async () => {
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
