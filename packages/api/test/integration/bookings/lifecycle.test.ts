import { beforeEach, describe, expect, it } from 'vitest';
import { sweepBookings } from '../../../src/domain/bookings/booking-sweep.service.ts';
import { jobKeys } from '../../../src/domain/bookings/booking-timers.rules.ts';
import { completeStay, expireBooking } from '../../../src/domain/bookings/booking-timers.service.ts';
import { sendNotificationEmail } from '../../../src/domain/notifications/notification-email.service.ts';
import { releasePayout } from '../../../src/domain/payments/payout.service.ts';
import { reviewReminderJobKey } from '../../../src/domain/reviews/review.rules.ts';
import { ManualClock } from '../../../src/infra/clock.ts';
import { failureOf, signedIn, useTestDeps } from '../../../src/testing/index.ts';
import {
  bookingRow,
  holdsOf,
  jobByKey,
  listing,
  loseJob,
  notificationsOf,
  paymentsOf,
  payoutOf,
  runJobsDueBy,
  stay,
} from './helpers.ts';

const START = '2031-03-01T12:00:00Z';
const clock = new ManualClock(START);
const deps = await useTestDeps({ clock });

beforeEach(() => clock.set(START));

async function requested() {
  const { host, propertyId } = await listing(deps, { instant_book: false });
  const guest = await signedIn(deps, 'guest');
  const booking = await guest.caller.bookings.create(stay(propertyId, '2031-03-10', '2031-03-13'));
  return { host, guest, propertyId, booking };
}

/** An instant booking of 10–13 March in Lisbon (UTC+0 then), charged and confirmed. */
async function confirmed() {
  const { host, propertyId } = await listing(deps);
  const guest = await signedIn(deps, 'guest');
  const booking = await guest.caller.bookings.create(stay(propertyId, '2031-03-10', '2031-03-13'));
  await runJobsDueBy(deps, clock);
  return { host, guest, propertyId, booking };
}

describe('a request to book', () => {
  it('is accepted by the host: requested → pending with the charge queued, then confirmed by the charge job', async () => {
    const { host, guest, booking } = await requested();

    const accepted = await host.caller.bookings.accept({ bookingId: booking.bookingId });
    expect(accepted).toMatchObject({ status: 'pending', expiresAt: null });
    expect(await jobByKey(deps, jobKeys.charge(booking.bookingId))).toMatchObject({
      task_identifier: 'charge_booking',
    });
    expect(await notificationsOf(deps, booking.bookingId)).toEqual(
      expect.arrayContaining([expect.objectContaining({ user_id: guest.userId, type: 'booking_accepted' })]),
    );

    await runJobsDueBy(deps, clock);

    expect(await guest.caller.bookings.get({ bookingId: booking.bookingId })).toMatchObject({
      status: 'confirmed',
    });
  });

  it('stays requested when its expiry timer is not due, so accepting later still works', async () => {
    const { host, booking } = await requested();

    clock.advance(23 * 3_600_000);
    await runJobsDueBy(deps, clock);

    expect(await bookingRow(deps, booking.bookingId)).toMatchObject({ status: 'requested' });
    expect((await host.caller.bookings.accept({ bookingId: booking.bookingId })).status).toBe('pending');
  });

  it('is declined by the host, which releases its nights', async () => {
    const { host, guest, propertyId, booking } = await requested();

    const declined = await host.caller.bookings.decline({ bookingId: booking.bookingId });

    expect(declined.status).toBe('declined');
    expect(await holdsOf(deps, booking.bookingId)).toEqual([]);
    expect(await notificationsOf(deps, booking.bookingId)).toEqual(
      expect.arrayContaining([expect.objectContaining({ user_id: guest.userId, type: 'booking_declined' })]),
    );
    const other = await signedIn(deps, 'guest');
    expect((await other.caller.bookings.create(stay(propertyId, '2031-03-10', '2031-03-13'))).status).toBe(
      'requested',
    );
  });

  it('expires 24 hours after it was made when the host does not answer, releasing its nights', async () => {
    const { host, guest, booking } = await requested();

    clock.advance(24 * 3_600_000);
    await runJobsDueBy(deps, clock);

    expect(await bookingRow(deps, booking.bookingId)).toMatchObject({ status: 'expired' });
    expect(await holdsOf(deps, booking.bookingId)).toEqual([]);
    const notified = (await notificationsOf(deps, booking.bookingId)).filter(
      (n) => n.type === 'booking_expired',
    );
    expect(notified.map((n) => n.user_id).sort()).toEqual([guest.userId, host.userId].sort());
  });

  it('can no longer be accepted once its 24 hours are up, even before the timer ran', async () => {
    const { host, booking } = await requested();

    clock.advance(24 * 3_600_000 + 1);
    const failure = await failureOf(() => host.caller.bookings.accept({ bookingId: booking.bookingId }));

    expect(failure).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
    expect(await bookingRow(deps, booking.bookingId)).toMatchObject({ status: 'requested' });
  });

  it('can no longer be declined once its 24 hours are up, even before the timer ran: it expires instead', async () => {
    const { host, booking } = await requested();

    clock.advance(24 * 3_600_000 + 1);
    const failure = await failureOf(() => host.caller.bookings.decline({ bookingId: booking.bookingId }));

    expect(failure).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
    expect(await bookingRow(deps, booking.bookingId)).toMatchObject({ status: 'requested' });
    expect(await holdsOf(deps, booking.bookingId)).toHaveLength(1);
    await runJobsDueBy(deps, clock);
    expect(await bookingRow(deps, booking.bookingId)).toMatchObject({ status: 'expired' });
  });

  it('can no longer be canceled by the guest once its 24 hours are up: it expires instead, with no refund', async () => {
    const { guest, booking } = await requested();

    clock.advance(24 * 3_600_000 + 1);
    for (const call of [
      () => guest.caller.bookings.cancel({ bookingId: booking.bookingId }),
      () => guest.caller.bookings.cancellationPreview({ bookingId: booking.bookingId }),
    ]) {
      expect(await failureOf(call)).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
    }

    expect(await bookingRow(deps, booking.bookingId)).toMatchObject({
      status: 'requested',
      canceled_by: null,
      refund_cents: null,
    });
    await runJobsDueBy(deps, clock);
    expect(await bookingRow(deps, booking.bookingId)).toMatchObject({ status: 'expired', canceled_by: null });
  });
});

