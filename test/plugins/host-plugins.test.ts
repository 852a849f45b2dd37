import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  coreServiceFactories,
  coreServices,
  createLogger,
  createServer,
  hostJobs,
  loadConfig,
  loadHostPlugins,
  ServiceRegistry,
  type HostPlugin,
} from '@repogen/core';

/** A plugin package as the host finds it under `plugins/`: a manifest with role "plugin" and a built main module. */
async function writePlugin(dir: string, folder: string, name: string, main: string, role = 'plugin'): Promise<void> {
  await fs.mkdir(path.join(dir, folder, 'dist'), { recursive: true });
  await fs.writeFile(path.join(dir, folder, 'package.json'), JSON.stringify({ name, main: 'dist/index.js', type: 'module', repogen: { role } }));
  await fs.writeFile(path.join(dir, folder, 'dist', 'index.js'), main);
}

const greeterModule = `
export function createHostPlugin({ env }) {
  const greeting = env.GREETER_GREETING ?? 'hello';
  return {
    name: '@repogen/plugin-greeter',
    services: [{ service: { id: 'greeter.words' }, deps: {}, create: () => ({ greeting }) }],
    routes: [{
      name: 'greeter-routes',
      deps: { words: { id: 'greeter.words' } },
      routes: ({ words }) => [{ method: 'GET', path: '/v1/greeter', options: { auth: false }, handler: () => ({ greeting: words.greeting }) }],
    }],
    jobs: [{ name: 'greeter.wave', deps: {}, payloadSchema: undefined, retry: { limit: 0, backoff: { delaySeconds: 1, exponential: false } }, handler: async () => undefined }],
  };
}`;

describe('host plugins', () => {
  let dir: string;
  const config = loadConfig({ REPOGEN_LOG_LEVEL: 'silent', NODE_ENV: 'test' });

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'repogen-plugins-'));
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  it('loads the plugins of a folder: their services, routes and jobs join the host', async () => {
    await writePlugin(dir, 'greeter', '@repogen/plugin-greeter', greeterModule);
    await writePlugin(dir, 'not-a-plugin', '@repogen/pack-x', 'throw new Error("never imported")', 'pack');
    const plugins: HostPlugin[] = await loadHostPlugins({ env: { GREETER_GREETING: 'namaste' }, config }, dir);
    assert.deepEqual(plugins.map((plugin) => plugin.name), ['@repogen/plugin-greeter']);

    const registry = new ServiceRegistry(coreServiceFactories(config, createLogger('silent'), plugins));
    try {
      const server = await createServer({ registry, port: 0 });
      const response = await server.inject({ url: '/v1/greeter' });
      assert.equal(response.statusCode, 200);
      assert.deepEqual(response.result, { greeting: 'namaste' });
      const jobs = await hostJobs(registry);
      assert.ok(jobs.some((job) => job.name === 'greeter.wave'));
      assert.ok(jobs.some((job) => job.name === 'reports.generate'), 'the host keeps its own jobs');
      assert.equal(await registry.get(coreServices.plugins), plugins);
    } finally {
      await registry.dispose();
    }
  });

  it('lets a plugin stop the boot over a bad setting with the host ConfigError, naming it', async () => {
    const core = pathToFileURL(createRequire(import.meta.url).resolve('@repogen/core')).href;
    await writePlugin(
      dir,
      'strict',
      '@repogen/plugin-strict',
      `import { ConfigError } from '${core}';
export function createHostPlugin({ env }) {
  if (!env.STRICT_KEY) throw new ConfigError('STRICT_KEY', 'is required by @repogen/plugin-strict');
  return { name: '@repogen/plugin-strict' };
}`,
    );
    await assert.rejects(loadHostPlugins({ env: {}, config }, dir), { name: 'ConfigError', message: /STRICT_KEY is required/ });
    assert.equal((await loadHostPlugins({ env: { STRICT_KEY: 'k' }, config }, dir)).length, 1);
  });

  it('names a plugin that is not built, exports nothing usable, or calls itself by another name', async () => {
    await fs.mkdir(path.join(dir, 'unbuilt'), { recursive: true });
    await fs.writeFile(path.join(dir, 'unbuilt', 'package.json'), JSON.stringify({ name: '@repogen/plugin-unbuilt', main: 'dist/index.js', repogen: { role: 'plugin' } }));
    await assert.rejects(loadHostPlugins({ env: {}, config }, dir), /Host plugin @repogen\/plugin-unbuilt could not be loaded .*is it built/);
    await fs.rm(path.join(dir, 'unbuilt'), { recursive: true });

    await writePlugin(dir, 'empty', '@repogen/plugin-empty', 'export const nothing = 1;');
    await assert.rejects(loadHostPlugins({ env: {}, config }, dir), /@repogen\/plugin-empty does not export createHostPlugin/);
    await fs.rm(path.join(dir, 'empty'), { recursive: true });

    await writePlugin(dir, 'liar', '@repogen/plugin-liar', "export function createHostPlugin() { return { name: '@repogen/plugin-other' }; }");
    await assert.rejects(loadHostPlugins({ env: {}, config }, dir), /calls itself @repogen\/plugin-other, but its package is @repogen\/plugin-liar/);
  });

  it('loads nothing from a folder that does not exist', async () => {
    assert.deepEqual(await loadHostPlugins({ env: {}, config }, path.join(dir, 'missing')), []);
  });
});
