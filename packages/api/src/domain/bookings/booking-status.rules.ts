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

/** Statuses whose dates stay held in `occupancy`; leaving them releases the dates in the same transaction. */
export const HOLDING_STATUSES: readonly BookingStatus[] = ['requested', 'pending', 'confirmed', 'completed'];

export const holdsDates = (status: BookingStatus) => HOLDING_STATUSES.includes(status);
