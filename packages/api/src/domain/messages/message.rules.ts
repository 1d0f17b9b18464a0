import type { PropertyStatus } from '@stayhub/db';

/**
 * New-message emails wait this long after the first unread message of a burst, so a quick exchange sends at
 * most one email per recipient and conversation per quiet period — and none if it was read meanwhile.
 */
export const MESSAGE_EMAIL_QUIET_PERIOD_MS = 15 * 60_000;

export const messageEmailJobKey = (conversationId: string, recipientId: string) =>
  `conversation:${conversationId}:${recipientId}:email`;

export interface Participants {
  guest_id: string;
  host_id: string;
}

/** The viewer's side of a conversation, or undefined when they are not in it (SPEC §4: NOT_FOUND). */
export function roleIn(conversation: Participants, userId: string): 'guest' | 'host' | undefined {
  if (conversation.guest_id === userId) return 'guest';
  if (conversation.host_id === userId) return 'host';
  return undefined;
}

/** The participant who is not `userId`. */
export function counterpartOf(conversation: Participants, userId: string): string {
  return conversation.guest_id === userId ? conversation.host_id : conversation.guest_id;
}

export type StartDecision =
  | { ok: true; guestId: string; hostId: string }
  | { ok: false; error: 'PROPERTY_NOT_FOUND' | 'BOOKING_NOT_FOUND' | 'OWN_PROPERTY' };

/**
 * Who a new conversation is between (SPEC §4 Messages). About a booking: its guest and the listing's host,
 * started by either of them; the booking must be of that listing. Before booking: the viewer as guest and the
 * host of a listed place; the host cannot start one about their own listing.
 */
export function decideStart(input: {
  viewerId: string;
  property: { hostId: string; status: PropertyStatus } | undefined;
  /** Present when the start names a booking: undefined when it does not exist. */
  booking?: { guestId: string; propertyId: string } | undefined;
  bookingRequested: boolean;
  propertyId: string;
}): StartDecision {
  const { viewerId, property, booking } = input;
  if (input.bookingRequested) {
    if (!property || !booking || booking.propertyId !== input.propertyId) {
      return { ok: false, error: 'BOOKING_NOT_FOUND' };
    }
    if (viewerId !== booking.guestId && viewerId !== property.hostId) {
      return { ok: false, error: 'BOOKING_NOT_FOUND' };
    }
    return { ok: true, guestId: booking.guestId, hostId: property.hostId };
  }
  if (!property) return { ok: false, error: 'PROPERTY_NOT_FOUND' };
  if (viewerId === property.hostId) return { ok: false, error: 'OWN_PROPERTY' };
  if (property.status !== 'listed') return { ok: false, error: 'PROPERTY_NOT_FOUND' };
  return { ok: true, guestId: viewerId, hostId: property.hostId };
}

/** What a notification list shows of a message: its start, whitespace collapsed. */
export function preview(text: string, length = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= length ? flat : `${flat.slice(0, length - 1)}…`;
}
