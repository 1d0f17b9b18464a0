import { type Executor, inTransaction } from '@stayhub/db';
import type { PaymentOutcome } from '../../infra/payments/provider.ts';
import { enqueue } from '../../jobs/enqueue.ts';
import {
  type BookingRecord,
  deleteHold,
  findBookingRecord,
  lockBookingRecord,
  updateBooking,
} from '../bookings/booking.queries.ts';
import { noticeFor } from '../bookings/booking-notices.ts';
import { transition } from '../bookings/booking-status.rules.ts';
import { jobKeys, payoutReleaseDate, startOfDayIn } from '../bookings/booking-timers.rules.ts';
import { hostPayoutCents } from '../bookings/pricing.rules.ts';
import type { Deps } from '../deps.ts';
import { notify } from '../notifications/notify.ts';
import { invalidateAvailability } from '../properties/listing-cache.ts';
import {
  findChargeOfBooking,
  lockPayment,
  markAttemptStarted,
  type PaymentRow,
  updatePayment,
} from './payment.queries.ts';
import { VOIDED_BEFORE_PROVIDER } from './payment.rules.ts';
import { queueRefund } from './payment-jobs.ts';
import { insertPayout } from './payout.queries.ts';

export interface JobAttempt {
  /** graphile-worker will not run this job again: a transient failure now counts as final. */
  finalAttempt: boolean;
}

/** Thrown after a transient provider failure has been recorded, so graphile-worker retries with backoff. */
export class TransientPaymentError extends Error {
  constructor(readonly code: string) {
    super(`the payment provider failed transiently (${code}); the job will retry`);
    this.name = 'TransientPaymentError';
  }
}

type ChargeResult = 'confirmed' | 'refunded late charge' | 'failed' | 'retry' | 'already decided';

/**
 * The `charge_booking` job (SPEC §4 Payments). Safe to run any number of times:
 *  1. re-check: a charge that is no longer pending is done; a booking that left `pending` before the
 *     provider ever saw this charge gets its charge voided without calling the provider;
 *  2. count the attempt as started (committed on its own, so a crash after the provider call is known);
 *  3. failpoint `charge.before_provider` → provider.charge with the payment's idempotency key
 *     (`charge:<bookingId>`: a replay returns the first outcome, never a second charge) →
 *     failpoint `charge.after_provider`;
 *  4. one transaction records the outcome on the payment and moves the booking: succeeded → confirmed,
 *     payout scheduled, timers queued; failed for good (or transiently on the last attempt) → canceled,
 *     `payment_failed`, nights released; transient → only the failure code, then a throw to retry;
 *     succeeded but the booking was canceled meanwhile → the charge is refunded in full;
 *  5. failpoint `charge.after_commit`.
 * A provider call that throws (outcome unknown) is never treated as a failure: the job retries, and a
 * replay with the same key tells what happened.
 */
export async function chargeBooking(deps: Deps, bookingId: string, attempt: JobAttempt): Promise<void> {
  const booking = await findBookingRecord(deps.db, bookingId);
  const charge = await findChargeOfBooking(deps.db, bookingId);
  if (!booking || charge?.status !== 'pending') return;
  if (booking.status !== 'pending' && charge.attempts === 0) {
    await voidCharge(deps, charge);
    return;
  }
  if (!(await markAttemptStarted(deps.db, charge.payment_id))) return;

  deps.failpoints.hit('charge.before_provider');
  const outcome = await deps.payments.charge({
    idempotencyKey: charge.idempotency_key,
    amountCents: charge.amount_cents,
    currency: charge.currency,
    paymentToken: booking.payment_token,
    description: `StayHub booking ${bookingId}`,
  });
  deps.failpoints.hit('charge.after_provider');

  const result = await inTransaction(deps.db, (trx) =>
    recordChargeOutcome(deps, trx, bookingId, charge.payment_id, outcome, attempt),
  );
  deps.failpoints.hit('charge.after_commit');

  deps.logger.info({ bookingId, paymentId: charge.payment_id, result }, 'charge job');
  if (result === 'retry' && outcome.status === 'failed') throw new TransientPaymentError(outcome.code);
}

/** The booking left `pending` before any provider call: the charge will never be made. */
async function voidCharge(deps: Deps, charge: PaymentRow): Promise<void> {
  await inTransaction(deps.db, async (trx) => {
    const locked = await lockPayment(trx, charge.payment_id);
    if (locked?.status !== 'pending' || locked.attempts !== 0) return;
    await updatePayment(trx, charge.payment_id, { status: 'failed', failure_code: VOIDED_BEFORE_PROVIDER });
  });
}

