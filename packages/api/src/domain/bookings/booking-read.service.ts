import type { Executor } from '@stayhub/db';
import type { Viewer } from '../auth/viewer.ts';
import type { Deps } from '../deps.ts';
import { NotFoundError } from '../errors.ts';
import { canManage } from '../properties/property.rules.ts';
import {
  type BookingListFilter,
  findBookableProperty,
  findBookingViewRow,
  listBookingViewRows,
} from './booking.queries.ts';
import { roleIn } from './booking.rules.ts';
import type { ListHostBookingsInput, ListMyBookingsInput } from './booking.types.ts';
import { type BookingList, type BookingView, toBookingView } from './booking.views.ts';
import { encodeBookingCursor, readBookingCursor } from './booking-cursor.rules.ts';

/** A booking as its view, read on `db` (inside the caller's transaction, say); NOT_FOUND when it is gone. */
export async function bookingViewById(db: Executor, bookingId: string): Promise<BookingView> {
  const row = await findBookingViewRow(db, bookingId);
  if (!row) throw new NotFoundError('booking');
  return toBookingView(row);
}

/** Its guest, the listing's host and admins see a booking; anyone else gets NOT_FOUND (SPEC §4 privacy). */
export async function getBooking(deps: Deps, viewer: Viewer, bookingId: string): Promise<BookingView> {
  const row = await findBookingViewRow(deps.db, bookingId);
  if (!row || roleIn(viewer, { guestId: row.user_id, hostId: row.host_id }) === null) {
    throw new NotFoundError('booking');
  }
  return toBookingView(row);
}

async function page(
  deps: Deps,
  filter: Omit<BookingListFilter, 'limit' | 'now'>,
  limit: number,
): Promise<BookingList> {
  const rows = await listBookingViewRows(deps.db, { ...filter, now: deps.clock.now(), limit: limit + 1 });
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(toBookingView),
    nextCursor:
      rows.length > limit && last
        ? encodeBookingCursor({ startDate: last.start_date, bookingId: last.booking_id })
        : null,
  };
}

/** The caller's own trips (as the guest), by scope and status; keyset-paged. */
export function listMyBookings(deps: Deps, viewer: Viewer, input: ListMyBookingsInput): Promise<BookingList> {
  return page(
    deps,
    {
      scope: input.scope,
      status: input.status,
      guestId: viewer.userId,
      after: readBookingCursor(input.cursor),
    },
    input.limit,
  );
}

/**
 * Bookings of the caller's listings, or of one listing they manage (`propertyId`; an admin may name any;
 * someone else's is NOT_FOUND). Keyset-paged.
 */
export async function listHostBookings(
  deps: Deps,
  viewer: Viewer,
  input: ListHostBookingsInput,
): Promise<BookingList> {
  const after = readBookingCursor(input.cursor);
  if (input.propertyId === undefined) {
    return page(deps, { scope: input.scope, hostId: viewer.userId, after }, input.limit);
  }
  const property = await findBookableProperty(deps.db, input.propertyId);
  if (!property || !canManage(viewer, property.host_id)) throw new NotFoundError('property');
  return page(deps, { scope: input.scope, propertyId: input.propertyId, after }, input.limit);
}
