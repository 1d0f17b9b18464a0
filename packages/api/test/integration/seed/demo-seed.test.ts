import { useTestDatabase } from '@stayhub/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoLogins, type SeedStep, type SeedSummary, seedDemo } from '../../../src/seed/index.ts';

const { db } = await useTestDatabase();

const TODAY = '2031-03-10';
// A cheap stand-in for argon2id: the test checks what was stored, not the algorithm.
const fakeHash = async (password: string) => `hash:${password}`;

const DAY_MS = 86_400_000;
const daysBetween = (start: string, end: string) => (Date.parse(end) - Date.parse(start)) / DAY_MS;

async function tableCounts() {
  const count = (
    table: 'users' | 'properties' | 'bookings' | 'reviews' | 'messages' | 'occupancy' | 'payments',
  ) =>
    db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
      .then((r) => r.n);
  return {
    users: await count('users'),
    properties: await count('properties'),
    bookings: await count('bookings'),
    reviews: await count('reviews'),
    messages: await count('messages'),
    occupancy: await count('occupancy'),
    payments: await count('payments'),
    photos: await db
      .selectFrom('property_photos')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
      .then((r) => r.n),
  };
}

let first: SeedSummary;
const steps: SeedStep[] = [];

beforeAll(async () => {
  first = await seedDemo(db, {
    hashPassword: fakeHash,
    today: TODAY,
    onProgress: (step) => steps.push(step),
  });
});

