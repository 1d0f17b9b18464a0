import { inTransaction } from '@stayhub/db';
import { lockBookingRecord } from '../bookings/booking.queries.ts';
import { noticeFor } from '../bookings/booking-notices.ts';
import type { Deps } from '../deps.ts';
import { notify } from '../notifications/notify.ts';
import type { JobAttempt } from './charge.service.ts';
import { TransientPaymentError } from './charge.service.ts';
import {
  findChargeOfBooking,
  findPayment,
  lockPayment,
  markAttemptStarted,
  updatePayment,
} from './payment.queries.ts';

/**
 * The `refund_payment` job: gives a pending refund back through the provider, against the booking's
 * succeeded charge, with the refund's own idempotency key (`refund:<paymentId>`), so a replay never
 * refunds twice. Succeeded → the guest is told; failed for good (or transiently on the last attempt) →
 * recorded as failed and logged as an error for a human; transient → recorded, then a throw to retry.
 * A refund that is no longer pending is done: running the job again changes nothing.
 */
export async function refundPayment(deps: Deps, paymentId: string, attempt: JobAttempt): Promise<void> {
  const refund = await findPayment(deps.db, paymentId);
  if (refund?.kind !== 'refund' || refund.status !== 'pending') return;
  const charge = await findChargeOfBooking(deps.db, refund.booking_id);
  if (charge?.status !== 'succeeded' || charge.provider_reference === null) {
    await updatePayment(deps.db, paymentId, { status: 'failed', failure_code: 'no_succeeded_charge' });
    deps.logger.error({ paymentId, bookingId: refund.booking_id }, 'refund without a succeeded charge');
    return;
  }
  if (!(await markAttemptStarted(deps.db, paymentId))) return;
  const outcome = await deps.payments.refund({
    idempotencyKey: refund.idempotency_key,
    chargeReference: charge.provider_reference,
    amountCents: refund.amount_cents,
    currency: refund.currency,
  });

  const retry = await inTransaction(deps.db, async (trx) => {
    const booking = await lockBookingRecord(trx, refund.booking_id);
    const locked = await lockPayment(trx, paymentId);
    if (!booking || locked?.status !== 'pending') return false;
    const now = deps.clock.now();
    if (outcome.status === 'succeeded') {
      await updatePayment(trx, paymentId, {
        status: 'succeeded',
        provider_reference: outcome.reference,
        payment_date: now,
        failure_code: null,
      });
      await notify(
        trx,
        deps,
        noticeFor('guest', booking, 'refund_issued', {
          amountCents: refund.amount_cents,
          currency: refund.currency,
        }),
      );
      return false;
    }
    if (outcome.retryable && !attempt.finalAttempt) {
      await updatePayment(trx, paymentId, { failure_code: outcome.code });
      return true;
    }
    await updatePayment(trx, paymentId, { status: 'failed', failure_code: outcome.code });
    deps.logger.error({ paymentId, code: outcome.code }, 'refund failed for good');
    return false;
  });
  if (retry && outcome.status === 'failed') throw new TransientPaymentError(outcome.code);
}
