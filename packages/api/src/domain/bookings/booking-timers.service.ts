import { inTransaction } from '@stayhub/db';
import type { Deps } from '../deps.ts';
import { notify } from '../notifications/notify.ts';
import { invalidateAvailability } from '../properties/listing-cache.ts';
import { scheduleReviewReminder } from '../reviews/review-reminder.service.ts';
import { todayIn } from '../shared/dates.ts';
import { deleteHold, lockBookingRecord, updateBooking } from './booking.queries.ts';
import { noticeFor } from './booking-notices.ts';
import { effectiveStatus, transition } from './booking-status.rules.ts';

/**
 * The `expire_booking` timer (and the sweep): a request still unanswered at its expires_at → expired, the
 * nights released, both sides told (SPEC §4: 24 h pass). Anything else — answered, canceled, not due yet,
 * already expired — is left alone, so a late, early or repeated run changes nothing. True when it expired.
 */
export async function expireBooking(deps: Deps, bookingId: string): Promise<boolean> {
  const expired = await inTransaction(deps.db, async (trx) => {
    const booking = await lockBookingRecord(trx, bookingId);
    const now = deps.clock.now();
    if (booking?.status !== 'requested' || effectiveStatus(booking, now) !== 'expired') return false;
    await updateBooking(trx, bookingId, { status: transition(booking.status, 'expire') });
    await deleteHold(trx, bookingId);
    await invalidateAvailability(trx, deps);
    await notify(trx, deps, noticeFor('guest', booking, 'booking_expired'));
    await notify(trx, deps, noticeFor('host', booking, 'booking_expired'));
    return true;
  });
  return expired;
}

/**
 * The `complete_stay` timer (and the sweep): a confirmed stay whose end date has come in the listing's time
 * zone → completed (SPEC §4; the review window opens), with the guest's review reminder queued on the same
 * transaction. The nights stay held: they were used. True when it completed.
 */
export async function completeStay(deps: Deps, bookingId: string): Promise<boolean> {
  return inTransaction(deps.db, async (trx) => {
    const booking = await lockBookingRecord(trx, bookingId);
    const now = deps.clock.now();
    if (booking?.status !== 'confirmed' || todayIn(booking.timezone, now) < booking.end_date) return false;
    await updateBooking(trx, bookingId, {
      status: transition(booking.status, 'complete'),
      completed_at: now,
    });
    await scheduleReviewReminder(trx, {
      bookingId,
      endDate: booking.end_date,
      timezone: booking.timezone,
    });
    await notify(trx, deps, noticeFor('guest', booking, 'stay_completed'));
    await notify(trx, deps, noticeFor('host', booking, 'stay_completed'));
    return true;
  });
}
