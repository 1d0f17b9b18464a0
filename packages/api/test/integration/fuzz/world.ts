import { startSession } from '../../../src/domain/auth/session.service.ts';
import { addDays, todayIn } from '../../../src/domain/shared/dates.ts';
import {
  createBooking,
  createProperty,
  createSignedInUser,
  TEST_PASSWORD,
  type TestDeps,
} from '../../../src/testing/index.ts';

/**
 * A small seeded world for the fuzz suite: a signed-in user of every role, and real rows of every kind
 * the API names by id (listings, photos, bookings in every state that matters, reviews, conversations,
 * messages, notifications, payments, payouts, sessions, a host block), so generated inputs sometimes
 * reach rows that exist instead of stopping at NOT_FOUND. Every list has at least two rows for the
 * users of the world, so a page of one has a next cursor to harvest.
 */

export const ROLES = ['anonymous', 'guest', 'host', 'admin', 'suspended'] as const;
export type Role = (typeof ROLES)[number];

/** The kinds of id a field may name; a field picks its kind from its name (`bookingId`, `photoIds`…). */
export const ID_KINDS = [
  'user',
  'property',
  'photo',
  'booking',
  'review',
  'conversation',
  'message',
  'notification',
  'payment',
  'payout',
  'session',
] as const;
export type IdKind = (typeof ID_KINDS)[number];

export interface World {
  /** The bearer token of each role; null for anonymous. Suspended is an admin whose account is suspended. */
  tokens: Record<Role, string | null>;
  ids: Record<IdKind, string[]>;
  /** Real values of the world that string fields may pick: the users' emails, amenity codes. */
  words: string[];
  /** The calendar day today is in the world's listings' time zone. */
  today: string;
}

