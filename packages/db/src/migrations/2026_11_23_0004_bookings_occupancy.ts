import { type Kysely, sql } from 'kysely';

/**
 * Bookings with their price snapshot, and `occupancy`: the one table of held date ranges (bookings
 * that hold dates and host blocks) whose exclusion constraint makes overlapping holds impossible.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TYPE booking_status AS ENUM
      ('requested', 'pending', 'confirmed', 'declined', 'expired', 'canceled', 'completed')
  `.execute(db);
  await sql`CREATE TYPE payment_method AS ENUM ('credit_card', 'paypal', 'stripe')`.execute(db);
  await sql`CREATE TYPE booking_actor AS ENUM ('guest', 'host', 'admin', 'system')`.execute(db);
  await sql`CREATE TYPE occupancy_kind AS ENUM ('booking', 'block')`.execute(db);

  await sql`
    CREATE TABLE bookings (
      booking_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      property_id uuid NOT NULL REFERENCES properties (property_id),
      -- The guest.
      user_id uuid NOT NULL REFERENCES users (user_id),
      start_date date NOT NULL,
      end_date date NOT NULL,
      guests integer NOT NULL,
      status booking_status NOT NULL,
      -- Price snapshot taken at creation; later price edits never change it.
      nightly_price_cents integer NOT NULL,
      nights integer NOT NULL,
      subtotal_cents integer NOT NULL,
      cleaning_fee_cents integer NOT NULL,
      service_fee_cents integer NOT NULL,
      total_cents integer NOT NULL,
      currency char(3) NOT NULL,
      payment_method payment_method NOT NULL,
      -- A provider token (tok_visa); never card data.
      payment_token text NOT NULL,
      idempotency_key text NOT NULL,
      -- Hash of the create input: a replay with the same key but another input is a conflict.
      request_hash text NOT NULL,
      canceled_by booking_actor,
      canceled_at timestamptz,
      cancellation_reason text,
      refund_cents integer,
      -- When a request (status requested) lapses.
      expires_at timestamptz,
      confirmed_at timestamptz,
      completed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT bookings_dates_check CHECK (end_date > start_date),
      CONSTRAINT bookings_guests_check CHECK (guests >= 1),
      CONSTRAINT bookings_nights_check CHECK (nights > 0 AND nights = end_date - start_date),
      CONSTRAINT bookings_nightly_price_cents_check CHECK (nightly_price_cents >= 0),
      CONSTRAINT bookings_subtotal_cents_check CHECK (subtotal_cents = nights * nightly_price_cents),
      CONSTRAINT bookings_cleaning_fee_cents_check CHECK (cleaning_fee_cents >= 0),
      CONSTRAINT bookings_service_fee_cents_check CHECK (service_fee_cents >= 0),
      CONSTRAINT bookings_total_cents_check
        CHECK (total_cents = subtotal_cents + cleaning_fee_cents + service_fee_cents),
      CONSTRAINT bookings_currency_check CHECK (currency ~ '^[A-Z]{3}$'),
      CONSTRAINT bookings_refund_cents_check CHECK (refund_cents >= 0 AND refund_cents <= total_cents),
      CONSTRAINT bookings_idempotency_key UNIQUE (user_id, idempotency_key)
    )
  `.execute(db);
  await sql`
    CREATE TRIGGER bookings_set_updated_at BEFORE UPDATE ON bookings
    FOR EACH ROW EXECUTE FUNCTION set_updated_at()
  `.execute(db);
  // A property's bookings by date (listForHost, calendar); covers the property_id foreign key.
  await sql`CREATE INDEX bookings_property_id_start_date_idx ON bookings (property_id, start_date)`.execute(
    db,
  );
  // A guest's trips, latest first (listMine); covers the user_id foreign key.
  await sql`CREATE INDEX bookings_user_id_start_date_idx ON bookings (user_id, start_date DESC)`.execute(db);
  // Sweeps: requests that lapsed, confirmed stays that ended.
  await sql`
    CREATE INDEX bookings_requested_expires_at_idx ON bookings (expires_at) WHERE status = 'requested'
  `.execute(db);
  await sql`
    CREATE INDEX bookings_confirmed_end_date_idx ON bookings (end_date) WHERE status = 'confirmed'
  `.execute(db);

  await sql`
    CREATE TABLE occupancy (
      occupancy_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      property_id uuid NOT NULL REFERENCES properties (property_id) ON DELETE CASCADE,
      kind occupancy_kind NOT NULL,
      -- Set for kind = 'booking'; deleting the hold (same transaction as the status change) releases the dates.
      booking_id uuid REFERENCES bookings (booking_id) ON DELETE CASCADE,
      start_date date NOT NULL,
      end_date date NOT NULL,
      during daterange GENERATED ALWAYS AS (daterange(start_date, end_date, '[)')) STORED,
      note text,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT occupancy_booking_id_key UNIQUE (booking_id),
      CONSTRAINT occupancy_dates_check CHECK (end_date > start_date),
      CONSTRAINT occupancy_kind_check CHECK ((kind = 'booking') = (booking_id IS NOT NULL)),
      -- Two holds on one property never overlap, whatever the concurrency (SQLSTATE 23P01). The same
      -- GiST index answers "is this property free for [start, end)" in search and the calendar, and
      -- covers the property_id foreign key.
      CONSTRAINT occupancy_no_overlap EXCLUDE USING gist (property_id WITH =, during WITH &&)
    )
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up.
export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE occupancy`.execute(db);
  await sql`DROP TABLE bookings`.execute(db);
  await sql`DROP TYPE occupancy_kind`.execute(db);
  await sql`DROP TYPE booking_actor`.execute(db);
  await sql`DROP TYPE payment_method`.execute(db);
  await sql`DROP TYPE booking_status`.execute(db);
}
