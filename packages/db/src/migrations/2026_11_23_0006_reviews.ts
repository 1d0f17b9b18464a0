import { type Kysely, sql } from 'kysely';

/** One review per completed booking, by its guest, with an optional single host response. */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE reviews (
      review_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      booking_id uuid NOT NULL REFERENCES bookings (booking_id),
      property_id uuid NOT NULL REFERENCES properties (property_id),
      -- The author (the booking's guest).
      user_id uuid NOT NULL REFERENCES users (user_id),
      rating smallint NOT NULL,
      comment text NOT NULL,
      host_response text,
      host_responded_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT reviews_booking_id_key UNIQUE (booking_id),
      CONSTRAINT reviews_rating_check CHECK (rating BETWEEN 1 AND 5),
      CONSTRAINT reviews_comment_check CHECK (char_length(comment) <= 5000),
      CONSTRAINT reviews_host_response_check CHECK (char_length(host_response) BETWEEN 1 AND 5000),
      CONSTRAINT reviews_host_responded_at_check CHECK ((host_response IS NULL) = (host_responded_at IS NULL))
    )
  `.execute(db);
  await sql`
    CREATE TRIGGER reviews_set_updated_at BEFORE UPDATE ON reviews
    FOR EACH ROW EXECUTE FUNCTION set_updated_at()
  `.execute(db);
  // A property's reviews, newest first, keyset by (created_at, review_id).
  await sql`
    CREATE INDEX reviews_property_id_idx ON reviews (property_id, created_at DESC, review_id)
  `.execute(db);
  await sql`CREATE INDEX reviews_user_id_idx ON reviews (user_id)`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up.
export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE reviews`.execute(db);
}
