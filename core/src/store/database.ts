import fs from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import knexFactory, { type Knex } from 'knex';
import ClientPgLite from 'knex-pglite';
import pg from 'pg';

export type StoreKind = 'postgres' | 'pglite';

/** The system of record: one knex handle on PostgreSQL or on embedded PGlite. */
export interface Database {
  readonly kind: StoreKind;
  readonly knex: Knex;
  /** The embedded engine, for components (pg-boss) that speak to it directly. */
  readonly pglite: PGlite | undefined;
  close(): Promise<void>;
}

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
    const knex = knexFactory({
      client: 'pg',
      connection: { connectionString: options.databaseUrl, connectionTimeoutMillis: 5_000, statement_timeout: 30_000 },
      pool: { min: 0, max: options.poolMax ?? 10, acquireTimeoutMillis: 5_000 },
      acquireConnectionTimeout: 5_000,
    });
    return { kind: 'postgres', knex, pglite: undefined, close: () => knex.destroy() };
  }
  if (options.pgliteDir !== undefined) await fs.mkdir(path.dirname(options.pgliteDir), { recursive: true });
  const pglite = new PGlite(options.pgliteDir);
  await pglite.waitReady;
  // knex-pglite accepts an existing instance through a connection function; its types omit it.
  const connection = (() => ({ pglite })) as unknown as Knex.StaticConnectionConfig;
  const knex = knexFactory({ client: ClientPgLite, dialect: 'postgres', connection });
  return {
    kind: 'pglite',
    knex,
    pglite,
    close: async () => {
      await knex.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
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
