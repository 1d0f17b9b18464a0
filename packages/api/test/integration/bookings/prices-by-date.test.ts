import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/infra/clock.ts';
import { callerFor, failureOf, signedIn, useTestDeps } from '../../../src/testing/index.ts';
import { newListing } from '../properties/helpers.ts';
import { listing, stay } from './helpers.ts';

// Noon in Lisbon. 2031-04-01 is a Tuesday, 2031-04-04 a Friday.
const clock = new ManualClock('2031-03-01T12:00:00Z');
const deps = await useTestDeps({ clock });

/**
 * 100.00 a night, 140.00 on Friday and Saturday nights, 10 % off 7+ nights, 25 % off 28+, 25.00 cleaning;
 * the host prices Wednesday 2 April at 200.00.
 */
async function pricedListing() {
  const { host, propertyId } = await listing(deps, {
    weekend_price_per_night_cents: 14_000,
    weekly_discount_percent: 10,
    monthly_discount_percent: 25,
    max_nights: 60,
  });
  await host.caller.properties.setPrices({
    propertyId,
    from: '2031-04-02',
    to: '2031-04-03',
    pricePerNightCents: 20_000,
  });
  return { host, propertyId };
}

// Tue 100, Wed 200 (override), Thu 100, Fri 140, Sat 140, Sun 100, Mon 100.
const WEEK = [
  { date: '2031-04-01', priceCents: 10_000 },
  { date: '2031-04-02', priceCents: 20_000 },
  { date: '2031-04-03', priceCents: 10_000 },
  { date: '2031-04-04', priceCents: 14_000 },
  { date: '2031-04-05', priceCents: 14_000 },
  { date: '2031-04-06', priceCents: 10_000 },
  { date: '2031-04-07', priceCents: 10_000 },
];

describe('bookings.quote with prices by date', () => {
  it('prices each night, the weekend and the override, and takes 10 % off a 7-night stay', async () => {
    const { propertyId } = await pricedListing();

    const quote = await callerFor(deps).bookings.quote({
      propertyId,
      startDate: '2031-04-01',
      endDate: '2031-04-08',
      guests: 2,
    });

    // 88 000; 10 % = 8 800 → 79 200; fee 14 % of 81 700 = 11 438; total 79 200 + 2 500 + 11 438 = 93 138
    expect(quote).toMatchObject({
      nightlyPriceCents: 10_000,
      nights: 7,
      nightlyPrices: WEEK,
      discountPercent: 10,
      discountCents: 8_800,
      subtotalCents: 79_200,
      cleaningFeeCents: 2_500,
      serviceFeeCents: 11_438,
      totalCents: 93_138,
      available: true,
    });
  });

  it('gives a 6-night stay no discount', async () => {
    const { propertyId } = await pricedListing();

    const quote = await callerFor(deps).bookings.quote({
      propertyId,
      startDate: '2031-04-01',
      endDate: '2031-04-07',
      guests: 2,
    });

    // 88 000 − Mon 10 000 = 78 000; fee 14 % of 80 500 = 11 270; total 91 770
    expect(quote).toMatchObject({
      discountPercent: 0,
      discountCents: 0,
      subtotalCents: 78_000,
      totalCents: 91_770,
    });
  });
});

describe('the price snapshot of a booking', () => {
  it('keeps every night, the discount and the total when the host changes prices afterwards', async () => {
    const { host, propertyId } = await pricedListing();
    const guest = await signedIn(deps, 'guest');
    const booked = await guest.caller.bookings.create(stay(propertyId, '2031-04-01', '2031-04-08'));
    const snapshot = {
      nightlyPriceCents: 10_000,
      nights: 7,
      nightlyPrices: WEEK,
      discountPercent: 10,
      discountCents: 8_800,
      subtotalCents: 79_200,
      cleaningFeeCents: 2_500,
      serviceFeeCents: 11_438,
      totalCents: 93_138,
    };
    expect(booked).toMatchObject(snapshot);

    await host.caller.properties.update({
      propertyId,
      pricePerNightCents: 50_000,
      weekendPricePerNightCents: null,
      weeklyDiscountPercent: 0,
      cleaningFeeCents: 9_900,
    });
    await host.caller.properties.setPrices({
      propertyId,
      from: '2031-04-01',
      to: '2031-04-08',
      pricePerNightCents: 99_000,
    });
    await host.caller.properties.setPrices({
      propertyId,
      from: '2031-04-02',
      to: '2031-04-03',
      pricePerNightCents: null,
    });

    expect(await guest.caller.bookings.get({ bookingId: booked.bookingId })).toMatchObject(snapshot);
    const later = await callerFor(deps).bookings.quote({
      propertyId,
      startDate: '2031-04-10',
      endDate: '2031-04-11',
      guests: 1,
    });
    expect(later.subtotalCents).toBe(50_000);
  });
});

