import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/shared/dates.ts';
import { ManualClock } from '../../../src/infra/clock.ts';
import { failureOf, signedIn, useTestDeps } from '../../../src/testing/index.ts';
import {
  bookingRow,
  holdsOf,
  listing,
  notificationsOf,
  paymentsOf,
  payoutOf,
  runJobsDueBy,
  stay,
} from './helpers.ts';

const START = '2031-03-10T12:00:00Z';
const clock = new ManualClock(START);
const deps = await useTestDeps({ clock });

beforeEach(() => clock.set(START));

// Check-in 1 April, 3 nights: subtotal 300.00, cleaning 25.00, service fee 45.50, total 370.50.
const CHECK_IN = '2031-04-01';
const TOTAL = 37_050;
const FULL_PAYOUT = 31_525;

type Policy = 'flexible' | 'moderate' | 'strict';

/** A confirmed (charged) booking under `policy`, made on 10 March (sessions stay alive: under 30 days idle). */
async function confirmedStay(policy: Policy) {
  const { host, propertyId } = await listing(deps, { cancellation_policy: policy });
  const guest = await signedIn(deps, 'guest');
  const booking = await guest.caller.bookings.create(stay(propertyId, CHECK_IN, '2031-04-04'));
  await runJobsDueBy(deps, clock);
  return { host, guest, propertyId, booking };
}

/** Noon in Lisbon `days` calendar days before check-in (summer time from 30 March: 11:00 UTC). */
function setDaysBeforeCheckIn(days: number) {
  const date = addDays(CHECK_IN, -days);
  clock.set(date >= '2031-03-30' ? `${date}T11:00:00Z` : `${date}T12:00:00Z`);
}

describe('a guest cancellation refunds per policy, at every tier boundary', () => {
  it.each([
    // policy, days before check-in, tier, refund, host payout afterwards (0 = canceled)
    ['flexible', 1, 'full', TOTAL, 0],
    ['flexible', 0, 'none', 0, FULL_PAYOUT],
    ['moderate', 5, 'full', TOTAL, 0],
    // 50 % of the subtotal (150.00) + cleaning (25.00); the host keeps 150.00 − 3 %.
    ['moderate', 4, 'partial', 17_500, 14_550],
    ['moderate', 1, 'partial', 17_500, 14_550],
    ['moderate', 0, 'none', 0, FULL_PAYOUT],
    ['strict', 14, 'full', TOTAL, 0],
    // 50 % of the subtotal only; the host keeps 150.00 + 25.00 − 3 %.
    ['strict', 13, 'partial', 15_000, 16_975],
    ['strict', 7, 'partial', 15_000, 16_975],
    ['strict', 6, 'none', 0, FULL_PAYOUT],
    ['strict', -1, 'none', 0, FULL_PAYOUT],
  ] as const)('%s, %i days before: %s refund of %i', async (policy, days, tier, refund, payout) => {
    const { guest, booking } = await confirmedStay(policy);
    setDaysBeforeCheckIn(days);

    const preview = await guest.caller.bookings.cancellationPreview({ bookingId: booking.bookingId });
    const canceled = await guest.caller.bookings.cancel({
      bookingId: booking.bookingId,
      reason: 'plans changed',
    });
    await runJobsDueBy(deps, clock);

    expect(preview).toMatchObject({
      canceller: 'guest',
      cancellationPolicy: policy,
      tier,
      daysBeforeStart: days,
      paidCents: TOTAL,
      refundCents: refund,
    });
    expect(canceled).toMatchObject({
      status: 'canceled',
      canceledBy: 'guest',
      cancellationReason: 'plans changed',
      refundCents: refund,
    });
    expect(await holdsOf(deps, booking.bookingId)).toEqual([]);
    const refunds = (await paymentsOf(deps, booking.bookingId)).filter((p) => p.kind === 'refund');
    expect(refunds).toMatchObject(refund > 0 ? [{ status: 'succeeded', amount_cents: refund }] : []);
    expect(await payoutOf(deps, booking.bookingId)).toMatchObject(
      payout === 0
        ? { status: 'canceled' }
        : // From the day after check-in the (unchanged) payout is released as usual.
          { status: days < 0 ? 'released' : 'scheduled', amount_cents: payout },
    );
  });

  it('shows the preview without changing anything', async () => {
    const { guest, booking } = await confirmedStay('moderate');
    setDaysBeforeCheckIn(3);

    const preview = await guest.caller.bookings.cancellationPreview({ bookingId: booking.bookingId });

    expect(preview).toEqual({
      bookingId: booking.bookingId,
      status: 'confirmed',
      canceller: 'guest',
      cancellationPolicy: 'moderate',
      tier: 'partial',
      daysBeforeStart: 3,
      paidCents: TOTAL,
      subtotalRefundCents: 15_000,
      cleaningFeeRefundCents: 2_500,
      serviceFeeRefundCents: 0,
      refundCents: 17_500,
      currency: 'EUR',
    });
    expect(await bookingRow(deps, booking.bookingId)).toMatchObject({ status: 'confirmed' });
    expect(await paymentsOf(deps, booking.bookingId)).toHaveLength(1);
  });
});

