import { type Kysely, sql } from 'kysely';

/**
 * Account administration (admin.users, admin.suspendUser): when and why an account was suspended, the
 * newest-first keyset order of the user list, and trigram indexes for its case-insensitive substring
 * search on email and names (ILIKE '%text%').
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE users
      ADD COLUMN suspended_at timestamptz,
      ADD COLUMN suspension_reason text,
      ADD CONSTRAINT users_suspension_reason_check CHECK (char_length(suspension_reason) BETWEEN 1 AND 500)
  `.execute(db);
  // admin.users: ORDER BY created_at DESC, user_id DESC with a (created_at, user_id) keyset cursor.
  await sql`CREATE INDEX users_newest_idx ON users (created_at DESC, user_id DESC)`.execute(db);
  // email is citext, which has no trigram operator class: the query searches email::text with ILIKE.
  await sql`CREATE INDEX users_email_trgm_idx ON users USING gin ((email::text) gin_trgm_ops)`.execute(db);
  await sql`CREATE INDEX users_first_name_trgm_idx ON users USING gin (first_name gin_trgm_ops)`.execute(db);
  await sql`CREATE INDEX users_last_name_trgm_idx ON users USING gin (last_name gin_trgm_ops)`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up.
export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX users_last_name_trgm_idx`.execute(db);
  await sql`DROP INDEX users_first_name_trgm_idx`.execute(db);
  await sql`DROP INDEX users_email_trgm_idx`.execute(db);
  await sql`DROP INDEX users_newest_idx`.execute(db);
  await sql`
    ALTER TABLE users
      DROP CONSTRAINT users_suspension_reason_check,
      DROP COLUMN suspension_reason,
      DROP COLUMN suspended_at
  `.execute(db);
}
