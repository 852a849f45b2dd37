import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { createServiceFactory, createServiceRef, ServiceRegistry, type ServiceFactory } from './service-registry.js';

const refs = {
  a: createServiceRef<string>('test.a'),
  b: createServiceRef<string>('test.b'),
  c: createServiceRef<string>('test.c'),
  x: createServiceRef<string>('test.x'),
  y: createServiceRef<string>('test.y'),
};

describe('ServiceRegistry', () => {
  it('creates each service once, however many ask for it and however concurrently', async () => {
    let created = 0;
    const registry = new ServiceRegistry([
      createServiceFactory({
        service: refs.a,
        deps: {},
        async create() {
          created += 1;
          await sleep(5);
          return 'a';
        },
      }),
      createServiceFactory({ service: refs.b, deps: { a: refs.a }, create: ({ a }) => `b(${a})` }),
      createServiceFactory({ service: refs.c, deps: { a: refs.a }, create: ({ a }) => `c(${a})` }),
    ]);
    const [b, c, a] = await Promise.all([registry.get(refs.b), registry.get(refs.c), registry.get(refs.a)]);
    assert.deepEqual([a, b, c], ['a', 'b(a)', 'c(a)']);
    assert.equal(await registry.get(refs.a), 'a');
    assert.equal(created, 1);
  });

  it('hands a factory its declared dependencies, and resolves a named set for a plugin', async () => {
    const registry = new ServiceRegistry([
      ServiceRegistry.value(refs.a, 'A'),
      ServiceRegistry.value(refs.b, 'B'),
      createServiceFactory({
        service: refs.c,
        deps: { first: refs.a, second: refs.b },
        create: (deps) => deps.first + deps.second,
      }),
    ]);
    assert.equal(await registry.get(refs.c), 'AB');
    assert.deepEqual(await registry.resolve({ left: refs.a, both: refs.c }, 'test-plugin'), { left: 'A', both: 'AB' });
  });

  it('names the cycle when services depend on each other', async () => {
    const registry = new ServiceRegistry([
      createServiceFactory({ service: refs.a, deps: { b: refs.b }, create: () => 'a' }),
      createServiceFactory({ service: refs.b, deps: { a: refs.a }, create: () => 'b' }),
    ]);
    await assert.rejects(registry.get(refs.a), { message: 'Service dependency cycle: test.a -> test.b -> test.a' });
  });

  it('names the cycle too when it is reached after an asynchronous dependency', async () => {
    const registry = new ServiceRegistry([
      createServiceFactory({ service: refs.x, deps: {}, create: () => sleep(5).then(() => 'x') }),
      createServiceFactory({ service: refs.a, deps: { x: refs.x, b: refs.b }, create: () => 'a' }),
      createServiceFactory({ service: refs.b, deps: { a: refs.a }, create: () => 'b' }),
    ]);
    await assert.rejects(registry.get(refs.a), /Service dependency cycle: test\.a -> test\.b -> test\.a/);
  });

  it('names the missing service and who needs it', async () => {
    const registry = new ServiceRegistry([
      createServiceFactory({ service: refs.y, deps: { x: refs.x }, create: () => 'y' }),
    ]);
    await assert.rejects(registry.get(refs.y), { message: 'No factory for service test.x (needed by test.y)' });
    await assert.rejects(registry.get(refs.x), { message: 'No factory for service test.x' });
    await assert.rejects(registry.resolve({ x: refs.x }, 'report-routes'), {
      message: 'No factory for service test.x (needed by report-routes)',
    });
  });

  it('refuses two factories for one service', () => {
    assert.throws(() => new ServiceRegistry([ServiceRegistry.value(refs.a, '1'), ServiceRegistry.value(refs.a, '2')]), {
      message: 'Two factories for service test.a',
    });
  });

  it('disposes what it created, the last created first, and only that', async () => {
    const disposed: string[] = [];
    const factory = (ref: typeof refs.a, deps: Record<string, typeof refs.a>): ServiceFactory<string> =>
      createServiceFactory({
        service: ref,
        deps,
        create: () => ref.id,
        dispose: async (instance) => {
          await sleep(1);
          disposed.push(instance);
        },
      });
    const registry = new ServiceRegistry([
      factory(refs.a, {}),
      factory(refs.b, { a: refs.a }),
      factory(refs.c, { b: refs.b }),
      factory(refs.x, {}),
    ]);
    await registry.get(refs.c);
    await registry.dispose();
    assert.deepEqual(disposed, ['test.c', 'test.b', 'test.a']);
    await registry.dispose();
    assert.equal(disposed.length, 3, 'a second dispose does nothing');
  });
});
