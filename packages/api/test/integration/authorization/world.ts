import { startSession } from '../../../src/domain/auth/session.service.ts';
import {
  type Caller,
  callerAs,
  createBooking,
  createProperty,
  type SignedIn,
  signedIn,
  type TestDeps,
} from '../../../src/testing/index.ts';

/**
 * The rows the authorization matrix is tested against: one host and one guest who own every kind of private
 * row there is, and the strangers who try to reach them. The test clock stands at TODAY_INSTANT; the
 * listing is in Lisbon, so today there is 2031-04-01.
 */

export const TODAY_INSTANT = '2031-04-01T09:00:00Z';

/** The callers who own none of a world's rows, in the order the matrix tries them (admin last: it may act). */
export type StrangerKind = 'anonymous' | 'guest' | 'host' | 'suspended' | 'admin';
export const strangerKinds: readonly StrangerKind[] = ['anonymous', 'guest', 'host', 'suspended', 'admin'];

/** The two people who own a world's rows: the listing's host and the guest who stays there. */
export type Party = 'guest' | 'host';

/**
 * One caller of each kind who owns nothing of the world's: anonymous, another guest, another host, an admin
 * whose account is suspended (suspension beats any role, SPEC §7), and an admin.
 */
export type Strangers = Record<StrangerKind, Principal & { userId: string | null }>;

/** Who calls: their tRPC caller and the bearer token behind it (null: anonymous), for calls over REST. */
export interface Principal {
  caller: Caller;
  token: string | null;
}

export interface World {
  deps: TestDeps;
  host: SignedIn;
  guest: SignedIn;
  /** The host's listing, unlisted: only its host and admins may see it (SPEC §4 privacy). Two photos. */
  propertyId: string;
  photoIds: [string, string];
  /** Nights the host blocked (unblockDates frees them). */
  blocked: { startDate: string; endDate: string };
  /** The guest's bookings at the place, one per state a procedure acts on. */
  requestedBookingId: string;
  confirmedBookingId: string;
  /** Completed within the review window, not reviewed yet. */
  completedBookingId: string;
  /** Completed and reviewed both ways (so published): `reviewId`, without a host response yet. */
  reviewedBookingId: string;
  reviewId: string;
  /** The guest wrote to the host about the confirmed booking: one message, unread by the host. */
  conversationId: string;
  messageId: string;
  /** The host's unread notification of that message. */
  hostNotificationId: string;
  /** A second session of the guest's (not the one their caller uses). */
  spareSessionId: string;
  strangers: Strangers;
}

export async function buildWorld(deps: TestDeps): Promise<World> {
  const host = await signedIn(deps, 'host', { first_name: 'Hana' });
  const guest = await signedIn(deps, 'guest', { first_name: 'Amara' });
  const { propertyId } = await createProperty(deps.db, host.userId, { status: 'unlisted' });
  const first = await host.caller.properties.addPhoto({ propertyId, url: 'https://cdn.example.test/1.jpg' });
  const second = await host.caller.properties.addPhoto({ propertyId, url: 'https://cdn.example.test/2.jpg' });
  const blocked = { startDate: '2031-07-01', endDate: '2031-07-05' };
  await host.caller.properties.blockDates({ propertyId, ...blocked });

  const booking = (startDate: string, endDate: string, status: 'requested' | 'confirmed' | 'completed') =>
    createBooking(deps.db, { propertyId, guestId: guest.userId, startDate, endDate, status });
  const requested = await booking('2031-05-10', '2031-05-13', 'requested');
  const confirmed = await booking('2031-06-01', '2031-06-05', 'confirmed');
  const completed = await booking('2031-03-25', '2031-03-28', 'completed');
  const reviewed = await booking('2031-03-20', '2031-03-23', 'completed');
  const review = await guest.caller.reviews.create({
    bookingId: reviewed.bookingId,
    rating: 5,
    comment: 'Quiet and bright.',
  });
  // Reviews are blind until both sides have written (SPEC §10): the host's review publishes the guest's.
  await host.caller.reviews.createForGuest({
    bookingId: reviewed.bookingId,
    rating: 5,
    comment: 'A considerate guest.',
  });

  const started = await guest.caller.messages.start({
    propertyId,
    bookingId: confirmed.bookingId,
    messageBody: 'What time can we check in?',
  });
  const notifications = await host.caller.notifications.list();
  const messageNotice = notifications.items.find((item) => item.type === 'message_received');
  if (!messageNotice) throw new Error("the host was not told of the guest's message");

  const spare = await startSession(deps, deps.db, guest.userId, { ip: '127.0.0.1', userAgent: 'vitest' });

  return {
    deps,
    host,
    guest,
    propertyId,
    photoIds: [first.photoId, second.photoId],
    blocked,
    requestedBookingId: requested.bookingId,
    confirmedBookingId: confirmed.bookingId,
    completedBookingId: completed.bookingId,
    reviewedBookingId: reviewed.bookingId,
    reviewId: review.reviewId,
    conversationId: started.conversation.conversationId,
    messageId: started.message.messageId,
    hostNotificationId: messageNotice.notificationId,
    spareSessionId: spare.sessionId,
    strangers: {
      anonymous: await callerAs(deps, 'anonymous'),
      guest: await callerAs(deps, 'guest'),
      host: await callerAs(deps, 'host'),
      suspended: await callerAs(deps, 'suspended'),
      admin: await callerAs(deps, 'admin'),
    },
  };
}

export function stranger(world: World, kind: StrangerKind): Principal {
  return world.strangers[kind];
}

/** What strangers own themselves, to pair with an owner's id in one input ("crossed" ids). */
export interface StrangerRows {
  /** The other host's own listed place and its photo. */
  hostPropertyId: string;
  hostPhotoId: string;
  /** The other guest's own conversation with the other host. */
  guestConversationId: string;
}

export async function buildStrangerRows(world: World): Promise<StrangerRows> {
  const { deps, strangers } = world;
  if (strangers.host.userId === null) throw new Error('the other host is signed in');
  const { propertyId } = await createProperty(deps.db, strangers.host.userId);
  const photo = await strangers.host.caller.properties.addPhoto({
    propertyId,
    url: 'https://cdn.example.test/other.jpg',
  });
  const started = await strangers.guest.caller.messages.start({ propertyId, messageBody: 'Is it free?' });
  return {
    hostPropertyId: propertyId,
    hostPhotoId: photo.photoId,
    guestConversationId: started.conversation.conversationId,
  };
}