async function recordChargeOutcome(
  deps: Deps,
  trx: Executor,
  bookingId: string,
  paymentId: string,
  outcome: PaymentOutcome,
  attempt: JobAttempt,
): Promise<ChargeResult> {
  // Lock order everywhere: the booking, then its payments, then its payout.
  const booking = await lockBookingRecord(trx, bookingId);
  const payment = await lockPayment(trx, paymentId);
  if (!booking || payment?.status !== 'pending') return 'already decided';
  const now = deps.clock.now();

  if (outcome.status === 'succeeded') {
    await updatePayment(trx, paymentId, {
      status: 'succeeded',
      provider_reference: outcome.reference,
      payment_date: now,
      failure_code: null,
    });
    if (booking.status !== 'pending') {
      await refundLateCharge(deps, trx, booking, payment.amount_cents);
      return 'refunded late charge';
    }
    await confirm(deps, trx, booking, now);
    return 'confirmed';
  }

  if (outcome.retryable && !attempt.finalAttempt) {
    await updatePayment(trx, paymentId, { failure_code: outcome.code });
    return 'retry';
  }

  await updatePayment(trx, paymentId, { status: 'failed', failure_code: outcome.code });
  if (booking.status !== 'pending') return 'already decided';
  await updateBooking(trx, bookingId, {
    status: transition(booking.status, 'charge_failed'),
    canceled_by: 'system',
    canceled_at: now,
    cancellation_reason: 'payment_failed',
    refund_cents: 0,
  });
  await deleteHold(trx, bookingId);
  await invalidateAvailability(trx, deps);
  await notify(trx, deps, noticeFor('guest', booking, 'payment_failed'));
  await notify(trx, deps, noticeFor('host', booking, 'booking_canceled', { canceledBy: 'system' }));
  return 'failed';
}

/**
 * pending → confirmed: the host's payout (subtotal + cleaning − 3 %) scheduled for check-in + 1 day, and
 * two timers, each at the start of its day in the listing's time zone — complete the stay on its end date,
 * release the payout on its release date.
 */
async function confirm(deps: Deps, trx: Executor, booking: BookingRecord, now: Date): Promise<void> {
  await updateBooking(trx, booking.booking_id, {
    status: transition(booking.status, 'charge_succeeded'),
    confirmed_at: now,
  });
  const releaseDate = payoutReleaseDate(booking.start_date);
  const payoutCents = hostPayoutCents({
    subtotalCents: booking.subtotal_cents,
    cleaningFeeCents: booking.cleaning_fee_cents,
  });
  const { payout_id: payoutId } = await insertPayout(trx, {
    host_id: booking.host_id,
    booking_id: booking.booking_id,
    amount_cents: payoutCents,
    currency: booking.currency,
    release_date: releaseDate,
  });
  await enqueue(
    trx,
    'release_payout',
    { payoutId },
    { runAt: startOfDayIn(releaseDate, booking.timezone), jobKey: jobKeys.releasePayout(payoutId) },
  );
  await enqueue(
    trx,
    'complete_stay',
    { bookingId: booking.booking_id },
    { runAt: startOfDayIn(booking.end_date, booking.timezone), jobKey: jobKeys.complete(booking.booking_id) },
  );
  await notify(
    trx,
    deps,
    noticeFor('guest', booking, 'booking_confirmed', {
      amountCents: booking.total_cents,
      currency: booking.currency,
    }),
  );
  await notify(
    trx,
    deps,
    noticeFor('host', booking, 'booking_confirmed', { amountCents: payoutCents, currency: booking.currency }),
  );
}

/**
 * The provider took the money after the booking had left `pending` (the guest canceled while the charge
 * was in flight). The booking was never confirmed, so the whole charge goes back.
 */
async function refundLateCharge(
  deps: Deps,
  trx: Executor,
  booking: BookingRecord,
  amountCents: number,
): Promise<void> {
  await queueRefund(trx, booking, amountCents);
  await updateBooking(trx, booking.booking_id, { refund_cents: amountCents });
  deps.logger.warn(
    { bookingId: booking.booking_id },
    'charge succeeded after the booking left pending: refunding',
  );
}
