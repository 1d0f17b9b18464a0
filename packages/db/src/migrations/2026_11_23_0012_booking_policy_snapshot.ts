import { type Kysely, sql } from 'kysely';

/**
 * Bookings (issue 5): the cancellation policy becomes part of the snapshot a booking takes at creation,
 * like its price (SPEC §4: later edits of the listing never change a booking) — a host who switches to
 * `strict` must not shrink the refund of a guest who booked under `flexible`. Rows from before this
 * migration take their listing's current policy. Nullable only for rows written straight to the table
 * (test factories); readers fall back to the listing's policy.
 *
 * The payment sweep looks for `pending` bookings whose charge job is gone: a partial index keeps that
 * scan to the few bookings waiting for a charge.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE bookings ADD COLUMN cancellation_policy cancellation_policy`.execute(db);
  await sql`
    UPDATE bookings b SET cancellation_policy = p.cancellation_policy
    FROM properties p WHERE p.property_id = b.property_id
  `.execute(db);
  await sql`
    CREATE INDEX bookings_pending_updated_at_idx ON bookings (updated_at) WHERE status = 'pending'
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up.
export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX bookings_pending_updated_at_idx`.execute(db);
  await sql`ALTER TABLE bookings DROP COLUMN cancellation_policy`.execute(db);
}
