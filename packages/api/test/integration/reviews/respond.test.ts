import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/infra/clock.ts';
import { useTestDeps } from '../../../src/testing/index.ts';
import {
  callerFor,
  failureOf,
  guestWithStay,
  hostWithListing,
  notificationsOf,
  outcomeOf,
  signedIn,
} from './helpers.ts';

const clock = new ManualClock('2031-06-20T12:00:00Z');
const deps = await useTestDeps({ clock });

async function reviewedListing() {
  const { host, propertyId } = await hostWithListing(deps);
  const { guest, bookingId } = await guestWithStay(deps, propertyId, {
    startDate: '2031-06-14',
    endDate: '2031-06-18',
  });
  const review = await guest.caller.reviews.create({ bookingId, rating: 4, comment: 'Good, a bit noisy.' });
  return { host, guest, propertyId, reviewId: review.reviewId };
}

describe('reviews.respond', () => {
  it("lets the listing's host respond, and notifies the review's author", async () => {
    const { host, guest, propertyId, reviewId } = await reviewedListing();
    clock.advance(3_600_000);

    const review = await host.caller.reviews.respond({ reviewId, response: ' Thanks, we added curtains. ' });

    expect(review).toMatchObject({
      reviewId,
      hostResponse: 'Thanks, we added curtains.',
      hostRespondedAt: clock.now(),
    });
    const notifications = await notificationsOf(deps, guest.userId, 'review_response');
    expect(notifications).toHaveLength(1);
    expect(notifications[0]?.payload).toMatchObject({ reviewId, propertyId });
  });

  it('accepts one response only (ALREADY_RESPONDED) and keeps the first', async () => {
    const { host, propertyId, reviewId } = await reviewedListing();
    await host.caller.reviews.respond({ reviewId, response: 'First.' });

    const failure = await failureOf(() => host.caller.reviews.respond({ reviewId, response: 'Second.' }));

    expect(failure).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_RESPONDED' });
    const page = await callerFor(deps).reviews.listForProperty({ propertyId });
    expect(page.items[0]?.hostResponse).toBe('First.');
  });

  it('accepts exactly one of several simultaneous responses', async () => {
    const { host, guest, reviewId } = await reviewedListing();
    const outcomes = await Promise.all(
      ['a', 'b', 'c', 'd'].map((response) =>
        outcomeOf(() => host.caller.reviews.respond({ reviewId, response })),
      ),
    );
    expect(outcomes.filter((outcome) => outcome === 'ok')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome !== 'ok')).toEqual(
      Array.from({ length: 3 }, () => ({ code: 'CONFLICT', reason: 'ALREADY_RESPONDED', fieldPaths: [] })),
    );
    expect(await notificationsOf(deps, guest.userId, 'review_response')).toHaveLength(1);
  });

  it('answers NOT_FOUND to anyone but the host: the author, another host, another guest, an admin', async () => {
    const { guest, propertyId, reviewId } = await reviewedListing();
    const outsiders = [
      guest,
      await signedIn(deps, 'host'),
      await signedIn(deps, 'guest'),
      await signedIn(deps, 'admin'),
    ];
    for (const outsider of outsiders) {
      const failure = await failureOf(() =>
        outsider.caller.reviews.respond({ reviewId, response: 'Hijack.' }),
      );
      expect(failure).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    }
    const page = await callerFor(deps).reviews.listForProperty({ propertyId });
    expect(page.items[0]?.hostResponse).toBeNull();
  });

  it('asks an anonymous caller to sign in', async () => {
    const { reviewId } = await reviewedListing();
    const failure = await failureOf(() => callerFor(deps).reviews.respond({ reviewId, response: 'Hi.' }));
    expect(failure.code).toBe('UNAUTHORIZED');
  });

  it('answers NOT_FOUND for a review that does not exist', async () => {
    const { host } = await reviewedListing();
    const failure = await failureOf(() =>
      host.caller.reviews.respond({ reviewId: '00000000-0000-4000-8000-000000000000', response: 'Hi.' }),
    );
    expect(failure.code).toBe('NOT_FOUND');
  });

  it('refuses an empty response', async () => {
    const { host, reviewId } = await reviewedListing();
    const failure = await failureOf(() => host.caller.reviews.respond({ reviewId, response: '  ' }));
    expect(failure).toMatchObject({ code: 'BAD_REQUEST', fieldPaths: ['response'] });
  });
});
