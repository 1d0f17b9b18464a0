import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { jobKeys } from '../../../src/domain/bookings/booking-timers.rules.ts';
import { chargeBooking } from '../../../src/domain/payments/charge.service.ts';
import { ManualClock } from '../../../src/infra/clock.ts';
import type { PaymentProvider } from '../../../src/infra/payments/provider.ts';
import { signedIn, useTestDeps } from '../../../src/testing/index.ts';
import {
  bookingRow,
  holdsOf,
  jobByKey,
  listing,
  notificationsOf,
  paymentsOf,
  payoutOf,
  runJobsDueBy,
  stay,
} from '../bookings/helpers.ts';

const clock = new ManualClock('2031-03-01T12:00:00Z');
const deps = await useTestDeps({ clock });

const ledgerFor = async (bookingId: string) =>
  (await deps.payments.ledger()).filter((entry) => entry.idempotencyKey === `charge:${bookingId}`);

async function booked(paymentToken: string) {
  const { host, propertyId } = await listing(deps);
  const guest = await signedIn(deps, 'guest');
  const booking = await guest.caller.bookings.create(
    stay(propertyId, '2031-04-01', '2031-04-04', { paymentToken }),
  );
  return { host, guest, propertyId, booking };
}

describe('the charge_booking job', () => {
  it('confirms a tok_visa booking: charge recorded, payout scheduled, timers queued, both sides told', async () => {
    const { host, guest, booking } = await booked('tok_visa');

    await runJobsDueBy(deps, clock);

    expect(await guest.caller.bookings.get({ bookingId: booking.bookingId })).toMatchObject({
      status: 'confirmed',
      confirmedAt: clock.now(),
    });
    expect(await paymentsOf(deps, booking.bookingId)).toMatchObject([
      { kind: 'charge', status: 'succeeded', amount_cents: 37_050, attempts: 1, failure_code: null },
    ]);
    // subtotal 300.00 + cleaning 25.00 − 3 % = 315.25, released the day after check-in.
    expect(await payoutOf(deps, booking.bookingId)).toMatchObject({
      status: 'scheduled',
      amount_cents: 31_525,
      release_date: '2031-04-02',
    });
    const payout = await payoutOf(deps, booking.bookingId);
    // Lisbon is on summer time (UTC+1) in April: its days begin at 23:00 UTC the day before.
    expect(await jobByKey(deps, jobKeys.releasePayout(payout?.payout_id ?? ''))).toMatchObject({
      task_identifier: 'release_payout',
      run_at: new Date('2031-04-01T23:00:00Z'),
    });
    expect(await jobByKey(deps, jobKeys.complete(booking.bookingId))).toMatchObject({
      task_identifier: 'complete_stay',
      run_at: new Date('2031-04-03T23:00:00Z'),
    });
    expect(await notificationsOf(deps, booking.bookingId)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ user_id: guest.userId, type: 'booking_confirmed' }),
        expect.objectContaining({ user_id: host.userId, type: 'booking_confirmed' }),
      ]),
    );
    expect(await ledgerFor(booking.bookingId)).toMatchObject([
      { kind: 'charge', status: 'succeeded', amountCents: 37_050, attempts: 1 },
    ]);
  });

  it('cancels a tok_chargeDeclined booking as payment_failed and releases its nights for rebooking', async () => {
    const { guest, propertyId, booking } = await booked('tok_chargeDeclined');

    await runJobsDueBy(deps, clock);

    expect(await bookingRow(deps, booking.bookingId)).toMatchObject({
      status: 'canceled',
      canceled_by: 'system',
      cancellation_reason: 'payment_failed',
      refund_cents: 0,
    });
    expect(await paymentsOf(deps, booking.bookingId)).toMatchObject([
      { kind: 'charge', status: 'failed', failure_code: 'card_declined', attempts: 1 },
    ]);
    expect(await holdsOf(deps, booking.bookingId)).toEqual([]);
    expect(await payoutOf(deps, booking.bookingId)).toBeUndefined();
    expect(await notificationsOf(deps, booking.bookingId)).toEqual(
      expect.arrayContaining([expect.objectContaining({ user_id: guest.userId, type: 'payment_failed' })]),
    );
    const other = await signedIn(deps, 'guest');
    const rebooked = await other.caller.bookings.create(stay(propertyId, '2031-04-01', '2031-04-04'));
    expect(rebooked.status).toBe('pending');
  });

  it('retries tok_processingError with backoff, then confirms with exactly one charge at the provider', async () => {
    const { booking } = await booked('tok_processingError');
    const key = jobKeys.charge(booking.bookingId);

    for (const attempt of [1, 2]) {
      const before = new Date();
      await runJobsDueBy(deps, clock);
      const job = await jobByKey(deps, key);
      expect(job).toMatchObject({
        attempts: attempt,
        last_error: expect.stringContaining('processing_error'),
      });
      // graphile-worker backs off exp(attempts) seconds: ≥ 2.7 s, then ≥ 7.3 s.
      expect(job?.run_at.getTime()).toBeGreaterThanOrEqual(
        before.getTime() + Math.floor(Math.exp(attempt)) * 1000,
      );
      expect(await bookingRow(deps, booking.bookingId)).toMatchObject({ status: 'pending' });
      expect(await paymentsOf(deps, booking.bookingId)).toMatchObject([
        { status: 'pending', attempts: attempt, failure_code: 'processing_error' },
      ]);
    }
    await runJobsDueBy(deps, clock);

    expect(await bookingRow(deps, booking.bookingId)).toMatchObject({ status: 'confirmed' });
    expect(await jobByKey(deps, key)).toBeUndefined();
    expect(await paymentsOf(deps, booking.bookingId)).toMatchObject([
      { status: 'succeeded', attempts: 3, failure_code: null },
    ]);
    expect(await ledgerFor(booking.bookingId)).toMatchObject([{ status: 'succeeded', attempts: 3 }]);
  });

  it('treats a transient failure on the last attempt as final', async () => {
    const { booking } = await booked('tok_processingError');
    await sql`update graphile_worker._private_jobs set max_attempts = 1 where key = ${jobKeys.charge(booking.bookingId)}`.execute(
      deps.db,
    );

    await runJobsDueBy(deps, clock);

    expect(await bookingRow(deps, booking.bookingId)).toMatchObject({
      status: 'canceled',
      cancellation_reason: 'payment_failed',
    });
    expect(await paymentsOf(deps, booking.bookingId)).toMatchObject([
      { status: 'failed', failure_code: 'processing_error' },
    ]);
    expect(await holdsOf(deps, booking.bookingId)).toEqual([]);
  });

  it('changes nothing when it runs again after the charge succeeded', async () => {
    const { booking } = await booked('tok_visa');
    await runJobsDueBy(deps, clock);
    const before = {
      booking: await bookingRow(deps, booking.bookingId),
      payments: await paymentsOf(deps, booking.bookingId),
      payout: await payoutOf(deps, booking.bookingId),
      notifications: await notificationsOf(deps, booking.bookingId),
    };

    await chargeBooking(deps, booking.bookingId, { finalAttempt: false });
    await chargeBooking(deps, booking.bookingId, { finalAttempt: true });

    expect({
      booking: await bookingRow(deps, booking.bookingId),
      payments: await paymentsOf(deps, booking.bookingId),
      payout: await payoutOf(deps, booking.bookingId),
      notifications: await notificationsOf(deps, booking.bookingId),
    }).toEqual(before);
    expect(await ledgerFor(booking.bookingId)).toHaveLength(1);
  });

  it('never calls the provider for a booking canceled before its charge ran', async () => {
    const { guest, booking } = await booked('tok_visa');

    await guest.caller.bookings.cancel({ bookingId: booking.bookingId });
    await runJobsDueBy(deps, clock);

    expect(await paymentsOf(deps, booking.bookingId)).toMatchObject([
      { kind: 'charge', status: 'failed', failure_code: 'booking_not_pending', attempts: 0 },
    ]);
    expect(await ledgerFor(booking.bookingId)).toEqual([]);
  });

  it('refunds in full a charge the provider took after the guest canceled mid-flight', async () => {
    const { guest, booking } = await booked('tok_visa');
    // The guest cancels while the provider is still answering the charge.
    const provider: PaymentProvider = {
      charge: async (request) => {
        const outcome = await deps.payments.charge(request);
        await guest.caller.bookings.cancel({ bookingId: booking.bookingId });
        return outcome;
      },
      refund: (request) => deps.payments.refund(request),
    };

    await chargeBooking({ ...deps, payments: provider }, booking.bookingId, { finalAttempt: false });
    await runJobsDueBy(deps, clock);

    expect(await bookingRow(deps, booking.bookingId)).toMatchObject({
      status: 'canceled',
      canceled_by: 'guest',
      refund_cents: 37_050,
    });
    expect(await paymentsOf(deps, booking.bookingId)).toMatchObject([
      { kind: 'charge', status: 'succeeded', amount_cents: 37_050 },
      { kind: 'refund', status: 'succeeded', amount_cents: 37_050 },
    ]);
    expect(await payoutOf(deps, booking.bookingId)).toBeUndefined();
    const ledger = await deps.payments.ledger();
    const charge = ledger.find((entry) => entry.idempotencyKey === `charge:${booking.bookingId}`);
    expect(ledger.filter((entry) => entry.chargeReference === charge?.reference)).toMatchObject([
      { kind: 'refund', status: 'succeeded', amountCents: 37_050 },
    ]);
  });
});
