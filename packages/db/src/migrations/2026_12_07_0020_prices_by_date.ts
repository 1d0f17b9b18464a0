import { type Kysely, sql } from 'kysely';

/**
 * Prices by date (SPEC §9, issue 15).
 *
 * Listings get an optional weekend price (Friday and Saturday nights) and weekly/monthly discounts (0–90 %,
 * 0 = none), and per-night overrides in `property_night_prices` (one row per overridden night, so
 * "the nights of a stay" is a primary-key range). `has_night_prices` says whether a listing has any: search
 * computes a dated stay's price for every candidate it looks at, and only those few listings need the probe
 * into the override table.
 *
 * properties_listed_location_idx (0010) is rebuilt to also cover the new price columns: a map search with
 * dates prices its candidates from the index alone, as it filters and orders them today.
 *
 * Bookings keep each night's price (`nightly_prices`, in order from start_date) and the discount in their
 * snapshot. The old CHECK subtotal = nights × nightly price only holds for rows from before this migration
 * (null `nightly_prices`, every night at nightly_price_cents); newer rows list one price per night.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE properties
      ADD COLUMN weekend_price_per_night_cents integer,
      ADD COLUMN weekly_discount_percent smallint NOT NULL DEFAULT 0,
      ADD COLUMN monthly_discount_percent smallint NOT NULL DEFAULT 0,
      ADD COLUMN has_night_prices boolean NOT NULL DEFAULT false,
      ADD CONSTRAINT properties_weekend_price_check CHECK (weekend_price_per_night_cents > 0),
      ADD CONSTRAINT properties_weekly_discount_check CHECK (weekly_discount_percent BETWEEN 0 AND 90),
      ADD CONSTRAINT properties_monthly_discount_check CHECK (monthly_discount_percent BETWEEN 0 AND 90)
  `.execute(db);
  await sql`
    CREATE TABLE property_night_prices (
      property_id uuid NOT NULL REFERENCES properties (property_id) ON DELETE CASCADE,
      night date NOT NULL,
      price_per_night_cents integer NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (property_id, night),
      CONSTRAINT property_night_prices_price_check CHECK (price_per_night_cents > 0)
    )
  `.execute(db);
  await sql`DROP INDEX properties_listed_location_idx`.execute(db);
  await sql`
    CREATE INDEX properties_listed_location_idx ON properties (lat, lng)
    INCLUDE (created_at, property_id, price_per_night_cents, currency, max_guests, min_nights, max_nights,
             property_type, instant_book, rating_avg, country, weekend_price_per_night_cents,
             weekly_discount_percent, monthly_discount_percent, has_night_prices)
    WHERE status = 'listed'
  `.execute(db);
  await sql`
    ALTER TABLE bookings
      ADD COLUMN nightly_prices integer[],
      ADD COLUMN discount_percent smallint NOT NULL DEFAULT 0,
      ADD COLUMN discount_cents integer NOT NULL DEFAULT 0,
      DROP CONSTRAINT bookings_subtotal_cents_check,
      ADD CONSTRAINT bookings_subtotal_cents_check CHECK (
        (nightly_prices IS NULL AND discount_cents = 0 AND subtotal_cents = nights * nightly_price_cents)
        OR (cardinality(nightly_prices) = nights AND subtotal_cents >= 0)
      ),
      ADD CONSTRAINT bookings_discount_check
        CHECK (discount_percent BETWEEN 0 AND 90 AND discount_cents >= 0)
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up.
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE bookings
      DROP CONSTRAINT bookings_discount_check,
      DROP CONSTRAINT bookings_subtotal_cents_check,
      DROP COLUMN discount_cents,
      DROP COLUMN discount_percent,
      DROP COLUMN nightly_prices,
      ADD CONSTRAINT bookings_subtotal_cents_check CHECK (subtotal_cents = nights * nightly_price_cents)
  `.execute(db);
  await sql`DROP INDEX properties_listed_location_idx`.execute(db);
  await sql`
    CREATE INDEX properties_listed_location_idx ON properties (lat, lng)
    INCLUDE (created_at, property_id, price_per_night_cents, currency, max_guests, min_nights, max_nights,
             property_type, instant_book, rating_avg, country)
    WHERE status = 'listed'
  `.execute(db);
  await sql`DROP TABLE property_night_prices`.execute(db);
  await sql`
    ALTER TABLE properties
      DROP COLUMN has_night_prices,
      DROP COLUMN monthly_discount_percent,
      DROP COLUMN weekly_discount_percent,
      DROP COLUMN weekend_price_per_night_cents
  `.execute(db);
}
