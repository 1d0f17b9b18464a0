import { type Kysely, sql } from 'kysely';

/**
 * Account deletion (SPEC §10): the row stays, anonymised, so the financial records that must be kept keep
 * their foreign keys; deleted_at says the person is gone, and the CHECK that their contact details are.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE users
      ADD COLUMN deleted_at timestamptz,
      ADD CONSTRAINT users_deleted_check CHECK (
        deleted_at IS NULL OR (phone_number IS NULL AND bio IS NULL AND avatar_url IS NULL)
      )
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up.
export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE users DROP COLUMN deleted_at`.execute(db);
}
