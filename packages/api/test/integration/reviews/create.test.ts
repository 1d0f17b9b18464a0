import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/infra/clock.ts';
import { callerFor, failureOf, signedIn, useTestDeps } from '../../../src/testing/index.ts';
import {
  consecutiveStays,
  guestWithStay,
  hostReviewsGuest,
  hostWithListing,
  notificationsOf,
  propertyRating,
} from './helpers.ts';

const clock = new ManualClock('2031-06-20T12:00:00Z');
const deps = await useTestDeps({ clock });

/** Stays that ended in the week before the clock's day: their review windows are open. */
const [stayA, stayB, stayC] = consecutiveStays('2031-06-12', 3, 2);
if (!stayA || !stayB || !stayC) throw new Error('three stays expected');

describe('reviews.create', () => {
  it('lets the guest of a completed stay review it, shown with their first name and avatar only', async () => {
    const { propertyId } = await hostWithListing(deps);
    const { guest, bookingId } = await guestWithStay(deps, propertyId, stayA);

    const review = await guest.caller.reviews.create({ bookingId, rating: 5, comment: '  Lovely light.  ' });

    expect(review).toMatchObject({
      propertyId,
      author: { userId: guest.userId, firstName: 'Amara', avatarUrl: null },
      rating: 5,
      comment: 'Lovely light.',
      hostResponse: null,
      hostRespondedAt: null,
      createdAt: clock.now(),
    });
    expect(JSON.stringify(review)).not.toContain(guest.email);
  });

  it("updates the listing's rating_avg and review_count with each review, to two decimals", async () => {
    const { host, propertyId } = await hostWithListing(deps);
    const stays = await Promise.all(
      [stayA, stayB, stayC].map((stay) => guestWithStay(deps, propertyId, stay)),
    );
    // Blind reviews (SPEC §10): with the host's review of each stay written, each guest review is shown at once.
    for (const { bookingId } of stays) await hostReviewsGuest(host, bookingId);
    expect(await propertyRating(deps, propertyId)).toEqual({ rating_avg: null, review_count: 0 });

    const ratings = [5, 4, 4];
    const seen = [];
    for (const [i, { guest, bookingId }] of stays.entries()) {
      await guest.caller.reviews.create({ bookingId, rating: ratings[i] ?? 0, comment: 'Good stay.' });
      seen.push(await propertyRating(deps, propertyId));
    }

    expect(seen).toEqual([
      { rating_avg: 5, review_count: 1 },
      { rating_avg: 4.5, review_count: 2 },
      { rating_avg: 4.33, review_count: 3 },
    ]);
  });

  it('notifies the host, in the transaction that shows the review', async () => {
    const { host, propertyId } = await hostWithListing(deps);
    const { guest, bookingId } = await guestWithStay(deps, propertyId, stayA);
    await hostReviewsGuest(host, bookingId);

    const review = await guest.caller.reviews.create({ bookingId, rating: 4, comment: 'Nice.' });

    const notifications = await notificationsOf(deps, host.userId);
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({
      type: 'review_received',
      payload: { reviewId: review.reviewId, bookingId, propertyId, rating: 4, authorFirstName: 'Amara' },
      read_at: null,
    });
    // The guest hears of the host's review of them, published in the same transaction.
    expect((await notificationsOf(deps, guest.userId)).map((n) => n.type)).toEqual(['guest_review_received']);
  });

  it('shows the new rating on properties.get at once, even with the listing cached before', async () => {
    const { host, propertyId } = await hostWithListing(deps);
    const { guest, bookingId } = await guestWithStay(deps, propertyId, stayA);
    await hostReviewsGuest(host, bookingId);
    const anonymous = callerFor(deps);
    expect(await anonymous.properties.get({ propertyId })).toMatchObject({ ratingAvg: null, reviewCount: 0 });

    await guest.caller.reviews.create({ bookingId, rating: 3, comment: 'Fine.' });

    expect(await anonymous.properties.get({ propertyId })).toMatchObject({ ratingAvg: 3, reviewCount: 1 });
  });

  it("refreshes the host's public profile stats at once, even with the profile cached before", async () => {
    const { host, propertyId } = await hostWithListing(deps);
    const { guest, bookingId } = await guestWithStay(deps, propertyId, stayA);
    await hostReviewsGuest(host, bookingId);
    const anonymous = callerFor(deps);
    expect((await anonymous.users.profile({ userId: host.userId })).hostStats).toMatchObject({
      reviewCount: 0,
    });

    await guest.caller.reviews.create({ bookingId, rating: 4, comment: 'Good.' });

    expect((await anonymous.users.profile({ userId: host.userId })).hostStats).toMatchObject({
      reviewCount: 1,
      ratingAvg: 4,
    });
  });

  it('answers NOT_FOUND to anyone but the guest: another guest, the host, another host, an admin', async () => {
    const { host, propertyId } = await hostWithListing(deps);
    const { bookingId } = await guestWithStay(deps, propertyId, stayA);
    const outsiders = [
      await signedIn(deps, 'guest'),
      host,
      await signedIn(deps, 'host'),
      await signedIn(deps, 'admin'),
    ];

    for (const outsider of outsiders) {
      const failure = await failureOf(() =>
        outsider.caller.reviews.create({ bookingId, rating: 5, comment: 'Not mine to review.' }),
      );
      expect(failure).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    }
    expect(await propertyRating(deps, propertyId)).toEqual({ rating_avg: null, review_count: 0 });
  });

  it('asks an anonymous caller to sign in, whether or not the booking exists', async () => {
    const { propertyId } = await hostWithListing(deps);
    const { bookingId } = await guestWithStay(deps, propertyId, stayA);
    for (const id of [bookingId, '00000000-0000-4000-8000-000000000000']) {
      const failure = await failureOf(() =>
        callerFor(deps).reviews.create({ bookingId: id, rating: 5, comment: 'Anonymous.' }),
      );
      expect(failure.code).toBe('UNAUTHORIZED');
    }
  });

  it('answers NOT_FOUND for a booking that does not exist', async () => {
    const guest = await signedIn(deps, 'guest');
    const failure = await failureOf(() =>
      guest.caller.reviews.create({
        bookingId: '00000000-0000-4000-8000-000000000000',
        rating: 5,
        comment: 'Ghost stay.',
      }),
    );
    expect(failure.code).toBe('NOT_FOUND');
  });

  it.each(['confirmed', 'canceled'] as const)(
    'refuses a %s booking until it is completed (STAY_NOT_COMPLETED)',
    async (status) => {
      const { propertyId } = await hostWithListing(deps);
      const { guest, bookingId } = await guestWithStay(deps, propertyId, stayA, status);
      const failure = await failureOf(() =>
        guest.caller.reviews.create({ bookingId, rating: 5, comment: 'Too early.' }),
      );
      expect(failure).toMatchObject({ code: 'UNPROCESSABLE_CONTENT', reason: 'STAY_NOT_COMPLETED' });
    },
  );

  it('refuses a second review of the same stay (ALREADY_REVIEWED) and keeps the first', async () => {
    const { host, propertyId } = await hostWithListing(deps);
    const { guest, bookingId } = await guestWithStay(deps, propertyId, stayA);
    await hostReviewsGuest(host, bookingId);
    await guest.caller.reviews.create({ bookingId, rating: 5, comment: 'First.' });

    const failure = await failureOf(() =>
      guest.caller.reviews.create({ bookingId, rating: 1, comment: 'Second thoughts.' }),
    );

    expect(failure).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_REVIEWED' });
    expect(await propertyRating(deps, propertyId)).toEqual({ rating_avg: 5, review_count: 1 });
  });

  it.each([
    [{ rating: 0 }, 'rating'],
    [{ rating: 6 }, 'rating'],
    [{ rating: 3.5 }, 'rating'],
    [{ comment: '   ' }, 'comment'],
    [{ comment: 'x'.repeat(5001) }, 'comment'],
  ])('refuses %o with a validation error on %s', async (change, path) => {
    const { propertyId } = await hostWithListing(deps);
    const { guest, bookingId } = await guestWithStay(deps, propertyId, stayA);
    const failure = await failureOf(() =>
      guest.caller.reviews.create({ bookingId, rating: 5, comment: 'Fine.', ...change }),
    );
    expect(failure).toMatchObject({ code: 'BAD_REQUEST', fieldPaths: [path] });
  });

  it('accepts a comment of exactly 5000 characters', async () => {
    const { propertyId } = await hostWithListing(deps);
    const { guest, bookingId } = await guestWithStay(deps, propertyId, stayA);
    const review = await guest.caller.reviews.create({ bookingId, rating: 5, comment: 'y'.repeat(5000) });
    expect(review.comment).toHaveLength(5000);
  });
});
