import { type Kysely, sql } from 'kysely';

/**
 * Two-sided, blind reviews (SPEC §10). A host's review of a guest lives in guest_reviews (one per booking,
 * like reviews). Neither review of a stay is shown until both exist or the 14-day window closes: until then
 * `published_at` is null, and lists, aggregates (properties.rating_avg/review_count, the users' guest
 * rating) count only published rows. Reviews written before this migration were shown at once, so they
 * are published as of their creation.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE reviews ADD COLUMN published_at timestamptz`.execute(db);
  await sql`UPDATE reviews SET published_at = created_at`.execute(db);
  // A listing's shown reviews, newest first: the order and filter of reviews.listForProperty.
  await sql`
    CREATE INDEX reviews_published_property_idx ON reviews (property_id, created_at DESC, review_id)
    WHERE published_at IS NOT NULL
  `.execute(db);

  await sql`
    CREATE TABLE guest_reviews (
      guest_review_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      booking_id uuid NOT NULL REFERENCES bookings (booking_id),
      property_id uuid NOT NULL REFERENCES properties (property_id),
      -- The guest reviewed (the booking's user_id).
      guest_id uuid NOT NULL REFERENCES users (user_id),
      -- The author (the listing's host).
      author_id uuid NOT NULL REFERENCES users (user_id),
      rating smallint NOT NULL,
      comment text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      published_at timestamptz,
      CONSTRAINT guest_reviews_booking_id_key UNIQUE (booking_id),
      CONSTRAINT guest_reviews_rating_check CHECK (rating BETWEEN 1 AND 5),
      CONSTRAINT guest_reviews_comment_check CHECK (char_length(comment) BETWEEN 1 AND 5000)
    )
  `.execute(db);
  // The guest's rating is recomputed from their published reviews.
  await sql`CREATE INDEX guest_reviews_guest_id_idx ON guest_reviews (guest_id, created_at DESC)`.execute(db);
  await sql`CREATE INDEX guest_reviews_author_id_idx ON guest_reviews (author_id)`.execute(db);
  await sql`CREATE INDEX guest_reviews_property_id_idx ON guest_reviews (property_id)`.execute(db);

  await sql`
    ALTER TABLE users
      ADD COLUMN guest_rating_avg numeric(3, 2),
      ADD COLUMN guest_review_count integer NOT NULL DEFAULT 0,
      ADD CONSTRAINT users_guest_rating_avg_check CHECK (guest_rating_avg BETWEEN 1 AND 5),
      ADD CONSTRAINT users_guest_review_count_check CHECK (guest_review_count >= 0)
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up.
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE users
      DROP COLUMN guest_rating_avg,
      DROP COLUMN guest_review_count
  `.execute(db);
  await sql`DROP TABLE guest_reviews`.execute(db);
  await sql`DROP INDEX reviews_published_property_idx`.execute(db);
  await sql`ALTER TABLE reviews DROP COLUMN published_at`.execute(db);
}
