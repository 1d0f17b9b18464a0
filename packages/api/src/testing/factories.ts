import { randomUUID } from 'node:crypto';
import type { DB, Executor } from '@stayhub/db';
import type { Insertable } from 'kysely';
import { hashPassword } from '../domain/auth/password.ts';
import { startSession } from '../domain/auth/session.service.ts';
import { priceSnapshotColumns } from '../domain/bookings/price-snapshot.columns.ts';
import { flatRates, priceStay } from '../domain/bookings/pricing.rules.ts';
import type { Deps } from '../domain/deps.ts';

/**
 * Test factories: each inserts one valid row with sensible defaults and returns what a test needs.
 * They write straight to the tables (not through services) so a test of one service does not depend on another.
 */

export const TEST_PASSWORD = 'correct horse battery staple';
let sequence = 0;
const next = () => `${Date.now().toString(36)}${(++sequence).toString(36)}`;

/** argon2id at OWASP cost is slow on purpose; hash the shared test password once per process. */
let testPasswordHash: Promise<string> | undefined;
function hashFor(password: string): Promise<string> {
  if (password !== TEST_PASSWORD) return hashPassword(password);
  testPasswordHash ??= hashPassword(TEST_PASSWORD);
  return testPasswordHash;
}

export interface TestUser {
  userId: string;
  email: string;
  password: string;
  role: 'guest' | 'host' | 'admin';
}

export async function createUser(
  db: Executor,
  overrides: Partial<Insertable<DB['users']>> & { password?: string } = {},
): Promise<TestUser> {
  const { password = TEST_PASSWORD, ...columns } = overrides;
  const row = await db
    .insertInto('users')
    .values({
      email: `user-${next()}@example.test`,
      first_name: 'Test',
      last_name: 'User',
      password_hash: await hashFor(password),
      ...columns,
    })
    .returning(['user_id', 'email', 'role'])
    .executeTakeFirstOrThrow();
  return { userId: row.user_id, email: row.email, password, role: row.role };
}

/** A user with an open session: `token` goes in `Authorization: Bearer`. */
export async function createSignedInUser(
  deps: Pick<Deps, 'db' | 'clock'>,
  overrides: Parameters<typeof createUser>[1] = {},
): Promise<TestUser & { token: string; sessionId: string }> {
  const user = await createUser(deps.db, overrides);
  const session = await startSession(deps, deps.db, user.userId, { ip: '127.0.0.1', userAgent: 'vitest' });
  return { ...user, token: session.token, sessionId: session.sessionId };
}

export async function createProperty(
  db: Executor,
  hostId: string,
  overrides: Partial<Insertable<DB['properties']>> = {},
): Promise<{ propertyId: string }> {
  const row = await db
    .insertInto('properties')
    .values({
      host_id: hostId,
      name: `Test place ${next()}`,
      description: 'A quiet place for tests.',
      property_type: 'apartment',
      address: '1 Test Street',
      city: 'Lisbon',
      country: 'PT',
      lat: 38.7223,
      lng: -9.1393,
      timezone: 'Europe/Lisbon',
      price_per_night_cents: 10_000,
      cleaning_fee_cents: 2_500,
      currency: 'EUR',
      max_guests: 4,
      bedrooms: 2,
      beds: 2,
      bathrooms: 1,
      cancellation_policy: 'moderate',
      status: 'listed',
      listed_at: new Date(),
      ...overrides,
    })
    .returning(['property_id'])
    .executeTakeFirstOrThrow();
  return { propertyId: row.property_id };
}

/** Photos written straight to the table, at positions after any the listing has. */
export async function insertPhotos(
  deps: Pick<Deps, 'db'>,
  propertyId: string,
  count: number,
): Promise<string[]> {
  const existing = await deps.db
    .selectFrom('property_photos')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('property_id', '=', propertyId)
    .executeTakeFirstOrThrow();
  if (count === 0) return [];
  const rows = await deps.db
    .insertInto('property_photos')
    .values(
      Array.from({ length: count }, (_, i) => ({
        property_id: propertyId,
        url: `https://cdn.example.test/${propertyId}/${existing.count + i}.jpg`,
        position: existing.count + i,
      })),
    )
    .returning('photo_id')
    .execute();
  return rows.map((row) => row.photo_id);
}

const HOLDING = new Set(['requested', 'pending', 'confirmed', 'completed']);

/**
 * A booking with a consistent price snapshot (SPEC §4 pricing) and, for holding statuses, its occupancy
 * row — as the booking service would leave it.
 */
export async function createBooking(
  db: Executor,
  input: {
    propertyId: string;
    guestId: string;
    startDate: string;
    endDate: string;
    status?: DB['bookings']['status'];
    guests?: number;
  },
): Promise<{ bookingId: string; totalCents: number }> {
  const property = await db
    .selectFrom('properties')
    .select(['price_per_night_cents', 'cleaning_fee_cents', 'currency'])
    .where('property_id', '=', input.propertyId)
    .executeTakeFirstOrThrow();
  const price = priceStay(flatRates(property.price_per_night_cents, property.cleaning_fee_cents), input);
  const status = input.status ?? 'confirmed';
  const row = await db
    .insertInto('bookings')
    .values({
      property_id: input.propertyId,
      user_id: input.guestId,
      start_date: input.startDate,
      end_date: input.endDate,
      guests: input.guests ?? 1,
      status,
      ...priceSnapshotColumns(price),
      currency: property.currency,
      payment_method: 'credit_card',
      payment_token: 'tok_visa',
      idempotency_key: randomUUID(),
      request_hash: 'factory',
    })
    .returning(['booking_id'])
    .executeTakeFirstOrThrow();
  if (HOLDING.has(status)) {
    await db
      .insertInto('occupancy')
      .values({
        property_id: input.propertyId,
        kind: 'booking',
        booking_id: row.booking_id,
        start_date: input.startDate,
        end_date: input.endDate,
      })
      .execute();
  }
  return { bookingId: row.booking_id, totalCents: price.totalCents };
}