describe('a confirmed stay', () => {
  it("completes when its end date begins in the listing's time zone, and queues the review reminder", async () => {
    const { host, guest, booking } = await confirmed();

    clock.set('2031-03-12T23:59:59Z');
    await runJobsDueBy(deps, clock);
    expect(await bookingRow(deps, booking.bookingId)).toMatchObject({ status: 'confirmed' });

    clock.set('2031-03-13T00:00:00Z');
    await runJobsDueBy(deps, clock);

    expect(await bookingRow(deps, booking.bookingId)).toMatchObject({
      status: 'completed',
      completed_at: new Date('2031-03-13T00:00:00Z'),
    });
    expect(await jobByKey(deps, reviewReminderJobKey(booking.bookingId))).toBeDefined();
    const notified = (await notificationsOf(deps, booking.bookingId)).filter(
      (n) => n.type === 'stay_completed',
    );
    expect(notified.map((n) => n.user_id).sort()).toEqual([guest.userId, host.userId].sort());
    expect(await holdsOf(deps, booking.bookingId)).toHaveLength(1);
  });

  it('releases the host payout one day after check-in', async () => {
    const { host, booking } = await confirmed();

    clock.set('2031-03-10T23:59:59Z');
    await runJobsDueBy(deps, clock);
    expect(await payoutOf(deps, booking.bookingId)).toMatchObject({ status: 'scheduled' });

    clock.set('2031-03-11T00:00:00Z');
    await runJobsDueBy(deps, clock);

    expect(await payoutOf(deps, booking.bookingId)).toMatchObject({
      status: 'released',
      released_at: new Date('2031-03-11T00:00:00Z'),
      provider_reference: expect.stringMatching(/^sim_po_/),
    });
    expect((await host.caller.payments.listPayouts({ status: 'released' })).items).toMatchObject([
      { bookingId: booking.bookingId, amountCents: 31_525, releaseDate: '2031-03-11' },
    ]);
    expect(await notificationsOf(deps, booking.bookingId)).toEqual(
      expect.arrayContaining([expect.objectContaining({ user_id: host.userId, type: 'payout_released' })]),
    );
  });
});

