import { randomBytes } from 'node:crypto';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { withDatabase } from '../embedded.ts';
import { migrateToLatest } from '../migrator.ts';
import { createDb, createPool } from '../pool.ts';
import type { DB } from '../types.generated.ts';

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function admin<T>(serverUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates and migrates a template database once per test run; every test file clones it. */
export async function createTemplateDatabase(serverUrl: string): Promise<string> {
  const name = `stayhub_tmpl_${process.pid}_${randomBytes(3).toString('hex')}`;
  await admin(serverUrl, (c) => c.query(`CREATE DATABASE ${quote(name)}`));
  const pool = createPool({ connectionString: withDatabase(serverUrl, name), max: 2 });
  // biome-ignore lint/suspicious/noExplicitAny: migrations run untyped, like the CLI.
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrateToLatest(db, pool);
  } finally {
    await db.destroy();
  }
  return name;
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await admin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`));
}

export interface TestDatabase {
  name: string;
  url: string;
  db: Kysely<DB>;
  pool: pg.Pool;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

/** A fresh, migrated database of its own for one test file: `CREATE DATABASE … TEMPLATE …`. */
export async function cloneTemplate(serverUrl: string, template: string): Promise<TestDatabase> {
  const name = `stayhub_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin(serverUrl, (c) => c.query(`CREATE DATABASE ${quote(name)} TEMPLATE ${quote(template)}`));
  const url = withDatabase(serverUrl, name);
  // The database is dropped WITH (FORCE) at the end, which ends connections pg may still be closing.
  const pool = createPool({
    connectionString: url,
    max: 20,
    applicationName: 'stayhub-test',
    onError: () => {},
  });
  const db = createDb({ pool });
  return {
    name,
    url,
    db,
    pool,
    drop: async () => {
      await db.destroy();
      await dropDatabase(serverUrl, name);
    },
  };
}

/** Whether another test run still has its template (and so the shared server) in use. */
export async function otherTestRunsActive(serverUrl: string): Promise<boolean> {
  const { rows } = await admin(serverUrl, (c) =>
    c.query<{ n: number }>(
      `select count(*)::int as n from pg_database where datname like 'stayhub\\_tmpl\\_%'`,
    ),
  );
  return (rows[0]?.n ?? 0) > 0;
}