describe('a host or admin cancellation', () => {
  it('refunds everything paid when the host cancels, even under strict the day before, and cancels the payout', async () => {
    const { host, guest, booking } = await confirmedStay('strict');
    setDaysBeforeCheckIn(1);

    expect(await host.caller.bookings.cancellationPreview({ bookingId: booking.bookingId })).toMatchObject({
      canceller: 'host',
      tier: 'full',
      refundCents: TOTAL,
    });
    const canceled = await host.caller.bookings.cancel({ bookingId: booking.bookingId });
    await runJobsDueBy(deps, clock);

    expect(canceled).toMatchObject({ status: 'canceled', canceledBy: 'host', refundCents: TOTAL });
    expect(await payoutOf(deps, booking.bookingId)).toMatchObject({ status: 'canceled' });
    const notices = await notificationsOf(deps, booking.bookingId);
    expect(notices).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ user_id: guest.userId, type: 'booking_canceled' }),
        expect.objectContaining({ user_id: guest.userId, type: 'refund_issued' }),
      ]),
    );
  });

  it('refunds everything paid on admin.cancelBooking, tells both sides, and keeps the reason', async () => {
    const { host, guest, booking } = await confirmedStay('strict');
    const admin = await signedIn(deps, 'admin');
    setDaysBeforeCheckIn(0);

    const canceled = await admin.caller.admin.cancelBooking({
      bookingId: booking.bookingId,
      reason: 'listing removed for safety',
    });
    await runJobsDueBy(deps, clock);

    expect(canceled).toMatchObject({
      status: 'canceled',
      canceledBy: 'admin',
      cancellationReason: 'listing removed for safety',
      refundCents: TOTAL,
    });
    expect(await paymentsOf(deps, booking.bookingId)).toMatchObject([
      { kind: 'charge', status: 'succeeded' },
      { kind: 'refund', status: 'succeeded', amount_cents: TOTAL },
    ]);
    const canceledNotices = (await notificationsOf(deps, booking.bookingId)).filter(
      (n) => n.type === 'booking_canceled',
    );
    expect(canceledNotices.map((n) => n.user_id).sort()).toEqual([guest.userId, host.userId].sort());
  });

  it('refuses admin.cancelBooking to anyone but an admin, and without a reason', async () => {
    const { host, booking } = await confirmedStay('flexible');
    const admin = await signedIn(deps, 'admin');

    expect(
      await failureOf(() => host.caller.admin.cancelBooking({ bookingId: booking.bookingId, reason: 'x' })),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await failureOf(() => admin.caller.admin.cancelBooking({ bookingId: booking.bookingId, reason: ' ' })),
    ).toMatchObject({ code: 'BAD_REQUEST', fieldPaths: ['reason'] });
    expect(await bookingRow(deps, booking.bookingId)).toMatchObject({ status: 'confirmed' });
  });

  it('leaves a payout already released alone when the host cancels after check-in', async () => {
    const { host, booking } = await confirmedStay('flexible');
    clock.set('2031-04-02T12:00:00Z');
    await runJobsDueBy(deps, clock);
    expect(await payoutOf(deps, booking.bookingId)).toMatchObject({ status: 'released' });

    await host.caller.bookings.cancel({ bookingId: booking.bookingId, reason: 'flooded' });

    expect(await payoutOf(deps, booking.bookingId)).toMatchObject({
      status: 'released',
      amount_cents: FULL_PAYOUT,
    });
  });
});

describe('canceling before anything was paid', () => {
  it('refunds nothing for a request and releases its nights', async () => {
    const { propertyId } = await listing(deps, { instant_book: false });
    const guest = await signedIn(deps, 'guest');
    const booking = await guest.caller.bookings.create(stay(propertyId, CHECK_IN, '2031-04-04'));

    const canceled = await guest.caller.bookings.cancel({ bookingId: booking.bookingId });

    expect(canceled).toMatchObject({ status: 'canceled', refundCents: 0 });
    expect(await holdsOf(deps, booking.bookingId)).toEqual([]);
    expect(await paymentsOf(deps, booking.bookingId)).toEqual([]);
  });

  it('refunds nothing for a pending booking whose charge has not run', async () => {
    const { propertyId } = await listing(deps, { cancellation_policy: 'flexible' });
    const guest = await signedIn(deps, 'guest');
    const booking = await guest.caller.bookings.create(stay(propertyId, CHECK_IN, '2031-04-04'));

    expect(await guest.caller.bookings.cancellationPreview({ bookingId: booking.bookingId })).toMatchObject({
      tier: 'full',
      paidCents: 0,
      refundCents: 0,
    });
    const canceled = await guest.caller.bookings.cancel({ bookingId: booking.bookingId });

    expect(canceled.refundCents).toBe(0);
    expect((await paymentsOf(deps, booking.bookingId)).filter((p) => p.kind === 'refund')).toEqual([]);
  });
});

describe('money, across every booking this file made (runs last)', () => {
  it('never refunds more than was charged, and no amount is ever negative', async () => {
    const { rows } = await sql<{ booking_id: string; charged: number; refunded: number; negative: number }>`
    select booking_id,
      coalesce(sum(amount_cents) filter (where kind = 'charge' and status = 'succeeded'), 0)::int as charged,
      coalesce(sum(amount_cents) filter (where kind = 'refund' and status <> 'failed'), 0)::int as refunded,
      count(*) filter (where amount_cents < 0)::int as negative
    from payments group by booking_id`.execute(deps.db);
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      expect(row.refunded).toBeLessThanOrEqual(row.charged);
      expect(row.negative).toBe(0);
    }
    const refunds = await sql<{ bad: number }>`
    select count(*)::int as bad from bookings where refund_cents < 0 or refund_cents > total_cents`.execute(
      deps.db,
    );
    expect(refunds.rows[0]?.bad).toBe(0);
  });
});
