import { describe, expect, it } from 'vitest';
import { jobKeys } from '../../../src/domain/bookings/booking-timers.rules.ts';
import { ManualClock } from '../../../src/infra/clock.ts';
import {
  callerFor,
  createBooking,
  createUser,
  failureOf,
  queuedJobs,
  signedIn,
  useTestDeps,
} from '../../../src/testing/index.ts';
import { holdsOf, jobByKey, listing, notificationsOf, paymentsOf, stay } from './helpers.ts';

// Noon in Lisbon (UTC+0 until the end of March).
const clock = new ManualClock('2031-03-01T12:00:00Z');
const deps = await useTestDeps({ clock });

// 3 nights at 100.00 + 25.00 cleaning: 300.00 + 25.00 + 14 % service fee (45.50) = 370.50.
const THREE_NIGHTS = {
  nightlyPriceCents: 10_000,
  nights: 3,
  subtotalCents: 30_000,
  cleaningFeeCents: 2_500,
  serviceFeeCents: 4_550,
  totalCents: 37_050,
  currency: 'EUR',
};

describe('bookings.quote', () => {
  it('prices a stay from the listing and says it is available, to anyone', async () => {
    const { propertyId } = await listing(deps);

    const quote = await callerFor(deps).bookings.quote({
      propertyId,
      startDate: '2031-04-01',
      endDate: '2031-04-04',
      guests: 2,
    });

    expect(quote).toEqual({
      propertyId,
      startDate: '2031-04-01',
      endDate: '2031-04-04',
      guests: 2,
      ...THREE_NIGHTS,
      nightlyPrices: [
        { date: '2031-04-01', priceCents: 10_000 },
        { date: '2031-04-02', priceCents: 10_000 },
        { date: '2031-04-03', priceCents: 10_000 },
      ],
      discountPercent: 0,
      discountCents: 0,
      instantBook: true,
      cancellationPolicy: 'moderate',
      available: true,
      unavailableReason: null,
    });
  });

  it.each([
    { reason: 'START_IN_PAST', startDate: '2031-02-28', endDate: '2031-03-03', guests: 1 },
    { reason: 'STAY_TOO_SHORT', startDate: '2031-04-01', endDate: '2031-04-02', guests: 1 },
    { reason: 'STAY_TOO_LONG', startDate: '2031-04-01', endDate: '2031-04-09', guests: 1 },
    { reason: 'TOO_MANY_GUESTS', startDate: '2031-04-01', endDate: '2031-04-04', guests: 5 },
    { reason: 'DATES_UNAVAILABLE', startDate: '2031-05-02', endDate: '2031-05-04', guests: 1 },
  ])('answers unavailable with $reason, as create would refuse it', async ({ reason, ...dates }) => {
    const { propertyId } = await listing(deps, { min_nights: 2, max_nights: 7 });
    const other = await createUser(deps.db);
    await createBooking(deps.db, {
      propertyId,
      guestId: other.userId,
      startDate: '2031-05-01',
      endDate: '2031-05-03',
    });

    const quote = await callerFor(deps).bookings.quote({ propertyId, ...dates });

    expect(quote).toMatchObject({ available: false, unavailableReason: reason });
  });

  it('tells a host quoting their own place OWN_PROPERTY, and hides a draft from everyone else', async () => {
    const { host, propertyId } = await listing(deps, { status: 'draft' });
    const input = { propertyId, startDate: '2031-04-01', endDate: '2031-04-04', guests: 2 };

    expect(await host.caller.bookings.quote(input)).toMatchObject({ unavailableReason: 'OWN_PROPERTY' });
    const admin = await signedIn(deps, 'admin');
    expect(await admin.caller.bookings.quote(input)).toMatchObject({
      unavailableReason: 'PROPERTY_NOT_BOOKABLE',
    });
    expect(await failureOf(() => callerFor(deps).bookings.quote(input))).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('writes nothing', async () => {
    const { propertyId } = await listing(deps);
    const before = await deps.db.selectFrom('bookings').select('booking_id').execute();

    await callerFor(deps).bookings.quote({
      propertyId,
      startDate: '2031-04-01',
      endDate: '2031-04-04',
      guests: 2,
    });

    expect(await deps.db.selectFrom('bookings').select('booking_id').execute()).toHaveLength(before.length);
  });
});

describe('bookings.create', () => {
  it('books an instant-book stay as pending, holding the dates, with a pending charge and its job', async () => {
    const { host, propertyId } = await listing(deps);
    const guest = await signedIn(deps, 'guest');

    const booking = await guest.caller.bookings.create(stay(propertyId, '2031-04-01', '2031-04-04'));

    expect(booking).toMatchObject({
      propertyId,
      userId: guest.userId,
      host: { userId: host.userId },
      status: 'pending',
      startDate: '2031-04-01',
      endDate: '2031-04-04',
      guests: 2,
      ...THREE_NIGHTS,
      paymentMethod: 'credit_card',
      cancellationPolicy: 'moderate',
      expiresAt: null,
      refundCents: null,
    });
    expect(await holdsOf(deps, booking.bookingId)).toHaveLength(1);
    expect(await paymentsOf(deps, booking.bookingId)).toMatchObject([
      {
        kind: 'charge',
        status: 'pending',
        amount_cents: 37_050,
        attempts: 0,
        idempotency_key: `charge:${booking.bookingId}`,
      },
    ]);
    expect(await jobByKey(deps, jobKeys.charge(booking.bookingId))).toMatchObject({
      task_identifier: 'charge_booking',
      attempts: 0,
      max_attempts: 8,
    });
  });

  it('books a request-to-book stay as requested, expiring in 24 hours on a keyed timer, and tells the host', async () => {
    const { host, propertyId } = await listing(deps, { instant_book: false });
    const guest = await signedIn(deps, 'guest');

    const booking = await guest.caller.bookings.create(stay(propertyId, '2031-04-01', '2031-04-04'));

    const expiresAt = new Date('2031-03-02T12:00:00Z');
    expect(booking).toMatchObject({ status: 'requested', expiresAt });
    expect(await holdsOf(deps, booking.bookingId)).toHaveLength(1);
    expect(await paymentsOf(deps, booking.bookingId)).toEqual([]);
    expect(await jobByKey(deps, jobKeys.expire(booking.bookingId))).toMatchObject({
      task_identifier: 'expire_booking',
      run_at: expiresAt,
    });
    expect(await notificationsOf(deps, booking.bookingId)).toMatchObject([
      { user_id: host.userId, type: 'booking_requested' },
    ]);
  });

  it.each([
    {
      reason: 'START_IN_PAST',
      code: 'BAD_REQUEST',
      startDate: '2031-02-28',
      endDate: '2031-03-02',
      guests: 1,
    },
    {
      reason: 'STAY_TOO_SHORT',
      code: 'UNPROCESSABLE_CONTENT',
      startDate: '2031-04-01',
      endDate: '2031-04-02',
      guests: 1,
    },
    {
      reason: 'STAY_TOO_LONG',
      code: 'UNPROCESSABLE_CONTENT',
      startDate: '2031-04-01',
      endDate: '2031-04-09',
      guests: 1,
    },
    {
      reason: 'TOO_MANY_GUESTS',
      code: 'UNPROCESSABLE_CONTENT',
      startDate: '2031-04-01',
      endDate: '2031-04-04',
      guests: 5,
    },
  ])(
    'refuses a stay that breaks the listing rules with $code $reason',
    async ({ reason, code, ...input }) => {
      const { propertyId } = await listing(deps, { min_nights: 2, max_nights: 7 });
      const guest = await signedIn(deps, 'guest');

      const failure = await failureOf(() =>
        guest.caller.bookings.create(
          stay(propertyId, input.startDate, input.endDate, { guests: input.guests }),
        ),
      );

      expect(failure).toMatchObject({ code, reason });
    },
  );

  it('starts "today" in the listing\'s time zone: on 1 March at 12:00 UTC, Kiritimati is already on the 2nd', async () => {
    const { propertyId } = await listing(deps, { timezone: 'Pacific/Kiritimati' });
    const guest = await signedIn(deps, 'guest');

    const failure = await failureOf(() =>
      guest.caller.bookings.create(stay(propertyId, '2031-03-01', '2031-03-03')),
    );
    const booking = await guest.caller.bookings.create(stay(propertyId, '2031-03-02', '2031-03-04'));

    expect(failure).toMatchObject({ reason: 'START_IN_PAST' });
    expect(booking.status).toBe('pending');
  });

  it('caps every stay at 365 nights whatever the listing allows', async () => {
    const { propertyId } = await listing(deps);
    const guest = await signedIn(deps, 'guest');

    const failure = await failureOf(() =>
      guest.caller.bookings.create(stay(propertyId, '2031-04-01', '2032-04-01')),
    );

    expect(failure).toMatchObject({ code: 'UNPROCESSABLE_CONTENT', reason: 'STAY_TOO_LONG' });
  });

  it('refuses a host booking their own place with OWN_PROPERTY', async () => {
    const { host, propertyId } = await listing(deps);

    const failure = await failureOf(() =>
      host.caller.bookings.create(stay(propertyId, '2031-04-01', '2031-04-04')),
    );

    expect(failure).toMatchObject({ code: 'UNPROCESSABLE_CONTENT', reason: 'OWN_PROPERTY' });
  });

  it('hides an unlisted place from guests (NOT_FOUND) and refuses it to an admin with PROPERTY_NOT_BOOKABLE', async () => {
    const { propertyId } = await listing(deps, { status: 'unlisted' });
    const guest = await signedIn(deps, 'guest');
    const admin = await signedIn(deps, 'admin');
    const input = stay(propertyId, '2031-04-01', '2031-04-04');

    expect(await failureOf(() => guest.caller.bookings.create(input))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failureOf(() => admin.caller.bookings.create(input))).toMatchObject({
      code: 'CONFLICT',
      reason: 'PROPERTY_NOT_BOOKABLE',
    });
  });

  it('refuses nights that overlap a booking or a block with DATES_UNAVAILABLE', async () => {
    const { host, propertyId } = await listing(deps);
    const first = await signedIn(deps, 'guest');
    const second = await signedIn(deps, 'guest');
    await first.caller.bookings.create(stay(propertyId, '2031-04-01', '2031-04-04'));
    await host.caller.properties.blockDates({ propertyId, startDate: '2031-04-10', endDate: '2031-04-12' });

    for (const [startDate, endDate] of [
      ['2031-04-03', '2031-04-05'],
      ['2031-03-30', '2031-04-02'],
      ['2031-04-11', '2031-04-13'],
    ] as const) {
      const failure = await failureOf(() =>
        second.caller.bookings.create(stay(propertyId, startDate, endDate)),
      );
      expect(failure).toMatchObject({ code: 'CONFLICT', reason: 'DATES_UNAVAILABLE' });
    }
  });

  it('rolls back everything it queued when the dates are taken: no booking, no charge, no job', async () => {
    const { propertyId } = await listing(deps);
    const first = await signedIn(deps, 'guest');
    const second = await signedIn(deps, 'guest');
    await first.caller.bookings.create(stay(propertyId, '2031-04-01', '2031-04-04'));
    const chargeJobs = (await queuedJobs(deps, 'charge_booking')).length;
    const notifications = await deps.db.selectFrom('notifications').select('notification_id').execute();

    const failure = await failureOf(() =>
      second.caller.bookings.create(stay(propertyId, '2031-04-02', '2031-04-05')),
    );

    expect(failure.reason).toBe('DATES_UNAVAILABLE');
    expect(await queuedJobs(deps, 'charge_booking')).toHaveLength(chargeJobs);
    const bookings = await deps.db
      .selectFrom('bookings')
      .select('booking_id')
      .where('user_id', '=', second.userId)
      .execute();
    expect(bookings).toEqual([]);
    expect(await deps.db.selectFrom('notifications').select('notification_id').execute()).toHaveLength(
      notifications.length,
    );
  });

  it('books back-to-back stays: one checks out the day the next checks in', async () => {
    const { propertyId } = await listing(deps);
    const first = await signedIn(deps, 'guest');
    const second = await signedIn(deps, 'guest');

    const a = await first.caller.bookings.create(stay(propertyId, '2031-04-01', '2031-04-04'));
    const b = await second.caller.bookings.create(stay(propertyId, '2031-04-04', '2031-04-06'));

    expect([a.status, b.status]).toEqual(['pending', 'pending']);
  });

  it('keeps the price and policy it was booked at when the host edits the listing later', async () => {
    const { host, propertyId } = await listing(deps);
    const guest = await signedIn(deps, 'guest');
    const booking = await guest.caller.bookings.create(stay(propertyId, '2031-04-01', '2031-04-04'));

    await host.caller.properties.update({
      propertyId,
      pricePerNightCents: 99_900,
      cleaningFeeCents: 0,
      cancellationPolicy: 'strict',
    });

    expect(await guest.caller.bookings.get({ bookingId: booking.bookingId })).toMatchObject({
      ...THREE_NIGHTS,
      cancellationPolicy: 'moderate',
    });
  });

  it('needs a signed-in guest', async () => {
    const { propertyId } = await listing(deps);

    const failure = await failureOf(() =>
      callerFor(deps).bookings.create(stay(propertyId, '2031-04-01', '2031-04-04')),
    );

    expect(failure).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('refuses an end date that is not after the start date, naming the field', async () => {
    const { propertyId } = await listing(deps);
    const guest = await signedIn(deps, 'guest');

    const failure = await failureOf(() =>
      guest.caller.bookings.create(stay(propertyId, '2031-04-04', '2031-04-04')),
    );

    expect(failure).toMatchObject({ code: 'BAD_REQUEST', fieldPaths: ['endDate'] });
  });
});
