import { type Kysely, sql } from 'kysely';

/**
 * Wishlists (SPEC §9, issue 15): a user's named lists of listings, private to them. "Which of these
 * listings has this viewer saved" — the `saved` flag of search and properties.get — is one statement per
 * page: the viewer's lists (wishlists_user_id_idx) joined to the page's listings by the primary key of
 * wishlist_properties (a user has a handful of lists, so that is a few index probes).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE wishlists (
      wishlist_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
      name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT wishlists_name_check CHECK (length(name) BETWEEN 1 AND 100)
    )
  `.execute(db);
  await sql`CREATE INDEX wishlists_user_id_idx ON wishlists (user_id, created_at DESC, wishlist_id)`.execute(
    db,
  );
  await sql`
    CREATE TABLE wishlist_properties (
      wishlist_id uuid NOT NULL REFERENCES wishlists (wishlist_id) ON DELETE CASCADE,
      property_id uuid NOT NULL REFERENCES properties (property_id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (wishlist_id, property_id)
    )
  `.execute(db);
  await sql`CREATE INDEX wishlist_properties_property_id_idx ON wishlist_properties (property_id)`.execute(
    db,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: see up.
export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE wishlist_properties`.execute(db);
  await sql`DROP TABLE wishlists`.execute(db);
}
