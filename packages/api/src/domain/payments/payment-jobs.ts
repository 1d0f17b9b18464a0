import { randomUUID } from 'node:crypto';
import type { Executor } from '@stayhub/db';
import { enqueue } from '../../jobs/enqueue.ts';
import type { BookingRecord } from '../bookings/booking.queries.ts';
import { jobKeys } from '../bookings/booking-timers.rules.ts';
import { insertPayment } from './payment.queries.ts';
import {
  CHARGE_MAX_ATTEMPTS,
  chargeIdempotencyKey,
  REFUND_MAX_ATTEMPTS,
  refundIdempotencyKey,
} from './payment.rules.ts';

type Chargeable = Pick<BookingRecord, 'booking_id' | 'total_cents' | 'currency' | 'payment_method'>;

/**
 * A booking entering `pending`: its charge row (pending, the booking's idempotency key) and the
 * charge_booking job, on the caller's transaction (SPEC §4: "charge job queued").
 */
export async function queueCharge(trx: Executor, booking: Chargeable): Promise<void> {
  await insertPayment(trx, {
    booking_id: booking.booking_id,
    kind: 'charge',
    amount_cents: booking.total_cents,
    currency: booking.currency,
    payment_method: booking.payment_method,
    idempotency_key: chargeIdempotencyKey(booking.booking_id),
  });
  await requeueCharge(trx, booking.booking_id);
}

/** The charge job alone: on creation and acceptance, and when the sweep finds a pending booking without one. */
export async function requeueCharge(executor: Executor, bookingId: string): Promise<void> {
  await enqueue(
    executor,
    'charge_booking',
    { bookingId },
    { jobKey: jobKeys.charge(bookingId), maxAttempts: CHARGE_MAX_ATTEMPTS },
  );
}

/** A refund of `amountCents` to the guest: a pending refund row with a key of its own, and its job. */
export async function queueRefund(
  trx: Executor,
  booking: Pick<BookingRecord, 'booking_id' | 'currency' | 'payment_method'>,
  amountCents: number,
): Promise<void> {
  const paymentId = randomUUID();
  await insertPayment(trx, {
    payment_id: paymentId,
    booking_id: booking.booking_id,
    kind: 'refund',
    amount_cents: amountCents,
    currency: booking.currency,
    payment_method: booking.payment_method,
    idempotency_key: refundIdempotencyKey(paymentId),
  });
  await enqueue(
    trx,
    'refund_payment',
    { paymentId },
    { jobKey: jobKeys.refund(paymentId), maxAttempts: REFUND_MAX_ATTEMPTS },
  );
}
