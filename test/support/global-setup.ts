import pg from 'pg';

/**
 * With DATABASE_URL set, the suite runs on that PostgreSQL database: its public schema is
 * rebuilt once per run, so migrations apply from scratch as they do on a new install.
 */
export async function mochaGlobalSetup(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('DROP SCHEMA IF EXISTS pgboss CASCADE');
    await client.query('DROP SCHEMA public CASCADE');
    await client.query('CREATE SCHEMA public');
  } finally {
    await client.end();
  }
}
