import { type Kysely, sql } from 'kysely';

/**
 * The cache epoch (packages/api/src/infra/cache/cache-epoch.ts): every Redis cache key carries it, so
 * bumping it retires the whole cache at once. A process bumps it when a cache write fails (an invalidation
 * it could not deliver must not be lost) and again when Redis answers after failing, so entries that Redis
 * kept, or restored from a snapshot, across an outage are never read again. One row; Postgres keeps it
 * because Postgres is what survives a Redis outage.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE cache_epoch (
      singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
      epoch bigint NOT NULL DEFAULT 1 CHECK (epoch > 0),
      bumped_at timestamptz NOT NULL DEFAULT now()
    )
  `.execute(db);
  await sql`INSERT INTO cache_epoch DEFAULT VALUES`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE cache_epoch`.execute(db);
}
