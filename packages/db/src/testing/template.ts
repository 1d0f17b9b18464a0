import { randomBytes } from 'node:crypto';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { withDatabase } from '../embedded.ts';
import { partitionBookings } from '../layouts/partition-bookings.ts';
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

/**
 * The schema layouts a test run can ask for with STAYHUB_TEST_LAYOUT, applied to the template after the
 * migrations so every cloned test database has it. `migrated` (the default, also when unset or empty) is the
 * schema the migrations make; `partitioned-bookings` is the operator-run layout of
 * packages/db/src/layouts/partition-bookings.ts, with yearly partitions through five years ahead (test clocks
 * run years ahead; anything later lands in the DEFAULT partition).
 */
export const TEST_LAYOUTS = ['migrated', 'partitioned-bookings'] as const;
export type TestLayout = (typeof TEST_LAYOUTS)[number];

export function testLayout(value = process.env.STAYHUB_TEST_LAYOUT?.trim()): TestLayout {
  if (!value) return 'migrated';
  const layout = TEST_LAYOUTS.find((known) => known === value);
  if (!layout) throw new Error(`STAYHUB_TEST_LAYOUT must be one of ${TEST_LAYOUTS.join(', ')}, not ${value}`);
  return layout;
}

/**
 * Creates and migrates a template database once per test run, in the layout STAYHUB_TEST_LAYOUT names;
 * every test file clones it.
 */
export async function createTemplateDatabase(serverUrl: string, layout = testLayout()): Promise<string> {
  const name = `stayhub_tmpl_${process.pid}_${randomBytes(3).toString('hex')}`;
  await admin(serverUrl, (c) => c.query(`CREATE DATABASE ${quote(name)}`));
  const pool = createPool({ connectionString: withDatabase(serverUrl, name), max: 2 });
  // biome-ignore lint/suspicious/noExplicitAny: migrations run untyped, like the CLI.
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrateToLatest(db, pool);
    if (layout === 'partitioned-bookings') {
      await partitionBookings(db, { through: `${new Date().getUTCFullYear() + 5}-12-31` });
    }
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

/** Whether process `pid` still runs on this machine (signal 0 checks without sending anything). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether another test run still uses the shared server: a template whose run (the pid in its name) is
 * alive. Templates of runs that died without a teardown are dropped here, so a killed run cannot keep the
 * embedded server from ever being stopped again.
 */
export async function otherTestRunsActive(serverUrl: string): Promise<boolean> {
  const { rows } = await admin(serverUrl, (c) =>
    c.query<{ datname: string }>(`select datname from pg_database where datname like 'stayhub\\_tmpl\\_%'`),
  );
  let active = false;
  for (const { datname } of rows) {
    const pid = Number(/^stayhub_tmpl_(\d+)_/.exec(datname)?.[1]);
    if (Number.isInteger(pid) && isRunning(pid)) active = true;
    else await dropDatabase(serverUrl, datname);
  }
  return active;
}
