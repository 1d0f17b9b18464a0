import { type Executor, inTransaction } from '@stayhub/db';
import { recordAdminAction } from '../admin/audit.service.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Deps } from '../deps.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import type { BookingNotification } from '../notifications/booking-notification.rules.ts';
import { notify } from '../notifications/notify.ts';
import { paidCents } from '../payments/payment.queries.ts';
import { payoutAfterCancellation } from '../payments/payment.rules.ts';
import { queueCharge, queueRefund } from '../payments/payment-jobs.ts';
import { lockPayoutOfBooking, updatePayout } from '../payments/payout.queries.ts';
import { invalidateAvailability } from '../properties/listing-cache.ts';
import { todayIn } from '../shared/dates.ts';
import {
  type BookingRecord,
  deleteHold,
  findBookingRecord,
  lockBookingRecord,
  updateBooking,
} from './booking.queries.ts';
import { type BookingRole, daysBeforeStart, roleIn } from './booking.rules.ts';
import type { AdminCancelBookingInput, CancelBookingInput } from './booking.types.ts';
import type { BookingView, CancellationPreviewView } from './booking.views.ts';
import { upcomingStayIds } from './booking-moderation.queries.ts';
import { noticeFor } from './booking-notices.ts';
import { bookingViewById } from './booking-read.service.ts';
import { canTransition, effectiveStatus, transitionAt } from './booking-status.rules.ts';
import { quoteRefund, type RefundQuote } from './refund.rules.ts';

const partiesOf = (booking: BookingRecord) => ({ guestId: booking.user_id, hostId: booking.host_id });

/** The booking and the viewer's role in it; one they may not see is NOT_FOUND, like one that does not exist. */
function withRole(
  viewer: Viewer,
  booking: BookingRecord | undefined,
): { booking: BookingRecord; role: BookingRole } {
  const role = booking ? roleIn(viewer, partiesOf(booking)) : null;
  if (!booking || role === null) throw new NotFoundError('booking');
  return { booking, role };
}

/** Only the listing's host or an admin answers a request; the guest sees it but may not (FORBIDDEN). */
function assertMayAnswer(role: BookingRole): void {
  if (role === 'guest') throw new ForbiddenError('FORBIDDEN', "only the listing's host answers a request");
}

/**
 * `bookings.accept`: requested → pending (SPEC §4), with the charge row and charge job in the same
 * transaction, and the guest told. A request past its expiry is no longer open, even before the expiry
 * job has run (transitionAt), and the same holds for decline and cancel.
 */
export async function acceptBooking(deps: Deps, viewer: Viewer, bookingId: string): Promise<BookingView> {
  return inTransaction(deps.db, async (trx) => {
    const { booking, role } = withRole(viewer, await lockBookingRecord(trx, bookingId));
    assertMayAnswer(role);
    const now = deps.clock.now();
    const status = transitionAt(booking, 'accept', now);
    await updateBooking(trx, bookingId, { status, expires_at: null });
    await queueCharge(trx, booking);
    await notify(trx, deps, noticeFor('guest', booking, 'booking_accepted'));
    return bookingViewById(trx, bookingId);
  });
}

/** `bookings.decline`: requested → declined, the nights released in the same transaction, the guest told. */
export async function declineBooking(deps: Deps, viewer: Viewer, bookingId: string): Promise<BookingView> {
  const view = await inTransaction(deps.db, async (trx) => {
    const { booking, role } = withRole(viewer, await lockBookingRecord(trx, bookingId));
    assertMayAnswer(role);
    const now = deps.clock.now();
    const status = transitionAt(booking, 'decline', now);
    await updateBooking(trx, bookingId, { status, expires_at: null });
    await deleteHold(trx, bookingId);
    await invalidateAvailability(trx, deps);
    await notify(trx, deps, noticeFor('guest', booking, 'booking_declined'));
    return bookingViewById(trx, bookingId);
  });
  return view;
}

/** SPEC §4 cancellation refunds, for this canceller, today in the listing's time zone, capped by what was paid. */
async function refundFor(
  db: Executor,
  booking: BookingRecord,
  canceller: BookingRole,
  now: Date,
): Promise<{ quote: RefundQuote; paid: number }> {
  const paid = await paidCents(db, booking.booking_id);
  const quote = quoteRefund({
    policy: booking.cancellation_policy,
    canceller,
    daysBeforeStart: daysBeforeStart(booking.start_date, todayIn(booking.timezone, now)),
    breakdown: {
      subtotalCents: booking.subtotal_cents,
      cleaningFeeCents: booking.cleaning_fee_cents,
      serviceFeeCents: booking.service_fee_cents,
    },
    paidCents: paid,
  });
  return { quote, paid };
}

/**
 * The host's payout after a cancellation (payoutAfterCancellation): canceled with a full refund, otherwise
 * cut to what the guest keeps paying. Only a payout still scheduled changes; one already released (the
 * stay began more than a day ago) is history and stays as it was.
 */
async function adjustPayout(trx: Executor, booking: BookingRecord, quote: RefundQuote): Promise<void> {
  const payout = await lockPayoutOfBooking(trx, booking.booking_id);
  if (payout?.status !== 'scheduled') return;
  const amount = Math.min(
    payout.amount_cents,
    payoutAfterCancellation(
      { subtotalCents: booking.subtotal_cents, cleaningFeeCents: booking.cleaning_fee_cents },
      quote,
    ),
  );
  await updatePayout(trx, payout.payout_id, amount === 0 ? { status: 'canceled' } : { amount_cents: amount });
}

