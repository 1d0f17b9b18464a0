import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../src/testing/index.ts';
import { insertBooking, insertProperty, insertUser } from './rows.ts';

const { db } = await useTestDatabase();

const check = (constraint: string) => ({ code: '23514', constraint });
const unique = (constraint: string) => ({ code: '23505', constraint });

async function insertCharge(bookingId: string, status: 'pending' | 'succeeded' | 'failed' = 'pending') {
  return db
    .insertInto('payments')
    .values({
      booking_id: bookingId,
      kind: 'charge',
      amount_cents: 1_000,
      currency: 'EUR',
      payment_method: 'credit_card',
      status,
      idempotency_key: randomUUID(),
    })
    .returning('payment_id')
    .executeTakeFirstOrThrow();
}

async function bookingFixture(dates = { start_date: '2027-02-01', end_date: '2027-02-04' }) {
  const property = await insertProperty(db);
  const booking = await insertBooking(db, { property_id: property.property_id, ...dates });
  return { property, booking };
}

describe('users', () => {
  it('rejects an email that differs from an existing one only in case with 23505', async () => {
    const email = `Case-${randomUUID()}@Example.com`;
    await insertUser(db, { email });
    await expect(insertUser(db, { email: email.toLowerCase() })).rejects.toMatchObject(
      unique('users_email_key'),
    );
    await expect(insertUser(db, { email: email.toUpperCase() })).rejects.toMatchObject(
      unique('users_email_key'),
    );
  });

  it('finds a user by email whatever the case', async () => {
    const { user_id, email } = await insertUser(db, { email: `Mixed-${randomUUID()}@Example.com` });
    const found = await db
      .selectFrom('users')
      .select('user_id')
      .where('email', '=', email.toUpperCase())
      .executeTakeFirst();
    expect(found?.user_id).toBe(user_id);
  });

  it('rejects an email without an @ or longer than 254 characters', async () => {
    await expect(insertUser(db, { email: 'no-at-sign' })).rejects.toMatchObject(check('users_email_check'));
    await expect(insertUser(db, { email: `${'a'.repeat(250)}@x.io` })).rejects.toMatchObject(
      check('users_email_check'),
    );
  });

  it('moves updated_at forward on every update', async () => {
    const { user_id } = await insertUser(db, { updated_at: new Date('2020-01-01T00:00:00Z') });
    const before = Date.now() - 60_000;
    const updated = await db
      .updateTable('users')
      .set({ bio: 'Hello' })
      .where('user_id', '=', user_id)
      .returning('updated_at')
      .executeTakeFirstOrThrow();
    expect(updated.updated_at.getTime()).toBeGreaterThan(before);
  });
});

describe('sessions', () => {
  it('stores only 32-byte token hashes, each once', async () => {
    const { user_id } = await insertUser(db);
    const session = {
      user_id,
      token_hash: Buffer.alloc(32, 7),
      expires_at: new Date(Date.now() + 3_600_000),
      absolute_expires_at: new Date(Date.now() + 86_400_000),
    };
    await db.insertInto('sessions').values(session).execute();
    await expect(db.insertInto('sessions').values(session).execute()).rejects.toMatchObject(
      unique('sessions_token_hash_key'),
    );
    await expect(
      db
        .insertInto('sessions')
        .values({ ...session, token_hash: Buffer.from('raw-token') })
        .execute(),
    ).rejects.toMatchObject(check('sessions_token_hash_check'));
  });
});

