import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/infra/clock.ts';
import { callerFor, failureOf, queuedJobs, signedIn, useTestDeps } from '../../../src/testing/index.ts';
import {
  guestWithStay,
  hostReviewsGuest,
  hostWithListing,
  notificationsOf,
  propertyRating,
  runJobsDueBy,
} from './helpers.ts';

const START = '2031-06-20T12:00:00Z';
const clock = new ManualClock(START);
const deps = await useTestDeps({ clock });
afterEach(() => clock.set(START));

/** Ended two days before the clock's day (Europe/Lisbon): the window's last day is 2031-07-02. */
const stay = { startDate: '2031-06-15', endDate: '2031-06-18' };
/** Midnight starting 2031-07-03 in Lisbon (UTC+1 in summer): the window has closed. */
const WINDOW_CLOSED_AT = '2031-07-02T23:00:00Z';

async function completedStay() {
  const { host, propertyId } = await hostWithListing(deps);
  const { guest, bookingId } = await guestWithStay(deps, propertyId, stay);
  return { host, guest, propertyId, bookingId };
}

const publicationJobs = async (bookingId: string) =>
  (await queuedJobs(deps, 'publish_stay_reviews')).filter(
    (job) => JSON.stringify(job.payload) === JSON.stringify({ bookingId }),
  );

const guestStats = async (userId: string) => (await callerFor(deps).users.profile({ userId })).guestStats;

describe('two-sided blind reviews (SPEC §10)', () => {
  it("keeps a guest's review hidden from the host, the listing and its aggregates while the host has not reviewed", async () => {
    const { host, guest, propertyId, bookingId } = await completedStay();
    const anonymous = callerFor(deps);
    await anonymous.properties.get({ propertyId });

    const review = await guest.caller.reviews.create({ bookingId, rating: 2, comment: 'Noisy street.' });

    expect(review.publishedAt).toBeNull();
    expect((await host.caller.reviews.listForProperty({ propertyId })).items).toEqual([]);
    expect((await anonymous.reviews.listForProperty({ propertyId })).items).toEqual([]);
    expect(await propertyRating(deps, propertyId)).toEqual({ rating_avg: null, review_count: 0 });
    expect(await anonymous.properties.get({ propertyId })).toMatchObject({ ratingAvg: null, reviewCount: 0 });
    expect((await anonymous.users.profile({ userId: host.userId })).hostStats).toMatchObject({
      reviewCount: 0,
    });
    expect(await notificationsOf(deps, host.userId, 'review_received')).toEqual([]);
    const failure = await failureOf(() =>
      host.caller.reviews.respond({ reviewId: review.reviewId, hostResponse: 'Sorry!' }),
    );
    expect(failure.code).toBe('NOT_FOUND');
  });

  it("keeps a host's review hidden from the guest and out of the guest's rating while the guest has not reviewed", async () => {
    const { host, guest, bookingId } = await completedStay();

    const review = await hostReviewsGuest(host, bookingId, 1, 'Left a mess.');

    expect(review).toMatchObject({ guestId: guest.userId, rating: 1, publishedAt: null });
    expect(await guestStats(guest.userId)).toEqual({ reviewCount: 0, ratingAvg: null });
    expect(await notificationsOf(deps, guest.userId, 'guest_review_received')).toEqual([]);
  });

  it('shows both reviews at once, aggregates included, when the second side writes', async () => {
    const { host, guest, propertyId, bookingId } = await completedStay();
    const anonymous = callerFor(deps);
    await hostReviewsGuest(host, bookingId, 4, 'Quiet and tidy.');
    await anonymous.properties.get({ propertyId });
    await guestStats(guest.userId);
    clock.advance(60_000);

    const review = await guest.caller.reviews.create({ bookingId, rating: 5, comment: 'Perfect.' });

    expect(review.publishedAt).toEqual(clock.now());
    const published = await deps.db
      .selectFrom('guest_reviews')
      .select('published_at')
      .where('booking_id', '=', bookingId)
      .executeTakeFirstOrThrow();
    expect(published.published_at).toEqual(clock.now());
    expect((await anonymous.reviews.listForProperty({ propertyId })).items).toMatchObject([
      { reviewId: review.reviewId, rating: 5, publishedAt: clock.now() },
    ]);
    expect(await anonymous.properties.get({ propertyId })).toMatchObject({ ratingAvg: 5, reviewCount: 1 });
    expect(await guestStats(guest.userId)).toEqual({ reviewCount: 1, ratingAvg: 4 });
    expect(await notificationsOf(deps, host.userId, 'review_received')).toHaveLength(1);
    expect(await notificationsOf(deps, guest.userId, 'guest_review_received')).toMatchObject([
      { payload: { bookingId, propertyId, rating: 4, authorFirstName: 'Hana' } },
    ]);
  });

  it('publishes both when host and guest write at the same moment', async () => {
    const { host, guest, propertyId, bookingId } = await completedStay();

    await Promise.all([
      hostReviewsGuest(host, bookingId, 3),
      guest.caller.reviews.create({ bookingId, rating: 4, comment: 'Nice.' }),
    ]);

    expect(await propertyRating(deps, propertyId)).toEqual({ rating_avg: 4, review_count: 1 });
    expect(await guestStats(guest.userId)).toEqual({ reviewCount: 1, ratingAvg: 3 });
  });

  it('publishes a lone guest review with the job when the window closes, and not a moment before', async () => {
    const { host, guest, propertyId, bookingId } = await completedStay();
    const review = await guest.caller.reviews.create({ bookingId, rating: 3, comment: 'Fine.' });
    await callerFor(deps).properties.get({ propertyId });
    expect(await publicationJobs(bookingId)).toMatchObject([
      { payload: { bookingId }, runAt: new Date(WINDOW_CLOSED_AT) },
    ]);

    clock.set('2031-07-02T22:59:00Z');
    await runJobsDueBy(deps, clock);
    expect(await propertyRating(deps, propertyId)).toEqual({ rating_avg: null, review_count: 0 });
    expect((await callerFor(deps).reviews.listForProperty({ propertyId })).items).toEqual([]);

    clock.set(WINDOW_CLOSED_AT);
    await runJobsDueBy(deps, clock);

    expect(await propertyRating(deps, propertyId)).toEqual({ rating_avg: 3, review_count: 1 });
    expect(await callerFor(deps).properties.get({ propertyId })).toMatchObject({
      ratingAvg: 3,
      reviewCount: 1,
    });
    expect((await callerFor(deps).reviews.listForProperty({ propertyId })).items).toMatchObject([
      { reviewId: review.reviewId, publishedAt: new Date(WINDOW_CLOSED_AT) },
    ]);
    expect(await notificationsOf(deps, host.userId, 'review_received')).toHaveLength(1);
    expect(await publicationJobs(bookingId)).toEqual([]);
  });

  it("publishes a lone host review with the job when the window closes, and moves the guest's rating then", async () => {
    const { host, guest, bookingId } = await completedStay();
    await hostReviewsGuest(host, bookingId, 2, 'Late and loud.');
    await guestStats(guest.userId);

    clock.set(WINDOW_CLOSED_AT);
    await runJobsDueBy(deps, clock);

    expect(await guestStats(guest.userId)).toEqual({ reviewCount: 1, ratingAvg: 2 });
    expect(await notificationsOf(deps, guest.userId, 'guest_review_received')).toHaveLength(1);
  });

  it('does nothing when the publication job runs again after the reviews were published', async () => {
    const { host, guest, propertyId, bookingId } = await completedStay();
    await hostReviewsGuest(host, bookingId, 5);
    await guest.caller.reviews.create({ bookingId, rating: 4, comment: 'Lovely.' });
    const before = await notificationsOf(deps, host.userId);

    clock.set(WINDOW_CLOSED_AT);
    await runJobsDueBy(deps, clock);

    expect(await notificationsOf(deps, host.userId)).toEqual(before);
    expect(await propertyRating(deps, propertyId)).toEqual({ rating_avg: 4, review_count: 1 });
  });
});

