import { randomBytes } from 'node:crypto';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { withDatabase } from '../../src/embedded.ts';
import { migrations } from '../../src/migrations/index.ts';
import { createMigrator, migrateDown, migrateToZero } from '../../src/migrator.ts';
import { createPool } from '../../src/pool.ts';
import { dropDatabase } from '../../src/testing/index.ts';

// An empty database of this file's own (not the migrated template): migrations start from nothing.
const serverUrl = inject('dbServerUrl');
const name = `stayhub_mig_${process.pid}_${randomBytes(4).toString('hex')}`;
// biome-ignore lint/suspicious/noExplicitAny: migrations run untyped, as in the CLI.
let db: Kysely<any>;

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  db = new Kysely({
    dialect: new PostgresDialect({
      pool: createPool({ connectionString: withDatabase(serverUrl, name), max: 2 }),
    }),
  });
});

afterAll(async () => {
  await db?.destroy();
  await dropDatabase(serverUrl, name);
});

/** Everything a migration can create in the public schema, as text that two databases can compare. */
async function schemaSnapshot() {
  const query = async (q: ReturnType<typeof sql<{ item: string }>>) =>
    (await q.execute(db)).rows.map((r) => r.item);
  return {
    extensions: await query(sql`SELECT extname || ' ' || extversion AS item FROM pg_extension ORDER BY 1`),
    columns: await query(sql`
      SELECT concat_ws(' ', table_name, column_name, udt_name, is_nullable, column_default, generation_expression) AS item
        FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position
    `),
    constraints: await query(sql`
      SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS item
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1
    `),
    indexes: await query(sql`SELECT indexdef AS item FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1`),
    types: await query(sql`
      SELECT t.typname || ' ' || coalesce(string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder), t.typtype::text) AS item
        FROM pg_type t LEFT JOIN pg_enum e ON e.enumtypid = t.oid
       WHERE t.typnamespace = 'public'::regnamespace GROUP BY t.oid, t.typname, t.typtype ORDER BY 1
    `),
    functions: await query(sql`
      SELECT p.oid::regprocedure::text AS item FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace ORDER BY 1
    `),
    triggers: await query(
      sql`SELECT pg_get_triggerdef(oid) AS item FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1`,
    ),
  };
}

async function publicTables(): Promise<string[]> {
  const { rows } = await sql<{ tablename: string }>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename
  `.execute(db);
  return rows.map((r) => r.tablename);
}

const names = Object.keys(migrations);
const kyselyTables = ['kysely_migration', 'kysely_migration_lock'];

describe('migrations on an empty database', () => {
  it('go up, down to zero and up again, leaving nothing behind on the way down', async () => {
    const up = await createMigrator(db).migrateToLatest();
    expect(up.error).toBeUndefined();
    expect(up.results?.map((r) => r.migrationName)).toEqual(names);
    const migrated = await schemaSnapshot();
    expect(await publicTables()).toEqual(
      expect.arrayContaining(['users', 'properties', 'bookings', 'occupancy', 'payments', 'messages']),
    );

    expect(await migrateToZero(db)).toEqual(names.toReversed().map((n) => `down ${n}`));
    expect(await publicTables()).toEqual(kyselyTables);
    const empty = await schemaSnapshot();
    expect(empty.extensions.map((e) => e.split(' ')[0])).toEqual(['plpgsql']);
    expect(empty.functions).toEqual([]);
    expect(empty.triggers).toEqual([]);
    // Only the row types of Kysely's own two tables remain.
    expect(
      empty.types.filter((t) => !t.startsWith('kysely_migration') && !t.startsWith('_kysely_migration')),
    ).toEqual([]);

    const again = await createMigrator(db).migrateToLatest();
    expect(again.error).toBeUndefined();
    expect(await schemaSnapshot()).toEqual(migrated);
  });

  it('undo each migration exactly: down one step at a time, then up one at a time, match at every step', async () => {
    const migrator = createMigrator(db);
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const snapshots = [await schemaSnapshot()];
    for (const migration of names.toReversed()) {
      expect(await migrateDown(db, 1)).toEqual([`down ${migration}`]);
      snapshots.unshift(await schemaSnapshot());
    }
    expect(await publicTables()).toEqual(kyselyTables);

    for (const [step, migration] of names.entries()) {
      const result = await migrator.migrateUp();
      expect(result.error).toBeUndefined();
      expect(result.results?.map((r) => r.migrationName)).toEqual([migration]);
      expect(await schemaSnapshot(), `after ${migration}`).toEqual(snapshots[step + 1]);
    }
  });
});
