import type { Viewer } from '../auth/viewer.ts';
import { findBookingRecord } from '../bookings/booking.queries.ts';
import { roleIn } from '../bookings/booking.rules.ts';
import type { Deps } from '../deps.ts';
import { NotFoundError } from '../errors.ts';
import { keysetPage, readKeysetCursor } from '../shared/keyset-cursor.ts';
import type { ListPayoutsInput } from './payment.commands.ts';
import { listPaymentsOfBooking } from './payment.queries.ts';
import { type PaymentList, type PayoutList, toPaymentView, toPayoutView } from './payment.views.ts';
import { listPayoutsOfHost } from './payout.queries.ts';

/** A booking's charges and refunds, oldest first: for its guest, its host and admins (others NOT_FOUND). */
export async function listPaymentsForBooking(
  deps: Deps,
  viewer: Viewer,
  bookingId: string,
): Promise<PaymentList> {
  const booking = await findBookingRecord(deps.db, bookingId);
  if (!booking || roleIn(viewer, { guestId: booking.user_id, hostId: booking.host_id }) === null) {
    throw new NotFoundError('booking');
  }
  const rows = await listPaymentsOfBooking(deps.db, bookingId);
  return { items: rows.map(toPaymentView), nextCursor: null };
}

/** The caller's own payouts (as a host), newest first, optionally of one status; keyset-paged. */
export async function listMyPayouts(
  deps: Deps,
  viewer: Viewer,
  input: ListPayoutsInput,
): Promise<PayoutList> {
  const rows = await listPayoutsOfHost(deps.db, {
    hostId: viewer.userId,
    status: input.status,
    after: readKeysetCursor(input.cursor),
    limit: input.limit + 1,
  });
  const { page, nextCursor } = keysetPage(rows, input.limit, (row) => ({
    at: row.created_at_key,
    id: row.payout_id,
  }));
  return { items: page.map(toPayoutView), nextCursor };
}
