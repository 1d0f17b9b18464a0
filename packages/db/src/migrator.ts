import { runMigrations as runWorkerMigrations } from 'graphile-worker';
import { type Kysely, type MigrationResultSet, Migrator, NO_MIGRATIONS } from 'kysely';
import type pg from 'pg';
import { migrations } from './migrations/index.ts';

/** Migrations come from a static list (never a folder read at run time), so bundles and tests see the same set. */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and typed against no schema.
export function createMigrator(db: Kysely<any>): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

function unwrap(result: MigrationResultSet): string[] {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const where = failed ? ` (in ${failed.migrationName})` : '';
    throw new Error(`migration failed${where}: ${String(result.error)}`, { cause: result.error });
  }
  return (result.results ?? []).map((r) => `${r.direction === 'Up' ? 'up' : 'down'} ${r.migrationName}`);
}

/** Our schema to the newest migration, then graphile-worker's own schema (jobs live in Postgres, SPEC §6). */
// biome-ignore lint/suspicious/noExplicitAny: see createMigrator.
export async function migrateToLatest(db: Kysely<any>, pool: pg.Pool): Promise<string[]> {
  const applied = unwrap(await createMigrator(db).migrateToLatest());
  await runWorkerMigrations({ pgPool: pool });
  return applied;
}

// biome-ignore lint/suspicious/noExplicitAny: see createMigrator.
export async function migrateDown(db: Kysely<any>, steps = 1): Promise<string[]> {
  const migrator = createMigrator(db);
  const applied: string[] = [];
  for (let i = 0; i < steps; i++) {
    const done = unwrap(await migrator.migrateDown());
    if (done.length === 0) break;
    applied.push(...done);
  }
  return applied;
}

// biome-ignore lint/suspicious/noExplicitAny: see createMigrator.
export async function migrateToZero(db: Kysely<any>): Promise<string[]> {
  return unwrap(await createMigrator(db).migrateTo(NO_MIGRATIONS));
}

// biome-ignore lint/suspicious/noExplicitAny: see createMigrator.
export async function migrationStatus(db: Kysely<any>) {
  const list = await createMigrator(db).getMigrations();
  return list.map((m) => ({ name: m.name, executedAt: m.executedAt ?? null }));
}
