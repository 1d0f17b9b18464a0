import { beforeAll, describe, expect, it } from 'vitest';
import type { AccountExport } from '../../../src/domain/users/account-export.types.ts';
import { ManualClock } from '../../../src/infra/clock.ts';
import {
  createProperty,
  insertPhotos,
  type SignedIn,
  signedIn,
  TEST_PASSWORD,
  useTestDeps,
} from '../../../src/testing/index.ts';
import { listing, runJobsDueBy, stay } from '../bookings/helpers.ts';

const clock = new ManualClock('2031-03-01T12:00:00Z');
const deps = await useTestDeps({ clock });

/** The sections of an export; each holds rows (the user is one row). */
const sections = [
  'sessions',
  'codes',
  'notificationPreferences',
  'properties',
  'propertyPhotos',
  'propertyAmenities',
  'calendarBlocks',
  'bookingsAsGuest',
  'bookingsAsHost',
  'payments',
  'payouts',
  'reviewsBy',
  'reviewsAbout',
  'guestReviewsBy',
  'guestReviewsAbout',
  'conversations',
  'messages',
  'notifications',
  'wishlists',
  'wishlistProperties',
] as const satisfies readonly Exclude<keyof AccountExport, 'exportedAt' | 'user'>[];

interface World {
  busy: SignedIn;
  guest: SignedIn;
  propertyId: string;
  hostedBookingId: string;
  ownBookingId: string;
  conversationId: string;
}

/**
 * A busy user, host and guest at once: a listing with a photo, an amenity and closed nights; a guest's
 * stay there, paid out, reviewed and talked about; their own stay elsewhere, paid, reviewed; a notification
 * preference and a pending email change.
 */
async function busyWorld(): Promise<World> {
  const busy = await signedIn(deps, 'host', { first_name: 'Bea', phone_number: '+351912000111' });
  const { propertyId } = await createProperty(deps.db, busy.userId, { instant_book: true });
  await insertPhotos(deps, propertyId, 1);
  const amenity = await deps.db.selectFrom('amenities').select('amenity_id').executeTakeFirstOrThrow();
  await deps.db
    .insertInto('property_amenities')
    .values({ property_id: propertyId, amenity_id: amenity.amenity_id })
    .execute();
  await busy.caller.properties.blockDates({ propertyId, startDate: '2031-06-01', endDate: '2031-06-03' });

  const guest = await signedIn(deps, 'guest', { first_name: 'Gus' });
  const hosted = await guest.caller.bookings.create(stay(propertyId, '2031-03-10', '2031-03-13'));
  const elsewhere = await listing(deps);
  const own = await busy.caller.bookings.create(stay(elsewhere.propertyId, '2031-03-05', '2031-03-08'));
  await runJobsDueBy(deps, clock);

  const started = await guest.caller.messages.start({
    propertyId,
    bookingId: hosted.bookingId,
    messageBody: 'Arriving at six.',
  });
  const { conversationId } = started.conversation;
  clock.advance(60_000);
  await busy.caller.messages.send({ conversationId, messageBody: 'See you then.' });

  for (const at of ['2031-03-11T00:00:00Z', '2031-03-13T00:00:00Z', '2031-03-14T11:00:00Z']) {
    clock.set(at);
    await runJobsDueBy(deps, clock);
  }
  await guest.caller.reviews.create({ bookingId: hosted.bookingId, rating: 5, comment: 'Lovely host.' });
  await busy.caller.reviews.create({ bookingId: own.bookingId, rating: 4, comment: 'Nice place.' });
  await busy.caller.reviews.createForGuest({
    bookingId: hosted.bookingId,
    rating: 5,
    comment: 'Tidy guest.',
  });
  await elsewhere.host.caller.reviews.createForGuest({
    bookingId: own.bookingId,
    rating: 4,
    comment: 'Fine.',
  });
  await busy.caller.notifications.updatePreferences({ email: { message_received: false } });
  // Written straight to the tables: wishlists have no procedures on main yet.
  const wishlist = await deps.db
    .insertInto('wishlists')
    .values({ user_id: busy.userId, name: 'Summer' })
    .returning('wishlist_id')
    .executeTakeFirstOrThrow();
  await deps.db
    .insertInto('wishlist_properties')
    .values({ wishlist_id: wishlist.wishlist_id, property_id: elsewhere.propertyId })
    .execute();
  await busy.caller.auth.requestEmailChange({ newEmail: 'bea.new@example.test', password: TEST_PASSWORD });
  await runJobsDueBy(deps, clock);
  return {
    busy,
    guest,
    propertyId,
    hostedBookingId: hosted.bookingId,
    ownBookingId: own.bookingId,
    conversationId,
  };
}

