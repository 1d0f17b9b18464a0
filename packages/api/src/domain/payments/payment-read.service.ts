import type { ListPayoutsInput, PaymentList, PayoutList } from '../../schemas/payments.schemas.ts';
import type { Viewer } from '../auth/viewer.ts';
import { findBookingRecord } from '../bookings/booking.queries.ts';
import { roleIn } from '../bookings/booking.rules.ts';
import type { Deps } from '../deps.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { listPaymentsOfBooking } from './payment.queries.ts';
import { toPaymentView, toPayoutView } from './payment.views.ts';
import { listPayoutsOfHost } from './payout.queries.ts';
import { decodePayoutCursor, encodePayoutCursor } from './payout-cursor.rules.ts';

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
  return { items: rows.map(toPaymentView) };
}

/** The caller's own payouts (as a host), newest first, optionally of one status; keyset-paged. */
export async function listMyPayouts(
  deps: Deps,
  viewer: Viewer,
  input: ListPayoutsInput,
): Promise<PayoutList> {
  const after = input.cursor ? decodePayoutCursor(input.cursor) : undefined;
  if (input.cursor && !after) {
    throw new ValidationError('this cursor is not one a previous page returned', ['cursor']);
  }
  const rows = await listPayoutsOfHost(deps.db, {
    hostId: viewer.userId,
    status: input.status,
    after,
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(toPayoutView),
    nextCursor:
      rows.length > input.limit && last
        ? encodePayoutCursor({ createdAt: last.created_at_key, payoutId: last.payout_id })
        : null,
  };
}
