import { type Kysely, sql } from 'kysely';

/** Listings, the fixed amenity catalog, the amenities of each listing and its photos. */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TYPE property_type AS ENUM ('apartment', 'house', 'room', 'cabin', 'villa', 'other')`.execute(
    db,
  );
  await sql`CREATE TYPE cancellation_policy AS ENUM ('flexible', 'moderate', 'strict')`.execute(db);
  await sql`
    CREATE TYPE property_status AS ENUM ('draft', 'listed', 'unlisted', 'archived', 'suspended')
  `.execute(db);

  await sql`
    CREATE TABLE properties (
      property_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      host_id uuid NOT NULL REFERENCES users (user_id),
      name text NOT NULL,
      description text NOT NULL,
      property_type property_type NOT NULL,
      address text NOT NULL,
      city text NOT NULL,
      region text,
      country char(2) NOT NULL,
      lat double precision NOT NULL,
      lng double precision NOT NULL,
      -- IANA name (Europe/Lisbon); validated by the app, which computes "today" for the listing with it.
      timezone text NOT NULL,
      price_per_night_cents integer NOT NULL,
      cleaning_fee_cents integer NOT NULL DEFAULT 0,
      currency char(3) NOT NULL,
      max_guests integer NOT NULL,
      bedrooms integer NOT NULL,
      beds integer NOT NULL,
      bathrooms numeric(3, 1) NOT NULL,
      min_nights integer NOT NULL DEFAULT 1,
      max_nights integer NOT NULL DEFAULT 365,
      instant_book boolean NOT NULL DEFAULT false,
      cancellation_policy cancellation_policy NOT NULL,
      status property_status NOT NULL DEFAULT 'draft',
      -- Kept current in the same transaction as each review.
      rating_avg numeric(3, 2),
      review_count integer NOT NULL DEFAULT 0,
      listed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT properties_country_check CHECK (country ~ '^[A-Z]{2}$'),
      CONSTRAINT properties_lat_check CHECK (lat BETWEEN -90 AND 90),
      CONSTRAINT properties_lng_check CHECK (lng BETWEEN -180 AND 180),
      CONSTRAINT properties_price_per_night_cents_check CHECK (price_per_night_cents > 0),
      CONSTRAINT properties_cleaning_fee_cents_check CHECK (cleaning_fee_cents >= 0),
      CONSTRAINT properties_currency_check CHECK (currency ~ '^[A-Z]{3}$'),
      CONSTRAINT properties_max_guests_check CHECK (max_guests >= 1),
      CONSTRAINT properties_bedrooms_check CHECK (bedrooms >= 0),
      CONSTRAINT properties_beds_check CHECK (beds >= 0),
      CONSTRAINT properties_bathrooms_check CHECK (bathrooms >= 0),
      CONSTRAINT properties_nights_check CHECK (min_nights >= 1 AND min_nights <= max_nights AND max_nights <= 365),
      CONSTRAINT properties_rating_avg_check CHECK (rating_avg BETWEEN 1 AND 5),
      CONSTRAINT properties_review_count_check CHECK (review_count >= 0)
    )
  `.execute(db);
  await sql`
    CREATE TRIGGER properties_set_updated_at BEFORE UPDATE ON properties
    FOR EACH ROW EXECUTE FUNCTION set_updated_at()
  `.execute(db);
  // A host's own listings, newest first (properties.listMine); also covers the host_id foreign key.
  await sql`CREATE INDEX properties_host_id_idx ON properties (host_id, created_at DESC, property_id)`.execute(
    db,
  );
  // Search's default order (sort=newest) with a (created_at, property_id) keyset cursor.
  await sql`
    CREATE INDEX properties_status_newest_idx ON properties (status, created_at DESC, property_id)
  `.execute(db);
  await sql`CREATE INDEX properties_city_idx ON properties (lower(city))`.execute(db);
  await sql`CREATE INDEX properties_country_idx ON properties (country)`.execute(db);
  // sort=price_asc|price_desc and min/max price filters, keyset by property_id.
  await sql`CREATE INDEX properties_price_idx ON properties (price_per_night_cents, property_id)`.execute(db);
  // sort=rating and minRating.
  await sql`
    CREATE INDEX properties_rating_idx ON properties (rating_avg DESC NULLS LAST, property_id)
  `.execute(db);
  // Free-text search on name or city: ILIKE '%text%' and similarity() use these trigram indexes.
  await sql`CREATE INDEX properties_name_trgm_idx ON properties USING gin (name gin_trgm_ops)`.execute(db);
  await sql`CREATE INDEX properties_city_trgm_idx ON properties USING gin (city gin_trgm_ops)`.execute(db);
  // Location: a plain btree on (lat, lng). search's bbox is `lat BETWEEN … AND lng BETWEEN …`, and
  // near { lat, lng, radiusKm } is turned into its bounding box first and then filtered/sorted by the
  // haversine distance, so both are range scans on lat with lng checked inside the index — no
  // geometric types or PostGIS in the queries. (A GiST on point(lng, lat) would need every query to be
  // written against that exact expression.)
  await sql`CREATE INDEX properties_location_idx ON properties (lat, lng)`.execute(db);

  await sql`
    CREATE TABLE amenities (
      amenity_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL,
      name text NOT NULL,
      category text NOT NULL,
      CONSTRAINT amenities_code_key UNIQUE (code),
      CONSTRAINT amenities_code_check CHECK (code ~ '^[a-z][a-z0-9_]*$')
    )
  `.execute(db);
  // The fixed catalog, frozen here; a later migration adds to it.
  await sql`
    INSERT INTO amenities (code, name, category) VALUES
      ('wifi', 'Wifi', 'essentials'),
      ('kitchen', 'Kitchen', 'essentials'),
      ('washer', 'Washer', 'essentials'),
      ('dryer', 'Dryer', 'essentials'),
      ('air_conditioning', 'Air conditioning', 'essentials'),
      ('heating', 'Heating', 'essentials'),
      ('tv', 'TV', 'features'),
      ('workspace', 'Dedicated workspace', 'features'),
      ('fireplace', 'Indoor fireplace', 'features'),
      ('free_parking', 'Free parking on premises', 'features'),
      ('ev_charger', 'EV charger', 'features'),
      ('pool', 'Pool', 'features'),
      ('hot_tub', 'Hot tub', 'features'),
      ('gym', 'Gym', 'features'),
      ('beach_access', 'Beach access', 'location'),
      ('self_check_in', 'Self check-in', 'services'),
      ('pets_allowed', 'Pets allowed', 'services'),
      ('crib', 'Crib', 'family'),
      ('smoke_alarm', 'Smoke alarm', 'safety'),
      ('carbon_monoxide_alarm', 'Carbon monoxide alarm', 'safety'),
      ('first_aid_kit', 'First aid kit', 'safety')
  `.execute(db);

  await sql`
    CREATE TABLE property_amenities (
      property_id uuid NOT NULL REFERENCES properties (property_id) ON DELETE CASCADE,
      amenity_id uuid NOT NULL REFERENCES amenities (amenity_id),
      PRIMARY KEY (property_id, amenity_id)
    )
  `.execute(db);
  // "has all of these amenities" searches start from the amenity; index-only with property_id.
  await sql`
    CREATE INDEX property_amenities_amenity_id_idx ON property_amenities (amenity_id, property_id)
  `.execute(db);

  await sql`
    CREATE TABLE property_photos (
      photo_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      property_id uuid NOT NULL REFERENCES properties (property_id) ON DELETE CASCADE,
      url text NOT NULL,
      caption text,
      position integer NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT property_photos_position_check CHECK (position >= 0),
      -- Deferrable so a reorder can swap positions inside one transaction (SET CONSTRAINTS … DEFERRED).
      CONSTRAINT property_photos_position_key UNIQUE (property_id, position) DEFERRABLE INITIALLY IMMEDIATE
    )
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up.
export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE property_photos`.execute(db);
  await sql`DROP TABLE property_amenities`.execute(db);
  await sql`DROP TABLE amenities`.execute(db);
  await sql`DROP TABLE properties`.execute(db);
  await sql`DROP TYPE property_status`.execute(db);
  await sql`DROP TYPE cancellation_policy`.execute(db);
  await sql`DROP TYPE property_type`.execute(db);
}