describe('properties', () => {
  it('rejects negative money', async () => {
    await expect(insertProperty(db, { price_per_night_cents: -1 })).rejects.toMatchObject(
      check('properties_price_per_night_cents_check'),
    );
    await expect(insertProperty(db, { cleaning_fee_cents: -1 })).rejects.toMatchObject(
      check('properties_cleaning_fee_cents_check'),
    );
  });

  it('rejects a lowercase currency or country and coordinates off the globe', async () => {
    await expect(insertProperty(db, { currency: 'eur' })).rejects.toMatchObject(
      check('properties_currency_check'),
    );
    await expect(insertProperty(db, { country: 'pt' })).rejects.toMatchObject(
      check('properties_country_check'),
    );
    await expect(insertProperty(db, { lat: 90.5 })).rejects.toMatchObject(check('properties_lat_check'));
    await expect(insertProperty(db, { lng: -181 })).rejects.toMatchObject(check('properties_lng_check'));
  });

  it('rejects min_nights above max_nights and max_nights above 365', async () => {
    await expect(insertProperty(db, { min_nights: 5, max_nights: 4 })).rejects.toMatchObject(
      check('properties_nights_check'),
    );
    await expect(insertProperty(db, { max_nights: 366 })).rejects.toMatchObject(
      check('properties_nights_check'),
    );
  });

  it('reads bathrooms and rating_avg back as numbers', async () => {
    const { property_id } = await insertProperty(db, { bathrooms: 2.5, rating_avg: 4.75, review_count: 4 });
    const row = await db
      .selectFrom('properties')
      .select(['bathrooms', 'rating_avg', 'status', 'min_nights', 'max_nights', 'instant_book'])
      .where('property_id', '=', property_id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      bathrooms: 2.5,
      rating_avg: 4.75,
      status: 'listed',
      min_nights: 1,
      max_nights: 365,
      instant_book: false,
    });
  });

  it('lets a reorder swap photo positions, but never leaves two photos at one position', async () => {
    const { property_id } = await insertProperty(db);
    const [a, b] = await db
      .insertInto('property_photos')
      .values([
        { property_id, url: 'https://img.example/a.jpg', position: 0 },
        { property_id, url: 'https://img.example/b.jpg', position: 1 },
      ])
      .returning('photo_id')
      .execute();
    if (!a || !b) throw new Error('photos not inserted');
    const order = async () => {
      const rows = await db
        .selectFrom('property_photos')
        .select('url')
        .where('property_id', '=', property_id)
        .orderBy('position')
        .execute();
      return rows.map((p) => p.url.slice(-5));
    };
    const move = (executor: typeof db, photoId: string, position: number) =>
      executor.updateTable('property_photos').set({ position }).where('photo_id', '=', photoId).execute();

    // Statement by statement, with the constraint deferred to commit.
    await db.transaction().execute(async (trx) => {
      await sql`SET CONSTRAINTS property_photos_position_key DEFERRED`.execute(trx);
      await move(trx, a.photo_id, 1);
      await move(trx, b.photo_id, 0);
    });
    expect(await order()).toEqual(['b.jpg', 'a.jpg']);

    // In one statement (checked when the statement ends, not row by row).
    await db
      .updateTable('property_photos')
      .set((eb) => ({ position: eb.case().when('photo_id', '=', a.photo_id).then(0).else(1).end() }))
      .where('property_id', '=', property_id)
      .execute();
    expect(await order()).toEqual(['a.jpg', 'b.jpg']);

    await expect(move(db, a.photo_id, 1)).rejects.toMatchObject(unique('property_photos_position_key'));
    await expect(
      db.transaction().execute(async (trx) => {
        await sql`SET CONSTRAINTS property_photos_position_key DEFERRED`.execute(trx);
        await move(trx, a.photo_id, 1);
      }),
    ).rejects.toMatchObject(unique('property_photos_position_key'));
  });

  it('ships the fixed amenity catalog', async () => {
    const rows = await db.selectFrom('amenities').select(['code', 'name', 'category']).execute();
    expect(rows.length).toBeGreaterThanOrEqual(20);
    expect(rows.map((r) => r.code)).toEqual(
      expect.arrayContaining(['wifi', 'kitchen', 'pool', 'self_check_in']),
    );
  });
});

describe('bookings', () => {
  it('rejects an end date on or before the start date', async () => {
    const { property_id } = await insertProperty(db);
    await expect(
      insertBooking(db, { property_id, start_date: '2027-03-05', end_date: '2027-03-05', nights: 1 }),
    ).rejects.toMatchObject(check('bookings_dates_check'));
    await expect(
      insertBooking(db, { property_id, start_date: '2027-03-05', end_date: '2027-03-01', nights: 1 }),
    ).rejects.toMatchObject(check('bookings_dates_check'));
  });

  it('rejects zero guests', async () => {
    const { property_id } = await insertProperty(db);
    await expect(
      insertBooking(db, { property_id, start_date: '2027-03-01', end_date: '2027-03-03', guests: 0 }),
    ).rejects.toMatchObject(check('bookings_guests_check'));
  });

  it('rejects a price snapshot that does not add up', async () => {
    const { property_id } = await insertProperty(db);
    const dates = { property_id, start_date: '2027-03-01', end_date: '2027-03-03' };
    await expect(insertBooking(db, { ...dates, nights: 3 })).rejects.toMatchObject(
      check('bookings_nights_check'),
    );
    await expect(insertBooking(db, { ...dates, total_cents: 1 })).rejects.toMatchObject(
      check('bookings_total_cents_check'),
    );
    await expect(insertBooking(db, { ...dates, service_fee_cents: -5 })).rejects.toMatchObject({
      code: '23514',
    });
  });

  it('rejects a refund below zero or above the total', async () => {
    const { booking } = await bookingFixture();
    const refund = (refund_cents: number) =>
      db.updateTable('bookings').set({ refund_cents }).where('booking_id', '=', booking.booking_id).execute();
    await expect(refund(-1)).rejects.toMatchObject(check('bookings_refund_cents_check'));
    await expect(refund(booking.total_cents + 1)).rejects.toMatchObject(check('bookings_refund_cents_check'));
    await refund(booking.total_cents);
  });

  it('allows an idempotency key once per guest', async () => {
    const property = await insertProperty(db);
    const guest = await insertUser(db);
    const other = await insertUser(db);
    const stay = { property_id: property.property_id, start_date: '2027-04-01', end_date: '2027-04-02' };
    await insertBooking(db, { ...stay, user_id: guest.user_id, idempotency_key: 'key-1' });
    await expect(
      insertBooking(db, { ...stay, user_id: guest.user_id, idempotency_key: 'key-1' }),
    ).rejects.toMatchObject(unique('bookings_idempotency_key'));
    const sameKeyOtherGuest = await insertBooking(db, {
      ...stay,
      user_id: other.user_id,
      idempotency_key: 'key-1',
    });
    expect(sameKeyOtherGuest.user_id).toBe(other.user_id);
  });
});