export async function createWorld(deps: TestDeps): Promise<World> {
  const { db } = deps;
  const today = todayIn('Europe/Lisbon', deps.clock.now());
  const guest = await createSignedInUser(deps, { role: 'guest', first_name: 'Amara' });
  const otherGuest = await createSignedInUser(deps, { role: 'guest', first_name: 'Bea' });
  const host = await createSignedInUser(deps, { role: 'host', first_name: 'Hana' });
  const otherHost = await createSignedInUser(deps, { role: 'host', first_name: 'Ivo' });
  const admin = await createSignedInUser(deps, { role: 'admin', first_name: 'Ada' });
  const suspended = await createSignedInUser(deps, {
    role: 'admin',
    status: 'suspended',
    suspended_at: new Date(),
  });
  const sessions = [guest.sessionId, host.sessionId, admin.sessionId];
  for (const user of [guest, host, admin]) {
    const second = await startSession(deps, db, user.userId, { ip: '127.0.0.2', userAgent: 'fuzz' });
    sessions.push(second.sessionId);
  }

  const instant = await createProperty(db, host.userId, { instant_book: true, min_nights: 1 });
  const request = await createProperty(db, host.userId, { instant_book: false, city: 'Porto' });
  const draft = await createProperty(db, host.userId, { status: 'draft', listed_at: null });
  const elsewhere = await createProperty(db, otherHost.userId, { country: 'ES', city: 'Madrid' });
  const properties = [instant.propertyId, request.propertyId, draft.propertyId, elsewhere.propertyId];

  const photos = await db
    .insertInto('property_photos')
    .values(
      [0, 1, 2].map((position) => ({
        property_id: instant.propertyId,
        url: `https://photos.example.test/${position}.jpg`,
        caption: `Photo ${position}`,
        position,
      })),
    )
    .returning('photo_id')
    .execute();

  const stay = (from: number, to: number) => ({
    startDate: addDays(today, from),
    endDate: addDays(today, to),
  });
  const booking = (propertyId: string, guestId: string, dates: ReturnType<typeof stay>, status: Status) =>
    createBooking(db, { propertyId, guestId, ...dates, status });
  type Status = NonNullable<Parameters<typeof createBooking>[1]['status']>;
  const reviewed = [
    await booking(instant.propertyId, guest.userId, stay(-14, -12), 'completed'),
    await booking(instant.propertyId, guest.userId, stay(-11, -9), 'completed'),
  ];
  const unreviewed = await booking(instant.propertyId, guest.userId, stay(-4, -1), 'completed');
  const confirmed = await booking(instant.propertyId, guest.userId, stay(10, 13), 'confirmed');
  const pending = await booking(instant.propertyId, guest.userId, stay(15, 17), 'pending');
  const requested = await booking(request.propertyId, guest.userId, stay(20, 22), 'requested');
  const canceled = await booking(instant.propertyId, guest.userId, stay(30, 32), 'canceled');
  const othersStay = await booking(elsewhere.propertyId, otherGuest.userId, stay(5, 7), 'confirmed');
  const bookings = [...reviewed, unreviewed, confirmed, pending, requested, canceled, othersStay].map(
    (b) => b.bookingId,
  );
  await db
    .insertInto('occupancy')
    .values({ property_id: instant.propertyId, kind: 'block', ...dates(stay(40, 42)), note: 'fuzz' })
    .execute();

  const reviews = await db
    .insertInto('reviews')
    .values(
      reviewed.map((b, i) => ({
        booking_id: b.bookingId,
        property_id: instant.propertyId,
        user_id: guest.userId,
        rating: 4 + i,
        comment: `Stay ${i} was lovely.`,
        published_at: new Date(),
      })),
    )
    .returning('review_id')
    .execute();

  const conversations = await db
    .insertInto('conversations')
    .values([
      {
        guest_id: guest.userId,
        host_id: host.userId,
        property_id: instant.propertyId,
        booking_id: confirmed.bookingId,
      },
      { guest_id: guest.userId, host_id: host.userId, property_id: request.propertyId, booking_id: null },
    ])
    .returning('conversation_id')
    .execute();
  const [aboutStay, beforeBooking] = conversations.map((c) => c.conversation_id);
  if (!aboutStay || !beforeBooking) throw new Error('the world has two conversations');
  const message = (conversationId: string, from: string, to: string, body: string) => ({
    conversation_id: conversationId,
    sender_id: from,
    recipient_id: to,
    message_body: body,
  });
  const messages = await db
    .insertInto('messages')
    .values([
      message(aboutStay, guest.userId, host.userId, 'Can we check in early?'),
      message(aboutStay, host.userId, guest.userId, 'Yes, from noon.'),
      message(aboutStay, guest.userId, host.userId, 'Thank you!'),
      message(beforeBooking, guest.userId, host.userId, 'Is it quiet at night?'),
      message(beforeBooking, host.userId, guest.userId, 'Very quiet.'),
    ])
    .returning('message_id')
    .execute();
  await db
    .updateTable('conversations')
    .set({ last_message_at: new Date() })
    .where('conversation_id', 'in', [aboutStay, beforeBooking])
    .execute();

  const notifications = await db
    .insertInto('notifications')
    .values(
      [guest, guest, guest, host, host, host].map((user, i) => ({
        user_id: user.userId,
        type: 'message_received',
        payload: { conversationId: aboutStay, n: i },
      })),
    )
    .returning('notification_id')
    .execute();

  const paid = [...reviewed, unreviewed, confirmed];
  const payments = await db
    .insertInto('payments')
    .values(
      paid.map((b) => ({
        booking_id: b.bookingId,
        kind: 'charge' as const,
        amount_cents: b.totalCents,
        currency: 'EUR',
        payment_method: 'credit_card' as const,
        status: 'succeeded' as const,
        idempotency_key: `fuzz-charge-${b.bookingId}`,
        provider_reference: `sim_ch_${b.bookingId}`,
        payment_date: new Date(),
      })),
    )
    .returning('payment_id')
    .execute();
  const payouts = await db
    .insertInto('payouts')
    .values(
      [...reviewed, unreviewed].map((b, i) => ({
        booking_id: b.bookingId,
        host_id: host.userId,
        amount_cents: 20_000 + i,
        currency: 'EUR',
        release_date: addDays(today, -8 + i),
        status: i === 0 ? ('released' as const) : ('scheduled' as const),
      })),
    )
    .returning('payout_id')
    .execute();

  const amenities = await db.selectFrom('amenities').select(['amenity_id', 'code']).limit(8).execute();
  if (amenities.length > 0) {
    await db
      .insertInto('property_amenities')
      .values(
        amenities.slice(0, 3).map((a) => ({ property_id: instant.propertyId, amenity_id: a.amenity_id })),
      )
      .execute();
  }

  const users = [guest, otherGuest, host, otherHost, admin, suspended];
  return {
    tokens: {
      anonymous: null,
      guest: guest.token,
      host: host.token,
      admin: admin.token,
      suspended: suspended.token,
    },
    ids: {
      user: users.map((u) => u.userId),
      property: properties,
      photo: photos.map((p) => p.photo_id),
      booking: bookings,
      review: reviews.map((r) => r.review_id),
      conversation: [aboutStay, beforeBooking],
      message: messages.map((m) => m.message_id),
      notification: notifications.map((n) => n.notification_id),
      payment: payments.map((p) => p.payment_id),
      payout: payouts.map((p) => p.payout_id),
      session: sessions,
    },
    words: [...users.map((u) => u.email), ...amenities.map((a) => a.code), TEST_PASSWORD],
    today,
  };
}

function dates(range: { startDate: string; endDate: string }) {
  return { start_date: range.startDate, end_date: range.endDate };
}
