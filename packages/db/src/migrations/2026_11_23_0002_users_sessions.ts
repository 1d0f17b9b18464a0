import { type Kysely, sql } from 'kysely';

/**
 * Accounts and authentication: users, sessions (only a SHA-256 of the bearer token is stored) and
 * single-use tokens for password reset / email verification. Also the `set_updated_at()` trigger
 * function every table with an `updated_at` column uses.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      NEW.updated_at := now();
      RETURN NEW;
    END
    $$
  `.execute(db);

  await sql`CREATE TYPE user_role AS ENUM ('guest', 'host', 'admin')`.execute(db);
  await sql`CREATE TYPE user_status AS ENUM ('active', 'suspended')`.execute(db);
  await sql`CREATE TYPE user_token_purpose AS ENUM ('password_reset', 'email_verification')`.execute(db);

  await sql`
    CREATE TABLE users (
      user_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email citext NOT NULL,
      password_hash text NOT NULL,
      first_name text NOT NULL,
      last_name text NOT NULL,
      phone_number text,
      role user_role NOT NULL DEFAULT 'guest',
      bio text,
      avatar_url text,
      email_verified_at timestamptz,
      status user_status NOT NULL DEFAULT 'active',
      password_changed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      -- citext: 'Ann@x.io' and 'ann@x.io' are the same address.
      CONSTRAINT users_email_key UNIQUE (email),
      CONSTRAINT users_email_check CHECK (strpos(email, '@') > 1 AND length(email) <= 254)
    )
  `.execute(db);
  await sql`
    CREATE TRIGGER users_set_updated_at BEFORE UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION set_updated_at()
  `.execute(db);

  await sql`
    CREATE TABLE sessions (
      session_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
      -- SHA-256 of the bearer token; the token itself is never stored.
      token_hash bytea NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_used_at timestamptz NOT NULL DEFAULT now(),
      -- Sliding expiry, pushed forward on use but never past absolute_expires_at.
      expires_at timestamptz NOT NULL,
      absolute_expires_at timestamptz NOT NULL,
      user_agent text,
      ip inet,
      CONSTRAINT sessions_token_hash_key UNIQUE (token_hash),
      CONSTRAINT sessions_token_hash_check CHECK (octet_length(token_hash) = 32)
    )
  `.execute(db);
  await sql`CREATE INDEX sessions_user_id_idx ON sessions (user_id)`.execute(db);
  await sql`CREATE INDEX sessions_expires_at_idx ON sessions (expires_at)`.execute(db);

  await sql`
    CREATE TABLE user_tokens (
      token_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
      purpose user_token_purpose NOT NULL,
      -- SHA-256 of the emailed token.
      token_hash bytea NOT NULL,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT user_tokens_token_hash_key UNIQUE (token_hash),
      CONSTRAINT user_tokens_token_hash_check CHECK (octet_length(token_hash) = 32)
    )
  `.execute(db);
  await sql`CREATE INDEX user_tokens_user_id_purpose_idx ON user_tokens (user_id, purpose)`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up.
export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE user_tokens`.execute(db);
  await sql`DROP TABLE sessions`.execute(db);
  await sql`DROP TABLE users`.execute(db);
  await sql`DROP TYPE user_token_purpose`.execute(db);
  await sql`DROP TYPE user_status`.execute(db);
  await sql`DROP TYPE user_role`.execute(db);
  await sql`DROP FUNCTION set_updated_at()`.execute(db);
}