describe('the booking sweep', () => {
  it('expires a request whose timer was lost', async () => {
    const { booking } = await requested();
    await loseJob(deps, jobKeys.expire(booking.bookingId));

    clock.advance(25 * 3_600_000);
    await runJobsDueBy(deps, clock);
    expect(await bookingRow(deps, booking.bookingId)).toMatchObject({ status: 'requested' });
    const report = await sweepBookings(deps);

    expect(report.expired).toBeGreaterThanOrEqual(1);
    expect(await bookingRow(deps, booking.bookingId)).toMatchObject({ status: 'expired' });
    expect(await holdsOf(deps, booking.bookingId)).toEqual([]);
  });

  it('completes a stay and releases a payout whose timers were lost', async () => {
    const { booking } = await confirmed();
    const payout = await payoutOf(deps, booking.bookingId);
    await loseJob(deps, jobKeys.complete(booking.bookingId));
    await loseJob(deps, jobKeys.releasePayout(payout?.payout_id ?? ''));

    clock.set('2031-03-14T12:00:00Z');
    await runJobsDueBy(deps, clock);
    expect(await bookingRow(deps, booking.bookingId)).toMatchObject({ status: 'confirmed' });
    await sweepBookings(deps);

    expect(await bookingRow(deps, booking.bookingId)).toMatchObject({ status: 'completed' });
    expect(await payoutOf(deps, booking.bookingId)).toMatchObject({ status: 'released' });
  });

  it("waits for the listing's own time zone: a payout and a stay in Los Angeles are not released or completed while the day there has not come", async () => {
    const { propertyId } = await listing(deps, { timezone: 'America/Los_Angeles' });
    const guest = await signedIn(deps, 'guest');
    const booking = await guest.caller.bookings.create(stay(propertyId, '2031-03-10', '2031-03-13'));
    await runJobsDueBy(deps, clock);
    expect(await bookingRow(deps, booking.bookingId)).toMatchObject({ status: 'confirmed' });
    const payout = await payoutOf(deps, booking.bookingId);
    // With its timers gone only the sweep, which looks a day ahead (UTC+14), can catch them.
    await loseJob(deps, jobKeys.complete(booking.bookingId));
    await loseJob(deps, jobKeys.releasePayout(payout?.payout_id ?? ''));

    // 11 March 05:00Z is still 10 March, 22:00 in Los Angeles (UTC-7 from 9 March 2031).
    clock.set('2031-03-11T05:00:00Z');
    await sweepBookings(deps);
    expect(await payoutOf(deps, booking.bookingId)).toMatchObject({ status: 'scheduled' });

    clock.set('2031-03-11T07:00:00Z');
    await sweepBookings(deps);
    expect(await payoutOf(deps, booking.bookingId)).toMatchObject({
      status: 'released',
      released_at: new Date('2031-03-11T07:00:00Z'),
    });

    // 13 March (the end date) 05:00Z is still 12 March, 22:00 in Los Angeles.
    clock.set('2031-03-13T05:00:00Z');
    await sweepBookings(deps);
    expect(await bookingRow(deps, booking.bookingId)).toMatchObject({ status: 'confirmed' });

    clock.set('2031-03-13T07:00:00Z');
    await sweepBookings(deps);
    expect(await bookingRow(deps, booking.bookingId)).toMatchObject({
      status: 'completed',
      completed_at: new Date('2031-03-13T07:00:00Z'),
    });
  });

  it('re-queues the charge of a pending booking whose charge job is gone, and the charge goes through', async () => {
    const { propertyId } = await listing(deps);
    const guest = await signedIn(deps, 'guest');
    const booking = await guest.caller.bookings.create(stay(propertyId, '2031-03-10', '2031-03-13'));
    await loseJob(deps, jobKeys.charge(booking.bookingId));

    clock.advance(20 * 60_000);
    const report = await sweepBookings(deps);
    expect(report.chargesRequeued).toBeGreaterThanOrEqual(1);
    await runJobsDueBy(deps, clock);

    expect(await bookingRow(deps, booking.bookingId)).toMatchObject({ status: 'confirmed' });
    expect(await paymentsOf(deps, booking.bookingId)).toMatchObject([
      { kind: 'charge', status: 'succeeded' },
    ]);
  });

  it('leaves a pending booking alone while its charge job can still run', async () => {
    const { propertyId } = await listing(deps);
    const guest = await signedIn(deps, 'guest');
    const booking = await guest.caller.bookings.create(
      stay(propertyId, '2031-03-10', '2031-03-13', { paymentToken: 'tok_processingError' }),
    );
    await runJobsDueBy(deps, clock);
    const retrying = await jobByKey(deps, jobKeys.charge(booking.bookingId));

    clock.advance(20 * 60_000);
    await sweepBookings(deps);

    // Re-queueing would have reset its attempts to 0.
    expect(await jobByKey(deps, jobKeys.charge(booking.bookingId))).toEqual(retrying);
  });

  it('is harmless when there is nothing to catch: a second sweep changes nothing', async () => {
    await confirmed();
    clock.set('2031-03-20T12:00:00Z');
    await sweepBookings(deps);

    const second = await sweepBookings(deps);

    expect(second).toEqual({ expired: 0, completed: 0, payoutsReleased: 0, chargesRequeued: 0, failed: 0 });
  });
});