let world: World;
let exported: AccountExport;

beforeAll(async () => {
  world = await busyWorld();
  exported = await world.busy.caller.users.exportData();
}, 60_000);

const ids = (rows: Record<string, unknown>[], key: string) => rows.map((row) => row[key]);

describe('users.exportData', () => {
  it.each(sections)('lists the busy user’s %s', (section) => {
    expect(exported[section].length, section).toBeGreaterThan(0);
  });

  it('holds the account row and the records of each kind that are theirs', () => {
    const { busy, propertyId, hostedBookingId, ownBookingId, conversationId } = world;
    expect(exported.exportedAt).toEqual(clock.now());
    expect(exported.user).toMatchObject({
      user_id: busy.userId,
      email: busy.email,
      first_name: 'Bea',
      phone_number: '+351912000111',
    });
    expect(ids(exported.sessions, 'session_id')).toContain(busy.sessionId);
    expect(exported.codes).toEqual([
      expect.objectContaining({ purpose: 'email_change', new_email: 'bea.new@example.test' }),
    ]);
    expect(exported.notificationPreferences).toEqual([
      expect.objectContaining({ type: 'message_received', email_enabled: false }),
    ]);
    expect(ids(exported.properties, 'property_id')).toEqual([propertyId]);
    expect(ids(exported.propertyPhotos, 'property_id')).toEqual([propertyId]);
    expect(ids(exported.propertyAmenities, 'property_id')).toEqual([propertyId]);
    expect(exported.calendarBlocks).toEqual([
      expect.objectContaining({ property_id: propertyId, start_date: '2031-06-01', end_date: '2031-06-03' }),
    ]);
    expect(ids(exported.bookingsAsGuest, 'booking_id')).toEqual([ownBookingId]);
    expect(ids(exported.bookingsAsHost, 'booking_id')).toEqual([hostedBookingId]);
    expect(ids(exported.payments, 'booking_id')).toEqual([ownBookingId]);
    expect(ids(exported.payouts, 'booking_id')).toEqual([hostedBookingId]);
    expect(ids(exported.reviewsBy, 'booking_id')).toEqual([ownBookingId]);
    expect(ids(exported.reviewsAbout, 'booking_id')).toEqual([hostedBookingId]);
    expect(ids(exported.guestReviewsBy, 'booking_id')).toEqual([hostedBookingId]);
    expect(ids(exported.guestReviewsAbout, 'booking_id')).toEqual([ownBookingId]);
    expect(ids(exported.conversations, 'conversation_id')).toEqual([conversationId]);
    expect(ids(exported.messages, 'message_body')).toEqual(['Arriving at six.', 'See you then.']);
    expect(new Set(ids(exported.notifications, 'user_id'))).toEqual(new Set([busy.userId]));
    expect(exported.wishlists).toEqual([expect.objectContaining({ user_id: busy.userId, name: 'Summer' })]);
    expect(exported.wishlistProperties).toHaveLength(1);
  });

  it('leaves out the secrets: password, session and code hashes, payment tokens', () => {
    const text = JSON.stringify(exported);
    for (const secret of ['password_hash', 'token_hash', 'payment_token', 'request_hash']) {
      expect(text, secret).not.toContain(`"${secret}"`);
    }
    expect(text).not.toContain('tok_visa');
  });

  it('holds nothing of another user’s: the guest’s export has their stay but not the host’s listing or payouts', async () => {
    const theirs = await world.guest.caller.users.exportData();
    expect(theirs.user).toMatchObject({ user_id: world.guest.userId });
    expect(ids(theirs.bookingsAsGuest, 'booking_id')).toEqual([world.hostedBookingId]);
    expect(theirs.properties).toEqual([]);
    expect(theirs.bookingsAsHost).toEqual([]);
    expect(theirs.payouts).toEqual([]);
    expect(theirs.wishlists).toEqual([]);
    expect(theirs.reviewsAbout).toEqual([]);
    expect(theirs.guestReviewsBy).toEqual([]);
    expect(ids(theirs.guestReviewsAbout, 'booking_id')).toEqual([world.hostedBookingId]);
    expect(ids(theirs.reviewsBy, 'booking_id')).toEqual([world.hostedBookingId]);
    expect(ids(theirs.sessions, 'session_id')).toEqual([world.guest.sessionId]);
  });
});
