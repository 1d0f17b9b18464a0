import { describe, expect, it } from 'vitest';
import { refundPayment } from '../../../src/domain/payments/refund.service.ts';
import { ManualClock } from '../../../src/infra/clock.ts';
import type { PaymentProvider } from '../../../src/infra/payments/provider.ts';
import { signedIn, useTestDeps } from '../../../src/testing/index.ts';
import { jobByKey, listing, notificationsOf, paymentsOf, runJobsDueBy, stay } from '../bookings/helpers.ts';

const clock = new ManualClock('2031-03-01T12:00:00Z');
const deps = await useTestDeps({ clock });

/** A confirmed booking canceled by its host: a full refund (370.50) is queued, not yet run. */
async function refundQueued() {
  const { host, propertyId } = await listing(deps);
  const guest = await signedIn(deps, 'guest');
  const booking = await guest.caller.bookings.create(stay(propertyId, '2031-04-01', '2031-04-04'));
  await runJobsDueBy(deps, clock);
  await host.caller.bookings.cancel({ bookingId: booking.bookingId });
  const refund = (await paymentsOf(deps, booking.bookingId)).find((p) => p.kind === 'refund');
  if (!refund) throw new Error('expected a queued refund');
  return { guest, booking, refund };
}

const refundsAtProvider = async (key: string) =>
  (await deps.payments.ledger()).filter((entry) => entry.idempotencyKey === key);

describe('the refund_payment job', () => {
  it('refunds through the provider under its own key, tells the guest, and does nothing more when run again', async () => {
    const { guest, booking, refund } = await refundQueued();
    expect(refund).toMatchObject({
      status: 'pending',
      amount_cents: 37_050,
      idempotency_key: `refund:${refund.payment_id}`,
    });
    expect(await jobByKey(deps, `payment:${refund.payment_id}:refund`)).toMatchObject({ max_attempts: 8 });

    await runJobsDueBy(deps, clock);
    await refundPayment(deps, refund.payment_id, { finalAttempt: false });

    expect(await paymentsOf(deps, booking.bookingId)).toMatchObject([
      { kind: 'charge', status: 'succeeded' },
      { kind: 'refund', status: 'succeeded', attempts: 1 },
    ]);
    expect(await refundsAtProvider(refund.idempotency_key)).toMatchObject([
      { kind: 'refund', status: 'succeeded', amountCents: 37_050 },
    ]);
    const refunded = (await notificationsOf(deps, booking.bookingId)).filter(
      (n) => n.type === 'refund_issued',
    );
    expect(refunded.map((n) => n.user_id)).toEqual([guest.userId]);
  });

  it('retries a transient provider failure, and gives up on the last attempt as failed', async () => {
    const { booking, refund } = await refundQueued();
    let calls = 0;
    const flaky: PaymentProvider = {
      charge: (request) => deps.payments.charge(request),
      refund: async () => {
        calls += 1;
        return { status: 'failed', code: 'processing_error', retryable: true };
      },
    };
    const withFlakyProvider = { ...deps, payments: flaky };

    await expect(
      refundPayment(withFlakyProvider, refund.payment_id, { finalAttempt: false }),
    ).rejects.toThrow(/processing_error/);
    expect(await paymentsOf(deps, booking.bookingId)).toMatchObject([
      { kind: 'charge' },
      { kind: 'refund', status: 'pending', attempts: 1, failure_code: 'processing_error' },
    ]);
    await refundPayment(withFlakyProvider, refund.payment_id, { finalAttempt: true });

    expect(calls).toBe(2);
    expect(await paymentsOf(deps, booking.bookingId)).toMatchObject([
      { kind: 'charge' },
      { kind: 'refund', status: 'failed', attempts: 2, failure_code: 'processing_error' },
    ]);
  });
});
