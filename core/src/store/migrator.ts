import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Knex } from 'knex';
import type { Database } from './database.js';

interface MigrationModule {
  readonly up: (knex: Knex) => Promise<void>;
  readonly down: (knex: Knex) => Promise<void>;
}

/** Compiled migrations live in the repository's `migrations/dist`, one module per change. */
export const DEFAULT_MIGRATIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../migrations/dist',
);

const MIGRATION_FILE = /^\d{14}_[a-z0-9_]+\.js$/;

class DirectoryMigrationSource implements Knex.MigrationSource<string> {
  constructor(private readonly directory: string) {}

  async getMigrations(): Promise<string[]> {
    const files = await fs.readdir(this.directory).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`No compiled migrations in ${this.directory}: run npm run build`);
      throw error;
    });
    return files.filter((file) => MIGRATION_FILE.test(file)).sort();
  }

  getMigrationName(migration: string): string {
    return migration.replace(/\.js$/, '.ts');
  }

  async getMigration(migration: string): Promise<Knex.Migration> {
    const module = (await import(pathToFileURL(path.join(this.directory, migration)).href)) as MigrationModule;
    return { up: module.up, down: module.down };
  }
}

export interface MigrationResult {
  readonly applied: readonly string[];
}

/** Applies the pending migrations with the owner's rights (the application role may not change the schema). */
export async function migrateToLatest(database: Database, directory = DEFAULT_MIGRATIONS_DIR): Promise<MigrationResult> {
  const applied = await database.asOwner(async (owner) => {
    const [, names] = (await owner.migrate.latest({
      migrationSource: new DirectoryMigrationSource(directory),
      tableName: 'knex_migrations',
    })) as [number, string[]];
    return names;
  });
  if (applied.length > 0 && database.kind === 'postgres') {
    // A connection opened before the first migration created the application role runs as the owner.
    await database.knex.destroy();
    database.knex.initialize();
  }
  return { applied };
}
