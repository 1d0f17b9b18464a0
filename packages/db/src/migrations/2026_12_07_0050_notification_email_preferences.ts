import { type Kysely, sql } from 'kysely';

/**
 * Per-type email preferences (SPEC §10 notifications): a row only where a user made a choice; a type
 * without one is mailed as its rule says. `type` is a notification type name (the registry in
 * packages/api/src/domain/notifications), text like notifications.type, so a release adding a type needs
 * no migration.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE notification_email_preferences (
      user_id uuid NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
      type text NOT NULL,
      email_enabled boolean NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, type)
    )
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up.
export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE notification_email_preferences`.execute(db);
}