describe('seedDemo', () => {
  it('creates the users, listings, bookings, reviews and messages it promises on a fresh database', async () => {
    expect(first).toEqual({ users: 6, properties: 9, bookings: 7, reviews: 3, messages: 3 });
    expect(steps).toEqual(['users', 'properties', 'bookings', 'reviews', 'messages']);

    const roles = await db
      .selectFrom('users')
      .select(['role', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('role')
      .orderBy('role')
      .execute();
    expect(roles).toEqual([
      { role: 'guest', n: 3 },
      { role: 'host', n: 2 },
      { role: 'admin', n: 1 },
    ]);

    const listings = await db
      .selectFrom('properties')
      .select(['status', 'listed_at', 'country', 'currency'])
      .execute();
    expect(listings.filter((p) => p.status === 'listed')).toHaveLength(8);
    expect(listings.filter((p) => p.status === 'draft')).toEqual([
      expect.objectContaining({ listed_at: null }),
    ]);
    expect(listings.filter((p) => p.status === 'listed').every((p) => p.listed_at instanceof Date)).toBe(
      true,
    );
    expect(new Set(listings.map((p) => p.country))).toEqual(
      new Set(['PT', 'FR', 'JP', 'US', 'ZA', 'MX', 'IS']),
    );
    expect(new Set(listings.map((p) => p.currency))).toEqual(
      new Set(['EUR', 'JPY', 'USD', 'ZAR', 'MXN', 'ISK']),
    );

    const statuses = await db
      .selectFrom('bookings')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute();
    expect(Object.fromEntries(statuses.map((s) => [s.status, s.n]))).toEqual({
      completed: 3,
      confirmed: 1,
      requested: 1,
      pending: 1,
      canceled: 1,
    });
  });

  it('gives every listing 2–4 photos at positions 0..n-1 and 3–8 catalog amenities', async () => {
    const photos = await db
      .selectFrom('properties')
      .leftJoin('property_photos', 'property_photos.property_id', 'properties.property_id')
      .select(['properties.property_id', 'property_photos.position', 'property_photos.url'])
      .orderBy('property_photos.position')
      .execute();
    const byProperty = new Map<string, typeof photos>();
    for (const photo of photos)
      byProperty.set(photo.property_id, [...(byProperty.get(photo.property_id) ?? []), photo]);
    expect(byProperty.size).toBe(9);
    for (const rows of byProperty.values()) {
      expect(rows.length).toBeGreaterThanOrEqual(2);
      expect(rows.length).toBeLessThanOrEqual(4);
      expect(rows.map((r) => r.position)).toEqual(rows.map((_, i) => i));
      for (const row of rows) expect(row.url).toMatch(/^https:\/\/images\.stayhub\.test\/[a-z-]+-\d\.jpg$/);
    }

    const amenities = await db
      .selectFrom('properties')
      .leftJoin('property_amenities', 'property_amenities.property_id', 'properties.property_id')
      .select([
        'properties.property_id',
        (eb) => eb.fn.count<number>('property_amenities.amenity_id').as('n'),
      ])
      .groupBy('properties.property_id')
      .execute();
    expect(amenities).toHaveLength(9);
    for (const { n } of amenities) {
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(8);
    }
  });

  it('stores each demo login with the hash of its password', async () => {
    expect(demoLogins.map((l) => l.role).sort()).toEqual([
      'admin',
      'guest',
      'guest',
      'guest',
      'host',
      'host',
    ]);
    for (const login of demoLogins) {
      expect(login.password.length).toBeGreaterThanOrEqual(8);
      expect(login.password.length).toBeLessThanOrEqual(128);
      const user = await db
        .selectFrom('users')
        .select(['password_hash', 'role', 'first_name', 'last_name', 'email_verified_at', 'status'])
        .where('email', '=', login.email)
        .executeTakeFirstOrThrow();
      expect(user).toMatchObject({
        password_hash: await fakeHash(login.password),
        role: login.role,
        status: 'active',
      });
      expect(`${user.first_name} ${user.last_name}`).toBe(login.name);
      expect(user.email_verified_at).toBeInstanceOf(Date);
    }
  });

  it('snapshots every booking price by the pricing rule: nights × nightly, 14 % service fee half-up, summed total', async () => {
    const bookings = await db
      .selectFrom('bookings')
      .innerJoin('properties', 'properties.property_id', 'bookings.property_id')
      .select([
        'bookings.start_date',
        'bookings.end_date',
        'bookings.nights',
        'bookings.nightly_price_cents',
        'bookings.subtotal_cents',
        'bookings.cleaning_fee_cents',
        'bookings.service_fee_cents',
        'bookings.total_cents',
        'bookings.currency',
        'properties.price_per_night_cents',
        'properties.cleaning_fee_cents as property_cleaning_fee_cents',
        'properties.currency as property_currency',
      ])
      .execute();
    expect(bookings).toHaveLength(7);
    for (const b of bookings) {
      expect(b.nights).toBe(daysBetween(b.start_date, b.end_date));
      expect(b.nightly_price_cents).toBe(b.price_per_night_cents);
      expect(b.cleaning_fee_cents).toBe(b.property_cleaning_fee_cents);
      expect(b.currency).toBe(b.property_currency);
      expect(b.subtotal_cents).toBe(b.nights * b.nightly_price_cents);
      // 14 % half-up in integer arithmetic: (x × 14 + 50) div 100.
      expect(b.service_fee_cents).toBe(
        Math.floor(((b.subtotal_cents + b.cleaning_fee_cents) * 14 + 50) / 100),
      );
      expect(b.total_cents).toBe(b.subtotal_cents + b.cleaning_fee_cents + b.service_fee_cents);
    }
  });

  it('lays the stays out around today: a completed one ended 5 days ago and upcoming ones start later', async () => {
    const bookings = await db.selectFrom('bookings').select(['status', 'start_date', 'end_date']).execute();
    const ended = bookings.filter((b) => b.status === 'completed').map((b) => b.end_date);
    expect(ended).toContain('2031-03-05');
    for (const b of bookings.filter((b) => b.status !== 'completed')) {
      expect(b.start_date > TODAY).toBe(true);
    }
    for (const b of bookings.filter((b) => b.status === 'completed')) {
      expect(b.end_date < TODAY).toBe(true);
    }
  });

  it('pays the completed and confirmed stays with one succeeded charge each and their host payouts at 97 %', async () => {
    const rows = await db
      .selectFrom('bookings')
      .innerJoin('properties', 'properties.property_id', 'bookings.property_id')
      .leftJoin('payouts', 'payouts.booking_id', 'bookings.booking_id')
      .select([
        'bookings.booking_id',
        'bookings.status',
        'bookings.start_date',
        'bookings.subtotal_cents',
        'bookings.cleaning_fee_cents',
        'bookings.total_cents',
        'properties.host_id',
        'payouts.host_id as payout_host_id',
        'payouts.amount_cents as payout_cents',
        'payouts.status as payout_status',
        'payouts.release_date',
      ])
      .where('bookings.status', 'in', ['completed', 'confirmed'])
      .execute();
    expect(rows).toHaveLength(4);
    for (const b of rows) {
      const charges = await db
        .selectFrom('payments')
        .select(['amount_cents', 'status', 'attempts', 'payment_date'])
        .where('booking_id', '=', b.booking_id)
        .where('kind', '=', 'charge')
        .execute();
      expect(charges).toEqual([
        { amount_cents: b.total_cents, status: 'succeeded', attempts: 1, payment_date: expect.any(Date) },
      ]);
      const earned = b.subtotal_cents + b.cleaning_fee_cents;
      expect(b.payout_cents).toBe(earned - Math.floor((earned * 3 + 50) / 100));
      expect(b.payout_host_id).toBe(b.host_id);
      expect(b.payout_status).toBe(b.status === 'completed' ? 'released' : 'scheduled');
      expect(b.release_date).toBe(new Date(Date.parse(b.start_date) + DAY_MS).toISOString().slice(0, 10));
    }
  });

  it('records the request expiry 24 hours after creation and the guest cancellation with its refund', async () => {
    const requested = await db
      .selectFrom('bookings')
      .select(['created_at', 'expires_at'])
      .where('status', '=', 'requested')
      .executeTakeFirstOrThrow();
    expect(requested.expires_at?.getTime()).toBe(requested.created_at.getTime() + DAY_MS);

    const canceled = await db
      .selectFrom('bookings')
      .select([
        'booking_id',
        'canceled_by',
        'canceled_at',
        'cancellation_reason',
        'refund_cents',
        'total_cents',
      ])
      .where('status', '=', 'canceled')
      .executeTakeFirstOrThrow();
    expect(canceled).toMatchObject({ canceled_by: 'guest', refund_cents: canceled.total_cents });
    expect(canceled.canceled_at).toBeInstanceOf(Date);
    expect(canceled.cancellation_reason).toEqual(expect.any(String));
    const refund = await db
      .selectFrom('payments')
      .select(['amount_cents', 'status'])
      .where('booking_id', '=', canceled.booking_id)
      .where('kind', '=', 'refund')
      .executeTakeFirstOrThrow();
    expect(refund).toEqual({ amount_cents: canceled.refund_cents, status: 'succeeded' });
  });

  it('gives every booking that holds dates exactly one occupancy row with its dates, and canceled ones none', async () => {
    const rows = await db
      .selectFrom('bookings')
      .leftJoin('occupancy', 'occupancy.booking_id', 'bookings.booking_id')
      .select([
        'bookings.booking_id',
        'bookings.status',
        'bookings.property_id',
        'bookings.start_date',
        'bookings.end_date',
        'occupancy.kind',
        'occupancy.property_id as hold_property_id',
        'occupancy.start_date as hold_start',
        'occupancy.end_date as hold_end',
      ])
      .execute();
    expect(rows).toHaveLength(7);
    for (const row of rows) {
      if (row.status === 'canceled') {
        expect(row.kind).toBeNull();
      } else {
        expect(row).toMatchObject({
          kind: 'booking',
          hold_property_id: row.property_id,
          hold_start: row.start_date,
          hold_end: row.end_date,
        });
      }
    }
    const blocks = await db
      .selectFrom('occupancy')
      .select(['booking_id', 'note'])
      .where('kind', '=', 'block')
      .execute();
    expect(blocks).toEqual([{ booking_id: null, note: expect.any(String) }]);
  });

  it('sets each listing rating_avg and review_count to the exact aggregate of its reviews', async () => {
    const reviews = await db.selectFrom('reviews').select(['property_id', 'rating', 'booking_id']).execute();
    expect(reviews).toHaveLength(3);
    const properties = await db
      .selectFrom('properties')
      .select(['property_id', 'rating_avg', 'review_count'])
      .execute();
    for (const p of properties) {
      const ratings = reviews.filter((r) => r.property_id === p.property_id).map((r) => r.rating);
      expect(p.review_count).toBe(ratings.length);
      const average =
        ratings.length === 0
          ? null
          : Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 100) / 100;
      expect(p.rating_avg).toBe(average);
    }
    expect(properties.some((p) => p.review_count === 2 && p.rating_avg === 4.5)).toBe(true);
    const reviewed = await db
      .selectFrom('reviews')
      .innerJoin('bookings', 'bookings.booking_id', 'reviews.booking_id')
      .select([
        'bookings.status',
        'bookings.user_id',
        'reviews.user_id as author_id',
        'reviews.host_response',
      ])
      .execute();
    for (const r of reviewed) expect(r).toMatchObject({ status: 'completed', author_id: r.user_id });
    expect(reviewed.some((r) => r.host_response !== null)).toBe(true);
  });

  it('starts a conversation on the confirmed booking with three alternating messages and its last_message_at', async () => {
    const conversation = await db
      .selectFrom('conversations')
      .innerJoin('bookings', 'bookings.booking_id', 'conversations.booking_id')
      .select([
        'conversations.conversation_id',
        'conversations.guest_id',
        'conversations.host_id',
        'conversations.last_message_at',
        'bookings.status',
      ])
      .executeTakeFirstOrThrow();
    expect(conversation.status).toBe('confirmed');
    const messages = await db
      .selectFrom('messages')
      .select(['sender_id', 'recipient_id', 'sent_at'])
      .where('conversation_id', '=', conversation.conversation_id)
      .orderBy('sent_at')
      .execute();
    expect(messages.map((m) => [m.sender_id, m.recipient_id])).toEqual([
      [conversation.guest_id, conversation.host_id],
      [conversation.host_id, conversation.guest_id],
      [conversation.guest_id, conversation.host_id],
    ]);
    expect(conversation.last_message_at).toEqual(messages.at(-1)?.sent_at);
    const confirmed = await db
      .selectFrom('notifications')
      .select(['user_id', 'payload'])
      .where('type', '=', 'booking.confirmed')
      .executeTakeFirstOrThrow();
    expect(confirmed).toEqual({ user_id: conversation.guest_id, payload: { bookingId: expect.any(String) } });
  });

  it('inserts nothing, hashes nothing and changes no count when run a second time, even on a later day', async () => {
    const before = await tableCounts();
    const propertiesBefore = await db
      .selectFrom('properties')
      .select(['property_id', 'updated_at'])
      .execute();
    let hashed = 0;
    const again = await seedDemo(db, {
      hashPassword: async (password) => {
        hashed += 1;
        return fakeHash(password);
      },
      today: '2031-03-24',
    });
    expect(again).toEqual({ users: 0, properties: 0, bookings: 0, reviews: 0, messages: 0 });
    expect(hashed).toBe(0);
    expect(await tableCounts()).toEqual(before);
    expect(await db.selectFrom('properties').select(['property_id', 'updated_at']).execute()).toEqual(
      propertiesBefore,
    );
  });

  it('rejects a today that is not a calendar date before writing anything', async () => {
    const before = await tableCounts();
    await expect(seedDemo(db, { hashPassword: fakeHash, today: '2031-02-30' })).rejects.toThrow(
      /calendar date/,
    );
    expect(await tableCounts()).toEqual(before);
  });
});
