import { randomUUID } from 'node:crypto';
import type { AnyProcedure, inferProcedureInput, TRPC_ERROR_CODE_KEY } from '@trpc/server';
import type { ErrorReason } from '../../../src/domain/errors.ts';
import type { AppRouter } from '../../../src/routers/app.router.ts';
import { TEST_PASSWORD } from '../../../src/testing/index.ts';
import type { Entity } from './owner-views.ts';
import type { Party, StrangerKind, StrangerRows, World } from './world.ts';

/**
 * The authorization matrix: every procedure of the app router, who may call it, and — for those that take
 * ids — what the ids name, whose rows those are and what everyone else gets. SPEC §4 privacy: a row the
 * caller may not see answers NOT_FOUND, exactly like one that does not exist, so existence never leaks.
 * FORBIDDEN is the answer only where the caller already knows the row exists or the base refuses their
 * role before any id is read. authorization.test.ts walks the router and fails on a procedure without a
 * row here; the type below fails to compile first.
 */

type Procedures = AppRouter['_def']['record'];

type PathsOf<R, Prefix extends string = ''> = {
  [K in keyof R & string]: R[K] extends AnyProcedure ? `${Prefix}${K}` : PathsOf<R[K], `${Prefix}${K}.`>;
}[keyof R & string];

export type ProcedurePath = PathsOf<Procedures>;

type ProcedureAt<R, P extends string> = P extends `${infer Head}.${infer Rest}`
  ? Head extends keyof R
    ? ProcedureAt<R[Head], Rest>
    : never
  : P extends keyof R
    ? R[P]
    : never;

type InputOf<P extends ProcedurePath> =
  ProcedureAt<Procedures, P> extends infer Procedure extends AnyProcedure
    ? inferProcedureInput<Procedure>
    : never;

/**
 * The procedure base (packages/api/src/trpc/procedures.ts): `public` never looks at the token; `viewer` is
 * public but a token that does not authenticate fails (viewerAwareProcedure); `authed` needs a session;
 * `host` refuses guests (FORBIDDEN) and admits hosts and admins; `admin` admits admins only.
 */
export type Base = 'public' | 'viewer' | 'authed' | 'host' | 'admin';

export interface Refusal {
  code: TRPC_ERROR_CODE_KEY;
  reason: ErrorReason;
}

/** `ok`: succeeds and leaves the owners' view as it was; `acts`: succeeds and may change it; or a refusal. */
export type Outcome = 'ok' | 'acts' | Refusal;

type FieldsOf<I> = I extends object ? keyof I & string : never;

interface PlainRow<I> {
  base: Base;
  /** An input the procedure's schema accepts, so that any refusal is about who calls, never validation. */
  input: (world: World) => I;
  ids?: never;
}

interface IdRow<I, Field extends string = FieldsOf<I>> {
  base: Base;
  input: (world: World) => I;
  /** Every input field that carries an id (a uuid), and the kind of row it names. */
  ids: Partial<Record<Field, Entity>>;
  /** Whose rows the ids name: the listing's host, the guest, or both parties of a booking or conversation. */
  owner: Party | 'both';
  /** What each stranger gets when calling with the owners' ids. */
  access: Record<StrangerKind, Outcome>;
  /** Refusals of one of the owners on their own rows (e.g. a guest answering their own booking request). */
  parties?: Partial<Record<Party, Refusal>>;
  /** The owner whose call with the same input succeeds (proof the input itself is good). */
  ownerMay?: Party;
  /** More owner views to hold still, beyond those of the id kinds (a stranger's write could land there). */
  watches?: Entity[];
  /** A stranger pairing an id of their own with an owner's id in one call. */
  crossed?: {
    by: 'guest' | 'host';
    input: (world: World, theirs: StrangerRows) => I;
    expect: Refusal;
  };
}

export type IdMatrixRow = IdRow<unknown, string>;
export type MatrixRow = PlainRow<unknown> | IdMatrixRow;

const SIGN_IN: Refusal = { code: 'UNAUTHORIZED', reason: 'UNAUTHENTICATED' };
const SUSPENDED: Refusal = { code: 'UNAUTHORIZED', reason: 'ACCOUNT_SUSPENDED' };
const FORBIDDEN: Refusal = { code: 'FORBIDDEN', reason: 'FORBIDDEN' };
const NOT_FOUND: Refusal = { code: 'NOT_FOUND', reason: 'NOT_FOUND' };

