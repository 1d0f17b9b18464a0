import { type Kysely, sql } from 'kysely';

/**
 * Email change (SPEC §10) reuses the single-use tokens: a new purpose, and the address the code was mailed
 * to, kept with the code so confirming needs only the code. Only an email_change token carries one. The
 * CHECK compares the purpose as text: a value added to an enum cannot be used as one in the transaction
 * that adds it, and the migrator runs pending migrations in one transaction.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TYPE user_token_purpose ADD VALUE 'email_change'`.execute(db);
  await sql`
    ALTER TABLE user_tokens
      ADD COLUMN new_email citext,
      ADD CONSTRAINT user_tokens_new_email_check CHECK (
        (purpose::text = 'email_change') = (new_email IS NOT NULL)
        AND (new_email IS NULL OR (strpos(new_email, '@') > 1 AND length(new_email) <= 254))
      )
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up.
export async function down(db: Kysely<any>): Promise<void> {
  // An enum value cannot be dropped: the type is rebuilt without it.
  await sql`DELETE FROM user_tokens WHERE purpose::text = 'email_change'`.execute(db);
  await sql`ALTER TABLE user_tokens DROP COLUMN new_email`.execute(db);
  await sql`ALTER TYPE user_token_purpose RENAME TO user_token_purpose_old`.execute(db);
  await sql`CREATE TYPE user_token_purpose AS ENUM ('password_reset', 'email_verification')`.execute(db);
  await sql`
    ALTER TABLE user_tokens
      ALTER COLUMN purpose TYPE user_token_purpose USING purpose::text::user_token_purpose
  `.execute(db);
  await sql`DROP TYPE user_token_purpose_old`.execute(db);
}
