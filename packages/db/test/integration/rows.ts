import { randomUUID } from 'node:crypto';
import { type Insertable, type Kysely, sql } from 'kysely';
import type { Bookings, DB, Properties, Users } from '../../src/types.generated.ts';

/** Small insert helpers for the schema tests: valid rows with overridable columns (not the app's factories). */

/** Nights as the schema counts them (`end_date - start_date`): asked of Postgres, not computed here. */
async function nightsBetween(db: Kysely<DB>, start: string, end: string): Promise<number> {
  const { rows } = await sql<{ nights: number }>`select (${end}::date - ${start}::date) as nights`.execute(
    db,
  );
  return rows[0]?.nights ?? Number.NaN;
}

/**
 * The schema checks only that a snapshot adds up, not what the service fee is: the 14 % of SPEC §4 is the
 * api's pricing rule (packages/api/src/domain/bookings/pricing.rules.ts), so a fixed fee stands in for it.
 */
const SERVICE_FEE_CENTS = 4_550;

export async function insertUser(db: Kysely<DB>, values: Partial<Insertable<Users>> = {}) {
  return db
    .insertInto('users')
    .values({
      email: `user-${randomUUID()}@example.com`,
      password_hash: 'not-a-real-hash',
      first_name: 'Ada',
      last_name: 'Lovelace',
      ...values,
    })
    .returning(['user_id', 'email', 'created_at', 'updated_at'])
    .executeTakeFirstOrThrow();
}

export async function insertProperty(db: Kysely<DB>, values: Partial<Insertable<Properties>> = {}) {
  const hostId = values.host_id ?? (await insertUser(db, { role: 'host' })).user_id;
  return db
    .insertInto('properties')
    .values({
      name: 'Cabin by the lake',
      description: 'Quiet.',
      property_type: 'cabin',
      address: '1 Lake Road',
      city: 'Lisbon',
      country: 'PT',
      lat: 38.72,
      lng: -9.14,
      timezone: 'Europe/Lisbon',
      price_per_night_cents: 10_000,
      cleaning_fee_cents: 2_500,
      currency: 'EUR',
      max_guests: 4,
      bedrooms: 2,
      beds: 2,
      bathrooms: 1.5,
      cancellation_policy: 'moderate',
      status: 'listed',
      ...values,
      host_id: hostId,
    })
    .returning(['property_id', 'host_id'])
    .executeTakeFirstOrThrow();
}

export interface BookingInput extends Partial<Insertable<Bookings>> {
  property_id: string;
  start_date: string;
  end_date: string;
}

/** A booking with a consistent price snapshot (100.00/night + 25.00 cleaning + a 45.50 service fee). */
export async function insertBooking(db: Kysely<DB>, values: BookingInput) {
  const userId = values.user_id ?? (await insertUser(db)).user_id;
  const nights = await nightsBetween(db, values.start_date, values.end_date);
  const subtotal = nights * 10_000;
  return db
    .insertInto('bookings')
    .values({
      guests: 2,
      status: 'pending',
      nightly_price_cents: 10_000,
      nights,
      subtotal_cents: subtotal,
      cleaning_fee_cents: 2_500,
      service_fee_cents: SERVICE_FEE_CENTS,
      total_cents: subtotal + 2_500 + SERVICE_FEE_CENTS,
      currency: 'EUR',
      payment_method: 'credit_card',
      payment_token: 'tok_visa',
      idempotency_key: randomUUID(),
      request_hash: 'test',
      ...values,
      user_id: userId,
    })
    .returning(['booking_id', 'property_id', 'user_id', 'start_date', 'end_date', 'total_cents'])
    .executeTakeFirstOrThrow();
}

/** Holds dates on a property: for a booking (its own dates) or as a host block. */
export async function insertHold(
  db: Kysely<DB>,
  hold: { property_id: string; start_date: string; end_date: string; booking_id?: string },
) {
  return db
    .insertInto('occupancy')
    .values({
      property_id: hold.property_id,
      kind: hold.booking_id ? 'booking' : 'block',
      booking_id: hold.booking_id ?? null,
      start_date: hold.start_date,
      end_date: hold.end_date,
    })
    .returning(['occupancy_id', 'during'])
    .executeTakeFirstOrThrow();
}

/** A booking and its hold, the way the app creates them. */
export async function insertHeldBooking(db: Kysely<DB>, values: BookingInput) {
  const booking = await insertBooking(db, values);
  await insertHold(db, { ...values, booking_id: booking.booking_id });
  return booking;
}