const NEW_PASSWORD = 'velvet-otter-harbour-42';
const UNKNOWN_CODE = 'A'.repeat(43);
let sequence = 0;
const freshEmail = () => `matrix-${Date.now().toString(36)}-${++sequence}@example.test`;

/** Nights nobody holds at the world's listing (its holds are in March–July 2031). */
const FREE_STAY = { startDate: '2031-09-01', endDate: '2031-09-04', guests: 2 };

export const accessMatrix: { [P in ProcedurePath]: PlainRow<InputOf<P>> | IdRow<InputOf<P>> } = {
  health: { base: 'public', input: () => undefined },

  // auth: the caller's own account and sessions; codes and passwords are secrets, not ids.
  'auth.register': {
    base: 'public',
    input: () => ({ email: freshEmail(), password: NEW_PASSWORD, firstName: 'New', lastName: 'Comer' }),
  },
  'auth.login': { base: 'public', input: (w) => ({ email: w.guest.email, password: TEST_PASSWORD }) },
  'auth.logout': { base: 'authed', input: () => undefined },
  'auth.logoutAll': { base: 'authed', input: () => undefined },
  'auth.sessions': { base: 'authed', input: () => ({}) },
  'auth.revokeSession': {
    base: 'authed',
    input: (w) => ({ sessionId: w.spareSessionId }),
    ids: { sessionId: 'session' },
    owner: 'guest',
    // Someone else's session does not exist for the caller, admins included (account-sessions.service).
    access: { anonymous: SIGN_IN, guest: NOT_FOUND, host: NOT_FOUND, suspended: SUSPENDED, admin: NOT_FOUND },
    ownerMay: 'guest',
  },
  'auth.changePassword': {
    base: 'authed',
    input: () => ({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }),
  },
  'auth.requestPasswordReset': { base: 'public', input: (w) => ({ email: w.guest.email }) },
  'auth.resetPassword': { base: 'public', input: () => ({ token: UNKNOWN_CODE, newPassword: NEW_PASSWORD }) },
  'auth.requestEmailVerification': { base: 'authed', input: () => undefined },
  'auth.verifyEmail': { base: 'public', input: () => ({ token: UNKNOWN_CODE }) },
  // The password is checked after the base admits the caller; a wrong one is a field error, not a refusal.
  'auth.requestEmailChange': {
    base: 'authed',
    input: () => ({ newEmail: freshEmail(), password: TEST_PASSWORD }),
  },
  'auth.confirmEmailChange': { base: 'authed', input: () => ({ code: UNKNOWN_CODE }) },

  'users.me': { base: 'authed', input: () => undefined },
  'users.updateProfile': { base: 'authed', input: () => ({ bio: 'Likes quiet places.' }) },
  'users.becomeHost': { base: 'authed', input: () => undefined },
  'users.exportData': { base: 'authed', input: () => undefined },
  // Each base check signs in a fresh user, so the one who passes deletes only their own new account.
  'users.deleteAccount': { base: 'authed', input: () => ({ password: TEST_PASSWORD }) },
  'users.profile': {
    base: 'public',
    input: (w) => ({ userId: w.guest.userId, reason: 'Appeal upheld' }),
    ids: { userId: 'user' },
    owner: 'guest',
    // The public view of an active account (never email or phone): anyone may read it.
    access: { anonymous: 'ok', guest: 'ok', host: 'ok', suspended: 'ok', admin: 'ok' },
    ownerMay: 'guest',
  },

  'admin.users': { base: 'admin', input: () => ({ text: 'amara' }) },
  'admin.auditLog': {
    base: 'admin',
    // Filters, not rows: the log of actions by or on an account, admins only.
    input: (w) => ({ actorId: w.guest.userId, targetId: w.guest.userId }),
    ids: { actorId: 'user', targetId: 'user' },
    owner: 'guest',
    access: { anonymous: SIGN_IN, guest: FORBIDDEN, host: FORBIDDEN, suspended: SUSPENDED, admin: 'ok' },
    parties: { guest: FORBIDDEN, host: FORBIDDEN },
  },
  'admin.suspendUser': {
    base: 'admin',
    input: (w) => ({ userId: w.guest.userId, reason: 'Chargebacks' }),
    ids: { userId: 'user' },
    owner: 'guest',
    access: { anonymous: SIGN_IN, guest: FORBIDDEN, host: FORBIDDEN, suspended: SUSPENDED, admin: 'acts' },
    parties: { guest: FORBIDDEN, host: FORBIDDEN },
  },
  'admin.reinstateUser': {
    base: 'admin',
    input: (w) => ({ userId: w.guest.userId, reason: 'Appeal upheld' }),
    ids: { userId: 'user' },
    owner: 'guest',
    // The admin gets past authorization and meets the status rule: the guest is active, not suspended.
    access: {
      anonymous: SIGN_IN,
      guest: FORBIDDEN,
      host: FORBIDDEN,
      suspended: SUSPENDED,
      admin: { code: 'CONFLICT', reason: 'INVALID_TRANSITION' },
    },
    parties: { guest: FORBIDDEN, host: FORBIDDEN },
  },
  'admin.suspendProperty': {
    base: 'admin',
    input: (w) => ({ propertyId: w.propertyId, reason: 'Misleading photos' }),
    ids: { propertyId: 'property' },
    owner: 'host',
    access: { anonymous: SIGN_IN, guest: FORBIDDEN, host: FORBIDDEN, suspended: SUSPENDED, admin: 'acts' },
    parties: { guest: FORBIDDEN, host: FORBIDDEN },
  },
  'admin.cancelBooking': {
    base: 'admin',
    input: (w) => ({ bookingId: w.confirmedBookingId, reason: 'Safety review' }),
    ids: { bookingId: 'booking' },
    owner: 'both',
    access: { anonymous: SIGN_IN, guest: FORBIDDEN, host: FORBIDDEN, suspended: SUSPENDED, admin: 'acts' },
    parties: { guest: FORBIDDEN, host: FORBIDDEN },
  },

  // properties: a listing is managed by its host and admins (canManage); an unlisted one is theirs alone to see.
  'properties.create': {
    base: 'host',
    input: () => ({
      name: 'Matrix loft',
      propertyType: 'apartment',
      city: 'Porto',
      country: 'PT',
      lat: 41.1579,
      lng: -8.6291,
      timezone: 'Europe/Lisbon',
      pricePerNightCents: 8_000,
      currency: 'EUR',
      maxGuests: 2,
      bedrooms: 1,
      beds: 1,
      bathrooms: 1,
      cancellationPolicy: 'flexible',
    }),
  },
  'properties.update': {
    base: 'host',
    input: (w) => ({ propertyId: w.propertyId, name: 'Renamed by the caller' }),
    ids: { propertyId: 'property' },
    owner: 'host',
    access: { anonymous: SIGN_IN, guest: FORBIDDEN, host: NOT_FOUND, suspended: SUSPENDED, admin: 'acts' },
    parties: { guest: FORBIDDEN },
    ownerMay: 'host',
  },
  'properties.get': {
    base: 'viewer',
    input: (w) => ({ propertyId: w.propertyId }),
    ids: { propertyId: 'property' },
    owner: 'host',
    // Unlisted: not even a guest with a stay there sees it (canView); admins do.
    access: { anonymous: NOT_FOUND, guest: NOT_FOUND, host: NOT_FOUND, suspended: SUSPENDED, admin: 'ok' },
    parties: { guest: NOT_FOUND },
    ownerMay: 'host',
  },
  'properties.listMine': { base: 'host', input: () => ({}) },
  'properties.setStatus': {
    base: 'host',
    input: (w) => ({ propertyId: w.propertyId, status: 'listed' }),
    ids: { propertyId: 'property' },
    owner: 'host',
    access: { anonymous: SIGN_IN, guest: FORBIDDEN, host: NOT_FOUND, suspended: SUSPENDED, admin: 'acts' },
    parties: { guest: FORBIDDEN },
    ownerMay: 'host',
  },
  'properties.search': { base: 'public', input: () => ({ text: 'Lisbon' }) },
  'properties.amenities': { base: 'public', input: () => undefined },
  'properties.addPhoto': {
    base: 'host',
    input: (w) => ({ propertyId: w.propertyId, url: 'https://cdn.example.test/3.jpg' }),
    ids: { propertyId: 'property' },
    owner: 'host',
    access: { anonymous: SIGN_IN, guest: FORBIDDEN, host: NOT_FOUND, suspended: SUSPENDED, admin: 'acts' },
    parties: { guest: FORBIDDEN },
    ownerMay: 'host',
  },
  'properties.removePhoto': {
    base: 'host',
    input: (w) => ({ propertyId: w.propertyId, photoId: w.photoIds[1] }),
    ids: { propertyId: 'property', photoId: 'photo' },
    owner: 'host',
    access: { anonymous: SIGN_IN, guest: FORBIDDEN, host: NOT_FOUND, suspended: SUSPENDED, admin: 'acts' },
    parties: { guest: FORBIDDEN },
    ownerMay: 'host',
    // Their own listing does not make the owner's photo theirs to remove.
    crossed: {
      by: 'host',
      input: (w, theirs) => ({ propertyId: theirs.hostPropertyId, photoId: w.photoIds[1] }),
      expect: NOT_FOUND,
    },
  },
  'properties.reorderPhotos': {
    base: 'host',
    input: (w) => ({ propertyId: w.propertyId, photoIds: [w.photoIds[1], w.photoIds[0]] }),
    ids: { propertyId: 'property', photoIds: 'photo' },
    owner: 'host',
    access: { anonymous: SIGN_IN, guest: FORBIDDEN, host: NOT_FOUND, suspended: SUSPENDED, admin: 'acts' },
    parties: { guest: FORBIDDEN },
    ownerMay: 'host',
  },
  'properties.calendar': {
    base: 'viewer',
    input: (w) => ({ propertyId: w.propertyId, from: '2031-05-01', to: '2031-08-01' }),
    ids: { propertyId: 'property' },
    owner: 'host',
    access: { anonymous: NOT_FOUND, guest: NOT_FOUND, host: NOT_FOUND, suspended: SUSPENDED, admin: 'ok' },
    parties: { guest: NOT_FOUND },
    ownerMay: 'host',
  },
  'properties.blockDates': {
    base: 'host',
    input: (w) => ({ propertyId: w.propertyId, startDate: '2031-08-01', endDate: '2031-08-03' }),
    ids: { propertyId: 'property' },
    owner: 'host',
    access: { anonymous: SIGN_IN, guest: FORBIDDEN, host: NOT_FOUND, suspended: SUSPENDED, admin: 'acts' },
    parties: { guest: FORBIDDEN },
    ownerMay: 'host',
  },
  'properties.setPrices': {
    base: 'host',
    input: (w) => ({
      propertyId: w.propertyId,
      from: '2031-08-01',
      to: '2031-08-03',
      pricePerNightCents: 12_000,
    }),
    ids: { propertyId: 'property' },
    owner: 'host',
    access: { anonymous: SIGN_IN, guest: FORBIDDEN, host: NOT_FOUND, suspended: SUSPENDED, admin: 'acts' },
    parties: { guest: FORBIDDEN },
    ownerMay: 'host',
  },
  'properties.unblockDates': {
    base: 'host',
    input: (w) => ({ propertyId: w.propertyId, ...w.blocked }),
    ids: { propertyId: 'property' },
    owner: 'host',
    access: { anonymous: SIGN_IN, guest: FORBIDDEN, host: NOT_FOUND, suspended: SUSPENDED, admin: 'acts' },
    parties: { guest: FORBIDDEN },
    ownerMay: 'host',
  },

  // bookings: its guest, the listing's host and admins see one (roleIn); anyone else gets NOT_FOUND.
  'bookings.quote': {
    base: 'viewer',
    input: (w) => ({ propertyId: w.propertyId, ...FREE_STAY }),
    ids: { propertyId: 'property' },
    owner: 'host',
    access: { anonymous: NOT_FOUND, guest: NOT_FOUND, host: NOT_FOUND, suspended: SUSPENDED, admin: 'ok' },
    parties: { guest: NOT_FOUND },
    ownerMay: 'host',
  },
  'bookings.create': {
    base: 'authed',
    input: (w) => ({
      propertyId: w.propertyId,
      ...FREE_STAY,
      paymentMethod: 'credit_card',
      paymentToken: 'tok_visa',
      idempotencyKey: randomUUID(),
    }),
    ids: { propertyId: 'property' },
    owner: 'host',
    // An admin sees the unlisted place, so learns why it cannot be booked; nobody else learns it exists.
    access: {
      anonymous: SIGN_IN,
      guest: NOT_FOUND,
      host: NOT_FOUND,
      suspended: SUSPENDED,
      admin: { code: 'CONFLICT', reason: 'PROPERTY_NOT_BOOKABLE' },
    },
    parties: { guest: NOT_FOUND, host: { code: 'UNPROCESSABLE_CONTENT', reason: 'OWN_PROPERTY' } },
  },
  'bookings.get': {
    base: 'authed',
    input: (w) => ({ bookingId: w.confirmedBookingId }),
    ids: { bookingId: 'booking' },
    owner: 'both',
    access: { anonymous: SIGN_IN, guest: NOT_FOUND, host: NOT_FOUND, suspended: SUSPENDED, admin: 'ok' },
    ownerMay: 'guest',
  },
  'bookings.listMine': { base: 'authed', input: () => ({}) },
  'bookings.listForHost': {
    base: 'host',
    input: (w) => ({ propertyId: w.propertyId }),
    ids: { propertyId: 'property' },
    owner: 'host',
    access: { anonymous: SIGN_IN, guest: FORBIDDEN, host: NOT_FOUND, suspended: SUSPENDED, admin: 'ok' },
    parties: { guest: FORBIDDEN },
    ownerMay: 'host',
  },
  'bookings.accept': {
    base: 'authed',
    input: (w) => ({ bookingId: w.requestedBookingId }),
    ids: { bookingId: 'booking' },
    owner: 'both',
    access: { anonymous: SIGN_IN, guest: NOT_FOUND, host: NOT_FOUND, suspended: SUSPENDED, admin: 'acts' },
    // The guest sees their request, so being told they may not answer it leaks nothing.
    parties: { guest: FORBIDDEN },
    ownerMay: 'host',
  },
  'bookings.decline': {
    base: 'authed',
    input: (w) => ({ bookingId: w.requestedBookingId }),
    ids: { bookingId: 'booking' },
    owner: 'both',
    access: { anonymous: SIGN_IN, guest: NOT_FOUND, host: NOT_FOUND, suspended: SUSPENDED, admin: 'acts' },
    parties: { guest: FORBIDDEN },
    ownerMay: 'host',
  },
  'bookings.cancel': {
    base: 'authed',
    input: (w) => ({ bookingId: w.confirmedBookingId, reason: 'Plans changed' }),
    ids: { bookingId: 'booking' },
    owner: 'both',
    access: { anonymous: SIGN_IN, guest: NOT_FOUND, host: NOT_FOUND, suspended: SUSPENDED, admin: 'acts' },
    ownerMay: 'guest',
  },
  'bookings.cancellationPreview': {
    base: 'authed',
    input: (w) => ({ bookingId: w.confirmedBookingId }),
    ids: { bookingId: 'booking' },
    owner: 'both',
    access: { anonymous: SIGN_IN, guest: NOT_FOUND, host: NOT_FOUND, suspended: SUSPENDED, admin: 'ok' },
    ownerMay: 'guest',
  },

  'payments.listForBooking': {
    base: 'authed',
    input: (w) => ({ bookingId: w.confirmedBookingId }),
    ids: { bookingId: 'booking' },
    owner: 'both',
    access: { anonymous: SIGN_IN, guest: NOT_FOUND, host: NOT_FOUND, suspended: SUSPENDED, admin: 'ok' },
    ownerMay: 'guest',
  },
  'payments.listPayouts': { base: 'host', input: () => ({}) },

  // reviews: only the stay's guest writes one, only the listing's host answers it; admins neither.
  'reviews.create': {
    base: 'authed',
    input: (w) => ({ bookingId: w.completedBookingId, rating: 4, comment: 'Lovely stay.' }),
    ids: { bookingId: 'booking' },
    owner: 'guest',
    access: { anonymous: SIGN_IN, guest: NOT_FOUND, host: NOT_FOUND, suspended: SUSPENDED, admin: NOT_FOUND },
    parties: { host: NOT_FOUND },
    ownerMay: 'guest',
    watches: ['review'],
  },
  'reviews.createForGuest': {
    base: 'authed',
    input: (w) => ({ bookingId: w.completedBookingId, rating: 4, comment: 'A tidy guest.' }),
    ids: { bookingId: 'booking' },
    owner: 'host',
    access: { anonymous: SIGN_IN, guest: NOT_FOUND, host: NOT_FOUND, suspended: SUSPENDED, admin: NOT_FOUND },
    parties: { guest: NOT_FOUND },
    ownerMay: 'host',
    watches: ['review'],
  },
  'reviews.listForProperty': {
    base: 'viewer',
    input: (w) => ({ propertyId: w.propertyId }),
    ids: { propertyId: 'property' },
    owner: 'host',
    access: { anonymous: NOT_FOUND, guest: NOT_FOUND, host: NOT_FOUND, suspended: SUSPENDED, admin: 'ok' },
    parties: { guest: NOT_FOUND },
    ownerMay: 'host',
  },
  'reviews.respond': {
    base: 'authed',
    input: (w) => ({ reviewId: w.reviewId, hostResponse: 'Thank you for staying!' }),
    ids: { reviewId: 'review' },
    owner: 'host',
    access: { anonymous: SIGN_IN, guest: NOT_FOUND, host: NOT_FOUND, suspended: SUSPENDED, admin: NOT_FOUND },
    parties: { guest: NOT_FOUND },
    ownerMay: 'host',
  },

  // messages: only the conversation's two participants (SPEC §4), admins included among the outsiders.
  'messages.start': {
    base: 'authed',
    input: (w) => ({ propertyId: w.propertyId, bookingId: w.confirmedBookingId, messageBody: 'Hello?' }),
    ids: { propertyId: 'property', bookingId: 'booking' },
    owner: 'both',
    access: { anonymous: SIGN_IN, guest: NOT_FOUND, host: NOT_FOUND, suspended: SUSPENDED, admin: NOT_FOUND },
    ownerMay: 'guest',
    watches: ['conversation'],
    // Their own listing does not let a host talk about the owners' booking.
    crossed: {
      by: 'host',
      input: (w, theirs) => ({
        propertyId: theirs.hostPropertyId,
        bookingId: w.confirmedBookingId,
        messageBody: 'Hello?',
      }),
      expect: NOT_FOUND,
    },
  },
  'messages.send': {
    base: 'authed',
    input: (w) => ({ conversationId: w.conversationId, messageBody: 'Let me in' }),
    ids: { conversationId: 'conversation' },
    owner: 'both',
    access: { anonymous: SIGN_IN, guest: NOT_FOUND, host: NOT_FOUND, suspended: SUSPENDED, admin: NOT_FOUND },
    ownerMay: 'host',
    watches: ['notification'],
  },
  'messages.conversations': { base: 'authed', input: () => ({}) },
  'messages.list': {
    base: 'authed',
    input: (w) => ({ conversationId: w.conversationId }),
    ids: { conversationId: 'conversation' },
    owner: 'both',
    access: { anonymous: SIGN_IN, guest: NOT_FOUND, host: NOT_FOUND, suspended: SUSPENDED, admin: NOT_FOUND },
    ownerMay: 'guest',
  },
  'messages.markRead': {
    base: 'authed',
    input: (w) => ({ conversationId: w.conversationId, upToMessageId: w.messageId }),
    ids: { conversationId: 'conversation', upToMessageId: 'message' },
    owner: 'both',
    access: { anonymous: SIGN_IN, guest: NOT_FOUND, host: NOT_FOUND, suspended: SUSPENDED, admin: NOT_FOUND },
    ownerMay: 'host',
    watches: ['notification'],
    // Their own conversation does not reach a message of the owners'.
    crossed: {
      by: 'guest',
      input: (w, theirs) => ({ conversationId: theirs.guestConversationId, upToMessageId: w.messageId }),
      expect: NOT_FOUND,
    },
  },

  'notifications.list': { base: 'authed', input: () => ({}) },
  'notifications.markRead': {
    base: 'authed',
    input: (w) => ({ notificationIds: [w.hostNotificationId] }),
    ids: { notificationIds: 'notification' },
    owner: 'host',
    // Ids that are not the caller's are ignored (notifications.schemas): the call marks none and says so.
    access: { anonymous: SIGN_IN, guest: 'ok', host: 'ok', suspended: SUSPENDED, admin: 'ok' },
    ownerMay: 'host',
  },
  'notifications.unreadCount': { base: 'authed', input: () => undefined },
  'notifications.preferences': { base: 'authed', input: () => undefined },
  'notifications.updatePreferences': {
    base: 'authed',
    input: () => ({ email: { message_received: false } }),
  },
};
