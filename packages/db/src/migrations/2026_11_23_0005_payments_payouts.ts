import { type Kysely, sql } from 'kysely';

/** Charges and refunds against a booking (through the payment provider), and payouts to hosts. */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TYPE payment_kind AS ENUM ('charge', 'refund')`.execute(db);
  await sql`CREATE TYPE payment_status AS ENUM ('pending', 'succeeded', 'failed')`.execute(db);
  await sql`CREATE TYPE payout_status AS ENUM ('scheduled', 'released', 'canceled')`.execute(db);

  await sql`
    CREATE TABLE payments (
      payment_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      booking_id uuid NOT NULL REFERENCES bookings (booking_id),
      kind payment_kind NOT NULL,
      amount_cents integer NOT NULL,
      currency char(3) NOT NULL,
      payment_method payment_method NOT NULL,
      status payment_status NOT NULL DEFAULT 'pending',
      provider_reference text,
      -- Sent to the provider with every attempt, so a retried or replayed job never charges twice.
      idempotency_key text NOT NULL,
      attempts integer NOT NULL DEFAULT 0,
      failure_code text,
      -- When it succeeded.
      payment_date timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT payments_amount_cents_check CHECK (amount_cents >= 0),
      CONSTRAINT payments_currency_check CHECK (currency ~ '^[A-Z]{3}$'),
      CONSTRAINT payments_attempts_check CHECK (attempts >= 0),
      CONSTRAINT payments_idempotency_key_key UNIQUE (idempotency_key)
    )
  `.execute(db);
  await sql`
    CREATE TRIGGER payments_set_updated_at BEFORE UPDATE ON payments
    FOR EACH ROW EXECUTE FUNCTION set_updated_at()
  `.execute(db);
  await sql`CREATE INDEX payments_booking_id_idx ON payments (booking_id, created_at)`.execute(db);
  // At most one live (pending or succeeded) charge per booking; a failed one may be followed by another.
  await sql`
    CREATE UNIQUE INDEX payments_one_live_charge_key ON payments (booking_id)
    WHERE kind = 'charge' AND status <> 'failed'
  `.execute(db);

  await sql`
    CREATE TABLE payouts (
      payout_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      host_id uuid NOT NULL REFERENCES users (user_id),
      booking_id uuid NOT NULL REFERENCES bookings (booking_id),
      -- subtotal + cleaning fee − the 3 % host fee.
      amount_cents integer NOT NULL,
      currency char(3) NOT NULL,
      status payout_status NOT NULL DEFAULT 'scheduled',
      release_date date NOT NULL,
      released_at timestamptz,
      provider_reference text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT payouts_booking_id_key UNIQUE (booking_id),
      CONSTRAINT payouts_amount_cents_check CHECK (amount_cents >= 0),
      CONSTRAINT payouts_currency_check CHECK (currency ~ '^[A-Z]{3}$')
    )
  `.execute(db);
  await sql`
    CREATE TRIGGER payouts_set_updated_at BEFORE UPDATE ON payouts
    FOR EACH ROW EXECUTE FUNCTION set_updated_at()
  `.execute(db);
  // A host's payouts, newest first (payments.listPayouts).
  await sql`CREATE INDEX payouts_host_id_idx ON payouts (host_id, created_at DESC, payout_id)`.execute(db);
  // The release sweep: scheduled payouts whose date has come.
  await sql`CREATE INDEX payouts_status_release_date_idx ON payouts (status, release_date)`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up.
export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE payouts`.execute(db);
  await sql`DROP TABLE payments`.execute(db);
  await sql`DROP TYPE payout_status`.execute(db);
  await sql`DROP TYPE payment_status`.execute(db);
  await sql`DROP TYPE payment_kind`.execute(db);
}