describe('payments', () => {
  it('rejects a second live charge for one booking, but allows a retry after a failed one', async () => {
    const { booking } = await bookingFixture();
    const failed = await insertCharge(booking.booking_id, 'failed');
    const live = await insertCharge(booking.booking_id, 'pending');
    expect(live.payment_id).not.toBe(failed.payment_id);
    await expect(insertCharge(booking.booking_id, 'pending')).rejects.toMatchObject(
      unique('payments_one_live_charge_key'),
    );
    await expect(insertCharge(booking.booking_id, 'succeeded')).rejects.toMatchObject(
      unique('payments_one_live_charge_key'),
    );
  });

  it('rejects a negative amount', async () => {
    const { booking } = await bookingFixture();
    await expect(
      db
        .insertInto('payments')
        .values({
          booking_id: booking.booking_id,
          kind: 'refund',
          amount_cents: -100,
          currency: 'EUR',
          payment_method: 'credit_card',
          idempotency_key: randomUUID(),
        })
        .execute(),
    ).rejects.toMatchObject(check('payments_amount_cents_check'));
  });
});

describe('reviews', () => {
  async function review(bookingId: string, propertyId: string, userId: string, rating: number) {
    return db
      .insertInto('reviews')
      .values({ booking_id: bookingId, property_id: propertyId, user_id: userId, rating, comment: 'Lovely.' })
      .returning('review_id')
      .executeTakeFirstOrThrow();
  }

  it('rejects a rating of 6 or 0 with 23514', async () => {
    const { booking } = await bookingFixture();
    await expect(review(booking.booking_id, booking.property_id, booking.user_id, 6)).rejects.toMatchObject(
      check('reviews_rating_check'),
    );
    await expect(review(booking.booking_id, booking.property_id, booking.user_id, 0)).rejects.toMatchObject(
      check('reviews_rating_check'),
    );
  });

  it('allows one review per booking', async () => {
    const { booking } = await bookingFixture();
    await review(booking.booking_id, booking.property_id, booking.user_id, 5);
    await expect(review(booking.booking_id, booking.property_id, booking.user_id, 4)).rejects.toMatchObject(
      unique('reviews_booking_id_key'),
    );
  });
});

describe('conversations and messages', () => {
  it('keeps one pre-booking conversation per guest and listing', async () => {
    const property = await insertProperty(db);
    const guest = await insertUser(db);
    const thread = { property_id: property.property_id, guest_id: guest.user_id, host_id: property.host_id };
    await db.insertInto('conversations').values(thread).execute();
    await expect(db.insertInto('conversations').values(thread).execute()).rejects.toMatchObject(
      unique('conversations_guest_property_booking_key'),
    );
  });

  it('rejects a conversation of a host with themselves and an empty message', async () => {
    const property = await insertProperty(db);
    await expect(
      db
        .insertInto('conversations')
        .values({ property_id: property.property_id, guest_id: property.host_id, host_id: property.host_id })
        .execute(),
    ).rejects.toMatchObject(check('conversations_participants_check'));

    const guest = await insertUser(db);
    const { conversation_id } = await db
      .insertInto('conversations')
      .values({ property_id: property.property_id, guest_id: guest.user_id, host_id: property.host_id })
      .returning('conversation_id')
      .executeTakeFirstOrThrow();
    await expect(
      db
        .insertInto('messages')
        .values({
          conversation_id,
          sender_id: guest.user_id,
          recipient_id: property.host_id,
          message_body: '',
        })
        .execute(),
    ).rejects.toMatchObject(check('messages_message_body_check'));
  });
});

describe('notifications', () => {
  it('defaults the payload to an empty object and accepts only objects', async () => {
    const { user_id } = await insertUser(db);
    const row = await db
      .insertInto('notifications')
      .values({ user_id, type: 'booking.confirmed' })
      .returning('payload')
      .executeTakeFirstOrThrow();
    expect(row.payload).toEqual({});
    await expect(
      db.insertInto('notifications').values({ user_id, type: 'x', payload: sql`'[1]'::jsonb` }).execute(),
    ).rejects.toMatchObject(check('notifications_payload_check'));
  });
});
