import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS citext`.execute(db);
  await sql`CREATE EXTENSION IF NOT EXISTS btree_gist`.execute(db);
  await sql`CREATE EXTENSION IF NOT EXISTS pgcrypto`.execute(db);
  // Trigram indexes for the name/city text search (properties.search `text`).
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up.
export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP EXTENSION IF EXISTS pg_trgm`.execute(db);
  await sql`DROP EXTENSION IF EXISTS pgcrypto`.execute(db);
  await sql`DROP EXTENSION IF EXISTS btree_gist`.execute(db);
  await sql`DROP EXTENSION IF EXISTS citext`.execute(db);
}
