import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/infra/clock.ts';
import { failureOf, useTestDeps } from '../../../src/testing/index.ts';
import { guestWithStay, hostWithListing } from './helpers.ts';

const clock = new ManualClock('2031-06-01T00:00:00Z');
const deps = await useTestDeps({ clock });

/**
 * SPEC §4: reviews are accepted within 14 days after the end date, counted on the property's calendar.
 * The place is in Auckland (UTC+12 in June), so its day starts 12 hours before UTC's.
 */
const stay = { startDate: '2031-05-28', endDate: '2031-06-01' };

async function completedStayInAuckland() {
  const { propertyId } = await hostWithListing(deps, { timezone: 'Pacific/Auckland' });
  return guestWithStay(deps, propertyId, stay);
}

describe('reviews.create: the review window', () => {
  it('accepts a review on the end date itself', async () => {
    clock.set('2031-06-01T01:00:00Z'); // 13:00 on 1 June in Auckland
    const { guest, bookingId } = await completedStayInAuckland();
    const review = await guest.caller.reviews.create({ bookingId, rating: 5, comment: 'Just left.' });
    expect(review.rating).toBe(5);
  });

  it("accepts a review late on the 14th day after the end date, the property's local time", async () => {
    clock.set('2031-06-15T11:59:00Z'); // 23:59 on 15 June in Auckland
    const { guest, bookingId } = await completedStayInAuckland();
    const review = await guest.caller.reviews.create({ bookingId, rating: 4, comment: 'Just in time.' });
    expect(review.rating).toBe(4);
  });

  it("refuses a review on the 15th day in the property's time zone, though still the 14th in UTC", async () => {
    clock.set('2031-06-15T12:00:00Z'); // 00:00 on 16 June in Auckland
    const { guest, bookingId } = await completedStayInAuckland();
    const failure = await failureOf(() =>
      guest.caller.reviews.create({ bookingId, rating: 4, comment: 'A minute too late.' }),
    );
    expect(failure).toMatchObject({ code: 'UNPROCESSABLE_CONTENT', reason: 'REVIEW_WINDOW_CLOSED' });
  });

  it('refuses a review weeks after the stay', async () => {
    clock.set('2031-07-20T12:00:00Z');
    const { guest, bookingId } = await completedStayInAuckland();
    const failure = await failureOf(() =>
      guest.caller.reviews.create({ bookingId, rating: 2, comment: 'Forgot about it.' }),
    );
    expect(failure.reason).toBe('REVIEW_WINDOW_CLOSED');
  });
});
