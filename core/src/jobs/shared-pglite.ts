import type { PGlite } from '@electric-sql/pglite';
import type { Knex } from 'knex';
import type { PGliteLike } from 'pg-boss';
import { DROP_TO_APP_ROLE_SQL } from '../store/database.js';

/** The part of knex's client that lends out its connection; with knex-pglite the pool holds one. */
interface ConnectionLender {
  acquireConnection(): Promise<PGlite>;
  releaseConnection(connection: PGlite): Promise<void>;
}

/**
 * PGlite is a single connection that knex holds for the whole of a transaction. pg-boss's
 * adapter would talk to the instance directly and so land its statements inside whatever
 * transaction knex has open (a tenant's, under row-level security), or commit it half-way.
 * Each pg-boss statement therefore borrows the connection from knex's pool, and a statement
 * that fails gives the connection back with no transaction left open. It runs as the login (pg-boss
 * keeps its own schema) and gives the connection back as the application role.
 *
 * `listen` is left out on purpose: PGlite's LISTEN would also run outside knex's pool, so
 * workers poll (pg-boss falls back to polling when an adapter cannot listen).
 */
export function sharedPglite(knex: Knex): PGliteLike {
  const lender = knex.client as ConnectionLender;
  const borrow = async <T>(work: (pglite: PGlite) => Promise<T>): Promise<T> => {
    const connection = await lender.acquireConnection();
    try {
      // The connection runs as the application role; pg-boss's own schema is the owner's.
      await connection.query('RESET ROLE');
      try {
        return await work(connection);
      } catch (error) {
        if (connection.isInTransaction()) await connection.query('ROLLBACK');
        throw error;
      } finally {
        await connection.query(DROP_TO_APP_ROLE_SQL);
      }
    } finally {
      await lender.releaseConnection(connection);
    }
  };
  return {
    query: <T>(text: string, params?: unknown[]) =>
      borrow(async (pglite) => {
        // The adapter rolls back after every failure; `borrow` has done so already.
        if (text === 'ROLLBACK' && !pglite.isInTransaction()) return { rows: [] as T[] };
        return pglite.query<T>(text, params);
      }),
    exec: (text: string) => borrow((pglite) => pglite.exec(text)),
  };
}
