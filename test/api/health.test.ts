import assert from 'node:assert/strict';
import net from 'node:net';
import type { Server } from '@hapi/hapi';
import {
  coreServiceFactories,
  coreServices,
  createLogger,
  createServer,
  foundationRoutePlugins,
  loadConfig,
  openDatabase,
  ServiceRegistry,
  type Database,
} from '@repogen/core';

/** A server with the system routes only, on a database that is not migrated (and may not be there). */
async function serverOn(database: Database): Promise<Server> {
  const config = loadConfig({ NODE_ENV: 'test' });
  const logger = createLogger('silent');
  const factories = coreServiceFactories(config, logger).filter(
    (factory) => factory.service.id !== coreServices.database.id,
  );
  const registry = new ServiceRegistry([...factories, ServiceRegistry.value(coreServices.database, database)]);
  const server = await createServer({
    registry,
    port: 0,
    routePlugins: foundationRoutePlugins.filter((plugin) => plugin.name === 'system-routes'),
  });
  await server.initialize();
  return server;
}

async function timedHealth(server: Server) {
  const started = Date.now();
  const response = await server.inject('/v1/health');
  return { response, ms: Date.now() - started };
}

describe('GET /v1/health without a database', () => {
  it('answers 503 degraded at once when nothing listens on the database port', async () => {
    const database = await openDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:1/none', pgliteDir: undefined });
    try {
      const { response, ms } = await timedHealth(await serverOn(database));
      assert.equal(response.statusCode, 503);
      assert.deepEqual(JSON.parse(response.payload), { status: 'degraded', database: 'down' });
      assert.ok(ms < 3_000, `answered in ${ms} ms`);
    } finally {
      await database.close();
    }
  });

  it('answers 503 within a few seconds, not hanging, when the database accepts but never answers', async () => {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    const database = await openDatabase({
      databaseUrl: `postgres://postgres@127.0.0.1:${port}/none`,
      pgliteDir: undefined,
    });
    try {
      const { response, ms } = await timedHealth(await serverOn(database));
      assert.equal(response.statusCode, 503);
      assert.deepEqual(JSON.parse(response.payload), { status: 'degraded', database: 'down' });
      assert.ok(ms < 4_000, `answered in ${ms} ms`);
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
      await database.close();
    }
  });
});
