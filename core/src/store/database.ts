import fs from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import knexFactory, { type Knex } from 'knex';
import ClientPgLite from 'knex-pglite';
import pg from 'pg';
import { lockEmbeddedStore, type StoreLock } from './store-lock.js';
import { APP_ROLE } from './tenant-scope.js';

export type StoreKind = 'postgres' | 'pglite';

/**
 * The system of record: one knex handle on PostgreSQL or on embedded PGlite. Its connections
 * run as the application role (`APP_ROLE`): outside a tenant transaction they see no tenant's
 * rows. `withSystem` raises one transaction to the login's rights; `asOwner` lends an owner
 * connection for schema changes.
 */
export interface Database {
  readonly kind: StoreKind;
  readonly knex: Knex;
  /** The embedded engine, for components (pg-boss) that speak to it directly. */
  readonly pglite: PGlite | undefined;
  /** Runs `work` with the login's own rights (migrations); afterwards every connection runs as the application role again. */
  asOwner<T>(work: (owner: Knex) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Drops a connection to the application role, once the migrations have created it. The login
 * (the schema's owner) keeps the right to come back for `withSystem` and migrations.
 */
export const DROP_TO_APP_ROLE_SQL = `SELECT set_config('role', '${APP_ROLE}', false) FROM pg_roles WHERE rolname = '${APP_ROLE}'`;

export interface DatabaseOptions {
  readonly databaseUrl: string | undefined;
  /** Directory of the embedded database; `undefined` keeps it in memory. */
  readonly pgliteDir: string | undefined;
  readonly poolMax?: number;
}

// PostgreSQL returns int8 (count(*), bigserial) as strings; every such value here fits a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl !== undefined) {
    const connection = { connectionString: options.databaseUrl, connectionTimeoutMillis: 5_000, statement_timeout: 30_000 };
    const knex = knexFactory({
      client: 'pg',
      connection,
      pool: {
        min: 0,
        max: options.poolMax ?? 10,
        acquireTimeoutMillis: 5_000,
        afterCreate: (client: pg.Client, done: (error: Error | undefined, client: pg.Client) => void) => {
          client.query(DROP_TO_APP_ROLE_SQL).then(
            () => done(undefined, client),
            (error: unknown) => done(error instanceof Error ? error : new Error(String(error)), client),
          );
        },
      },
      acquireConnectionTimeout: 5_000,
    });
    return {
      kind: 'postgres',
      knex,
      pglite: undefined,
      async asOwner(work) {
        const owner = knexFactory({ client: 'pg', connection, pool: { min: 0, max: 1 } });
        try {
          return await work(owner);
        } finally {
          await owner.destroy();
        }
      },
      close: () => knex.destroy(),
    };
  }
  let lock: StoreLock | undefined;
  if (options.pgliteDir !== undefined) {
    await fs.mkdir(path.dirname(options.pgliteDir), { recursive: true });
    lock = lockEmbeddedStore(options.pgliteDir);
  }
  try {
    const pglite = new PGlite(options.pgliteDir);
    await pglite.waitReady;
    // knex-pglite accepts an existing instance through a connection function; its types omit it.
    const connection = (() => ({ pglite })) as unknown as Knex.StaticConnectionConfig;
    const knex = knexFactory({ client: ClientPgLite, dialect: 'postgres', connection });
    await pglite.query(DROP_TO_APP_ROLE_SQL);
    return {
      kind: 'pglite',
      knex,
      pglite,
      // One connection: knex lends it for the whole of `work`, as the owner, then it drops again.
      async asOwner(work) {
        await knex.raw('RESET ROLE');
        try {
          return await work(knex);
        } finally {
          await knex.raw(DROP_TO_APP_ROLE_SQL);
        }
      },
      close: async () => {
        try {
          await knex.destroy();
          if (!pglite.closed) await pglite.close();
        } finally {
          lock?.release();
        }
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/** Answers whether the database takes a query within `timeoutMs`. */
export async function pingDatabase(database: Database, timeoutMs = 2_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([database.knex.raw('select 1').then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