describe('reviews.createForGuest', () => {
  it('answers NOT_FOUND to anyone but the listing host: the guest, another host, an admin', async () => {
    const { guest, bookingId } = await completedStay();
    for (const outsider of [guest, await signedIn(deps, 'host'), await signedIn(deps, 'admin')]) {
      const failure = await failureOf(() =>
        outsider.caller.reviews.createForGuest({ bookingId, rating: 5, comment: 'Not mine.' }),
      );
      expect(failure).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    }
  });

  it('refuses a stay that is not completed (STAY_NOT_COMPLETED)', async () => {
    const { host, propertyId } = await hostWithListing(deps);
    const { bookingId } = await guestWithStay(deps, propertyId, stay, 'confirmed');
    const failure = await failureOf(() =>
      host.caller.reviews.createForGuest({ bookingId, rating: 5, comment: 'Too early.' }),
    );
    expect(failure).toMatchObject({ code: 'UNPROCESSABLE_CONTENT', reason: 'STAY_NOT_COMPLETED' });
  });

  it('refuses once the window has closed (REVIEW_WINDOW_CLOSED)', async () => {
    const { host, bookingId } = await completedStay();
    clock.set(WINDOW_CLOSED_AT);
    const failure = await failureOf(() =>
      host.caller.reviews.createForGuest({ bookingId, rating: 5, comment: 'Too late.' }),
    );
    expect(failure).toMatchObject({ code: 'UNPROCESSABLE_CONTENT', reason: 'REVIEW_WINDOW_CLOSED' });
  });

  it('refuses a second review of the same guest for the same stay (ALREADY_REVIEWED)', async () => {
    const { host, bookingId } = await completedStay();
    await hostReviewsGuest(host, bookingId);
    const failure = await failureOf(() => hostReviewsGuest(host, bookingId, 1));
    expect(failure).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_REVIEWED' });
  });
});
