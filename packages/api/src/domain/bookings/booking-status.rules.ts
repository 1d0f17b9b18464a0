import { ConflictError } from '../errors.ts';

/** SPEC §4 status machine. Anything not in this table is a CONFLICT `INVALID_TRANSITION`. */
export type BookingStatus =
  | 'requested'
  | 'pending'
  | 'confirmed'
  | 'declined'
  | 'expired'
  | 'canceled'
  | 'completed';

export type BookingEvent =
  | 'accept'
  | 'decline'
  | 'expire'
  | 'charge_succeeded'
  | 'charge_failed'
  | 'cancel'
  | 'complete';

const transitions: Record<BookingEvent, Partial<Record<BookingStatus, BookingStatus>>> = {
  accept: { requested: 'pending' },
  decline: { requested: 'declined' },
  expire: { requested: 'expired' },
  charge_succeeded: { pending: 'confirmed' },
  charge_failed: { pending: 'canceled' },
  cancel: { requested: 'canceled', pending: 'canceled', confirmed: 'canceled' },
  complete: { confirmed: 'completed' },
};

/** The status a new booking starts in: instant book goes straight to payment, otherwise the host decides. */
export const initialStatus = (instantBook: boolean): BookingStatus => (instantBook ? 'pending' : 'requested');

export function canTransition(from: BookingStatus, event: BookingEvent): boolean {
  return transitions[event][from] !== undefined;
}

export function transition(from: BookingStatus, event: BookingEvent): BookingStatus {
  const to = transitions[event][from];
  if (!to)
    throw new ConflictError('INVALID_TRANSITION', `a ${from} booking cannot ${event.replace('_', ' ')}`);
  return to;
}

/** What a transition needs of a booking to know where it stands at `now`. */
export interface TimedStatus {
  status: BookingStatus;
  expires_at: Date | null;
}

/**
 * The status a booking has at `now` (SPEC §4: a request lapses once its 24 h pass): a `requested` booking
 * whose expires_at has come is `expired`, whether or not the expiry timer or the sweep has written it yet.
 * Every other booking is what its row says.
 */
export function effectiveStatus(booking: TimedStatus, now: Date): BookingStatus {
  if (booking.status === 'requested' && booking.expires_at !== null && booking.expires_at <= now) {
    return 'expired';
  }
  return booking.status;
}

/**
 * `transition` from the booking's status at `now`, for the events people cause (accept, decline, cancel): a
 * request past its expiry is no longer open, even before the expiry job has run, so nothing but `expire`
 * moves it (CONFLICT `INVALID_TRANSITION`).
 */
export function transitionAt(booking: TimedStatus, event: BookingEvent, now: Date): BookingStatus {
  const from = effectiveStatus(booking, now);
  if (from === 'expired' && booking.status === 'requested') {
    throw new ConflictError('INVALID_TRANSITION', 'this request has expired');
  }
  return transition(from, event);
}

/** Statuses whose dates stay held in `occupancy`; leaving them releases the dates in the same transaction. */
export const HOLDING_STATUSES: readonly BookingStatus[] = ['requested', 'pending', 'confirmed', 'completed'];

export const holdsDates = (status: BookingStatus) => HOLDING_STATUSES.includes(status);