describe('running a task twice', () => {
  it('changes nothing the second time: expire, complete and release report no change and write nothing', async () => {
    const request = await requested();
    const stayed = await confirmed();
    const payout = await payoutOf(deps, stayed.booking.bookingId);
    clock.set('2031-03-14T12:00:00Z');

    expect(await expireBooking(deps, request.booking.bookingId)).toBe(true);
    expect(await completeStay(deps, stayed.booking.bookingId)).toBe(true);
    expect(await releasePayout(deps, payout?.payout_id ?? '')).toBe(true);
    const snapshot = async () => ({
      request: await bookingRow(deps, request.booking.bookingId),
      stay: await bookingRow(deps, stayed.booking.bookingId),
      payout: await payoutOf(deps, stayed.booking.bookingId),
      notices: [
        ...(await notificationsOf(deps, request.booking.bookingId)),
        ...(await notificationsOf(deps, stayed.booking.bookingId)),
      ],
    });
    const before = await snapshot();

    expect(await expireBooking(deps, request.booking.bookingId)).toBe(false);
    expect(await completeStay(deps, stayed.booking.bookingId)).toBe(false);
    expect(await releasePayout(deps, payout?.payout_id ?? '')).toBe(false);

    expect(await snapshot()).toEqual(before);
  });

  it('sends each notification email once, however often its job runs', async () => {
    const { guest, booking } = await requested();
    const sentBefore = deps.mailer.messages.length;
    await guest.caller.bookings.cancel({ bookingId: booking.bookingId });
    await runJobsDueBy(deps, clock);
    const notification = await deps.db
      .selectFrom('notifications')
      .select(['notification_id', 'emailed_at'])
      .where('type', '=', 'booking_canceled')
      .where('user_id', '=', booking.host.userId)
      .executeTakeFirstOrThrow();

    await sendNotificationEmail(deps, notification.notification_id);

    expect(notification.emailed_at).toEqual(clock.now());
    const sent = deps.mailer.messages.slice(sentBefore);
    expect(sent.filter((mail) => mail.subject === 'StayHub: Booking canceled')).toHaveLength(1);
  });
});

describe('who may do what', () => {
  it('answers NOT_FOUND to an outsider on get, cancel, cancellationPreview and payments.listForBooking', async () => {
    const { booking } = await confirmed();
    const outsider = await signedIn(deps, 'host');
    const { bookingId } = booking;

    for (const call of [
      () => outsider.caller.bookings.get({ bookingId }),
      () => outsider.caller.bookings.cancel({ bookingId }),
      () => outsider.caller.bookings.cancellationPreview({ bookingId }),
      () => outsider.caller.payments.listForBooking({ bookingId }),
      () => outsider.caller.bookings.accept({ bookingId }),
    ]) {
      expect(await failureOf(call)).toMatchObject({ code: 'NOT_FOUND' });
    }
    expect(await bookingRow(deps, bookingId)).toMatchObject({ status: 'confirmed' });
  });

  it('shows a booking to its guest, its host and admins', async () => {
    const { host, guest, booking } = await confirmed();
    const admin = await signedIn(deps, 'admin');

    for (const caller of [guest.caller, host.caller, admin.caller]) {
      expect(await caller.bookings.get({ bookingId: booking.bookingId })).toMatchObject({
        bookingId: booking.bookingId,
        guest: { userId: guest.userId },
        host: { userId: host.userId },
      });
    }
  });

  it('does not let the guest accept or decline their own request', async () => {
    const { guest, booking } = await requested();

    for (const call of [
      () => guest.caller.bookings.accept({ bookingId: booking.bookingId }),
      () => guest.caller.bookings.decline({ bookingId: booking.bookingId }),
    ]) {
      expect(await failureOf(call)).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await bookingRow(deps, booking.bookingId)).toMatchObject({ status: 'requested' });
  });

  it('lets an admin answer a request for the host', async () => {
    const { booking } = await requested();
    const admin = await signedIn(deps, 'admin');

    expect((await admin.caller.bookings.decline({ bookingId: booking.bookingId })).status).toBe('declined');
  });

  it('answers INVALID_TRANSITION to anything the status machine does not allow', async () => {
    const { host, guest, booking } = await confirmed();
    const { bookingId } = booking;

    expect(await failureOf(() => host.caller.bookings.accept({ bookingId }))).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVALID_TRANSITION',
    });
    expect(await failureOf(() => host.caller.bookings.decline({ bookingId }))).toMatchObject({
      reason: 'INVALID_TRANSITION',
    });
    await guest.caller.bookings.cancel({ bookingId });
    for (const call of [
      () => guest.caller.bookings.cancel({ bookingId }),
      () => guest.caller.bookings.cancellationPreview({ bookingId }),
      () => host.caller.bookings.accept({ bookingId }),
    ]) {
      expect(await failureOf(call)).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
    }
  });
});
