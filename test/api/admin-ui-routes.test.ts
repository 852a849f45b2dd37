import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createAdminUiRoutesPlugin, createServer, foundationRoutePlugins } from '@repogen/core';
import { createTestHost, json, type TestHost } from '../support/test-host.js';

describe('the host serves the admin UI at / (SPA fallback; the API keeps its own answers)', () => {
  let host: TestHost;
  let dir: string;
  let server: Awaited<ReturnType<typeof createServer>>;

  before(async () => {
    host = await createTestHost();
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'repogen-ui-'));
    await fs.mkdir(path.join(dir, 'assets'));
    await fs.writeFile(path.join(dir, 'index.html'), '<!doctype html><title>Repogen</title><div id="root"></div>');
    await fs.writeFile(path.join(dir, 'assets', 'index-abc123.js'), 'console.log("app")');
    const plugins: (typeof foundationRoutePlugins)[number][] = [...foundationRoutePlugins.filter((plugin) => plugin.name !== 'admin-ui-routes'), createAdminUiRoutesPlugin(dir)];
    server = await createServer({ registry: host.registry, routePlugins: plugins, port: 0 });
    await server.initialize();
  });

  after(async () => {
    await server?.stop();
    await host?.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('answers / and any app path with index.html, without a session', async () => {
    for (const url of ['/', '/reports', '/reports/0b8c1f3e-6a8e-4c53-9d0b-6f1f2f2b9a11', '/packs']) {
      const response = await server.inject(url);
      assert.equal(response.statusCode, 200, url);
      assert.match(response.headers['content-type'] as string, /text\/html/);
      assert.match(response.payload, /<div id="root">/);
      assert.match(response.headers['content-security-policy'] as string, /frame-ancestors 'none'/);
    }
  });

  it('serves hashed assets with a long cache and refuses unknown files and traversal', async () => {
    const asset = await server.inject('/assets/index-abc123.js');
    assert.equal(asset.statusCode, 200);
    assert.match(asset.headers['cache-control'] as string, /immutable/);
    assert.equal((await server.inject('/assets/missing.js')).statusCode, 404);
    assert.equal((await server.inject('/favicon.ico')).statusCode, 404);
    // A path that climbs out of the build gets the app (or a refusal), never the file it names.
    for (const url of ['/..%2f..%2fetc%2fpasswd', '/assets/..%2f..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/etc/hostname']) {
      const traversal = await server.inject(url);
      assert.doesNotMatch(traversal.payload, /root:|"workspaces"|^[a-z0-9-]+\n$/, url);
      if (traversal.statusCode === 200) assert.match(traversal.payload, /<div id="root">/, url);
    }
  });

  it('keeps unknown API paths a JSON 404 NOT_FOUND and the documentation where it was', async () => {
    const missing = await server.inject('/v1/nothing-here');
    assert.equal(missing.statusCode, 404);
    assert.equal(json(missing).code, 'NOT_FOUND');
    assert.equal((await server.inject('/openapi.json')).statusCode, 200);
    assert.equal((await server.inject('/documentation')).statusCode, 200);
    const health = await server.inject('/v1/health');
    assert.equal(health.statusCode, 200);
  });

  it('says how to build the UI when it is not built', async () => {
    const bare = await createServer({
      registry: host.registry,
      routePlugins: [...foundationRoutePlugins.filter((plugin) => plugin.name !== 'admin-ui-routes'), createAdminUiRoutesPlugin(path.join(dir, 'nowhere'))],
      port: 0,
    });
    await bare.initialize();
    const response = await bare.inject('/');
    assert.equal(response.statusCode, 503);
    assert.equal(json(response).code, 'ADMIN_UI_NOT_BUILT');
    await bare.stop();
  });
});