/** Who hears of a cancellation: the other party; both when StayHub (an admin) cancels. */
function cancellationNotices(booking: BookingRecord, canceller: BookingRole): BookingNotification[] {
  const notice = (to: 'guest' | 'host') =>
    noticeFor(to, booking, 'booking_canceled', { canceledBy: canceller });
  if (canceller === 'guest') return [notice('host')];
  if (canceller === 'host') return [notice('guest')];
  return [notice('guest'), notice('host')];
}

/**
 * requested | pending | confirmed → canceled, in one transaction: the refund per policy (a pending refund
 * row and its job when there is anything to give back), the nights released, the payout adjusted, both
 * sides told. A `pending` booking has paid nothing yet: its charge job sees the cancellation and drops the
 * charge, or refunds it in full if the provider had already taken it.
 */
async function cancelLocked(
  deps: Deps,
  trx: Executor,
  booking: BookingRecord,
  canceller: BookingRole,
  reason: string | null,
): Promise<void> {
  const now = deps.clock.now();
  const status = transitionAt(booking, 'cancel', now);
  const { quote } = await refundFor(trx, booking, canceller, now);
  await updateBooking(trx, booking.booking_id, {
    status,
    canceled_by: canceller,
    canceled_at: now,
    cancellation_reason: reason,
    refund_cents: quote.refundCents,
    expires_at: null,
  });
  await deleteHold(trx, booking.booking_id);
  await invalidateAvailability(trx, deps);
  if (quote.refundCents > 0) await queueRefund(trx, booking, quote.refundCents);
  await adjustPayout(trx, booking, quote);
  for (const notice of cancellationNotices(booking, canceller)) await notify(trx, deps, notice);
}

/** `bookings.cancel` by the guest, the listing's host or an admin (SPEC §4); anyone else gets NOT_FOUND. */
export async function cancelBooking(
  deps: Deps,
  viewer: Viewer,
  input: CancelBookingInput,
): Promise<BookingView> {
  const view = await inTransaction(deps.db, async (trx) => {
    const { booking, role } = withRole(viewer, await lockBookingRecord(trx, input.bookingId));
    await cancelLocked(deps, trx, booking, role, input.reason ?? null);
    return bookingViewById(trx, input.bookingId);
  });
  return view;
}

/**
 * Moderation (SPEC §10): StayHub cancels the upcoming stays of a suspended host or listing, on the caller's
 * transaction (the suspension's), each with a full refund through the usual refund row and job, the nights
 * released and both parties told — as admin.cancelBooking does. A stay that can no longer be canceled (an
 * expired request the expiry job has not reached yet) is left to its own transition. Returns the ids of the
 * canceled bookings.
 */
export async function cancelUpcomingStays(
  deps: Deps,
  trx: Executor,
  scope: { propertyId: string } | { hostId: string },
  reason: string,
): Promise<string[]> {
  const now = deps.clock.now();
  const canceled: string[] = [];
  for (const { booking_id } of await upcomingStayIds(trx, scope, now)) {
    const booking = await lockBookingRecord(trx, booking_id);
    if (!booking || !canTransition(effectiveStatus(booking, now), 'cancel')) continue;
    await cancelLocked(deps, trx, booking, 'admin', reason);
    canceled.push(booking_id);
  }
  return canceled;
}

/** `admin.cancelBooking`: StayHub cancels, whoever the parties are, and refunds everything paid; audited. */
export async function adminCancelBooking(
  deps: Deps,
  viewer: Viewer,
  input: AdminCancelBookingInput,
): Promise<BookingView> {
  if (viewer.role !== 'admin') throw new ForbiddenError();
  const view = await inTransaction(deps.db, async (trx) => {
    const booking = await lockBookingRecord(trx, input.bookingId);
    if (!booking) throw new NotFoundError('booking');
    await cancelLocked(deps, trx, booking, 'admin', input.reason);
    await recordAdminAction(trx, deps, {
      actorId: viewer.userId,
      action: 'cancel_booking',
      targetType: 'booking',
      targetId: input.bookingId,
      reason: input.reason,
    });
    return bookingViewById(trx, input.bookingId);
  });
  return view;
}

/**
 * `bookings.cancellationPreview`: the refund canceling now would give this viewer's cancellation, with its
 * breakdown and tier. Writes nothing. A booking that can no longer be canceled is INVALID_TRANSITION.
 */
export async function previewCancellation(
  deps: Deps,
  viewer: Viewer,
  bookingId: string,
): Promise<CancellationPreviewView> {
  const { booking, role: canceller } = withRole(viewer, await findBookingRecord(deps.db, bookingId));
  const now = deps.clock.now();
  transitionAt(booking, 'cancel', now);
  const { quote, paid } = await refundFor(deps.db, booking, canceller, now);
  return {
    bookingId,
    status: booking.status,
    canceller,
    cancellationPolicy: booking.cancellation_policy,
    tier: quote.tier,
    daysBeforeStart: quote.daysBeforeStart,
    paidCents: paid,
    subtotalRefundCents: quote.subtotalRefundCents,
    cleaningFeeRefundCents: quote.cleaningFeeRefundCents,
    serviceFeeRefundCents: quote.serviceFeeRefundCents,
    refundCents: quote.refundCents,
    currency: booking.currency,
  };
}