describe('properties.setPrices', () => {
  it("shows each night's own price on the calendar, and clears back to the listing's prices", async () => {
    const { host, propertyId } = await pricedListing();
    const prices = async () =>
      (
        await callerFor(deps).properties.calendar({ propertyId, from: '2031-04-01', to: '2031-04-08' })
      ).days.map((day) => day.pricePerNightCents);

    expect(await prices()).toEqual(WEEK.map((night) => night.priceCents));

    const answer = await host.caller.properties.setPrices({
      propertyId,
      from: '2031-04-02',
      to: '2031-04-03',
      pricePerNightCents: null,
    });
    expect(answer.days).toEqual([{ date: '2031-04-02', status: 'available', pricePerNightCents: 10_000 }]);
    await host.caller.properties.update({ propertyId, weekendPricePerNightCents: 16_000 });

    expect(await prices()).toEqual([10_000, 10_000, 10_000, 16_000, 16_000, 10_000, 10_000]);
  });

  it('answers NOT_FOUND for another host’s listing and changes nothing', async () => {
    const { propertyId } = await pricedListing();
    const stranger = await signedIn(deps, 'host');

    const failure = await failureOf(() =>
      stranger.caller.properties.setPrices({
        propertyId,
        from: '2031-04-01',
        to: '2031-04-08',
        pricePerNightCents: 1,
      }),
    );

    expect(failure).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    const days = await callerFor(deps).properties.calendar({
      propertyId,
      from: '2031-04-01',
      to: '2031-04-08',
    });
    expect(days.days.map((day) => day.pricePerNightCents)).toEqual(WEEK.map((night) => night.priceCents));
  });

  it.each([
    {
      why: 'a past night',
      from: '2031-02-27',
      to: '2031-03-02',
      code: 'BAD_REQUEST',
      reason: 'START_IN_PAST',
    },
    {
      why: 'an empty range',
      from: '2031-04-02',
      to: '2031-04-02',
      code: 'BAD_REQUEST',
      reason: 'VALIDATION_FAILED',
    },
    {
      why: 'more than a year',
      from: '2031-04-01',
      to: '2032-04-02',
      code: 'BAD_REQUEST',
      reason: 'VALIDATION_FAILED',
    },
  ])('refuses $why', async ({ from, to, code, reason }) => {
    const { host, propertyId } = await pricedListing();

    const failure = await failureOf(() =>
      host.caller.properties.setPrices({ propertyId, from, to, pricePerNightCents: 5_000 }),
    );

    expect(failure).toMatchObject({ code, reason });
  });
});

describe('listing price fields', () => {
  it('defaults to no weekend price and no discounts, and updates them', async () => {
    const host = await signedIn(deps, 'host');
    const created = await host.caller.properties.create(newListing());
    expect(created).toMatchObject({
      weekendPricePerNightCents: null,
      weeklyDiscountPercent: 0,
      monthlyDiscountPercent: 0,
    });

    const updated = await host.caller.properties.update({
      propertyId: created.propertyId,
      weekendPricePerNightCents: 12_000,
      weeklyDiscountPercent: 5,
      monthlyDiscountPercent: 15,
    });

    expect(updated).toMatchObject({
      weekendPricePerNightCents: 12_000,
      weeklyDiscountPercent: 5,
      monthlyDiscountPercent: 15,
    });
  });

  it('refuses a discount above 90 %', async () => {
    const host = await signedIn(deps, 'host');

    const failure = await failureOf(() =>
      host.caller.properties.create(newListing({ monthlyDiscountPercent: 91 })),
    );

    expect(failure).toMatchObject({ code: 'BAD_REQUEST', fieldPaths: ['monthlyDiscountPercent'] });
  });
});
