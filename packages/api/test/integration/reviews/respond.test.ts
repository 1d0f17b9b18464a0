import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/infra/clock.ts';
import { callerFor, failureOf, outcomeOf, signedIn, useTestDeps } from '../../../src/testing/index.ts';
import { guestWithStay, hostReviewsGuest, hostWithListing, notificationsOf } from './helpers.ts';

const clock = new ManualClock('2031-06-20T12:00:00Z');
const deps = await useTestDeps({ clock });

async function reviewedListing() {
  const { host, propertyId } = await hostWithListing(deps);
  const { guest, bookingId } = await guestWithStay(deps, propertyId, {
    startDate: '2031-06-14',
    endDate: '2031-06-18',
  });
  // Blind reviews (SPEC §10): a host answers a shown review; the host's own review publishes the guest's.
  await hostReviewsGuest(host, bookingId);
  const review = await guest.caller.reviews.create({ bookingId, rating: 4, comment: 'Good, a bit noisy.' });
  return { host, guest, propertyId, reviewId: review.reviewId };
}

describe('reviews.respond', () => {
  it("lets the listing's host respond, and notifies the review's author", async () => {
    const { host, guest, propertyId, reviewId } = await reviewedListing();
    clock.advance(3_600_000);

    const review = await host.caller.reviews.respond({
      reviewId,
      hostResponse: ' Thanks, we added curtains. ',
    });

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
    await host.caller.reviews.respond({ reviewId, hostResponse: 'First.' });

    const failure = await failureOf(() => host.caller.reviews.respond({ reviewId, hostResponse: 'Second.' }));

    expect(failure).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_RESPONDED' });
    const page = await callerFor(deps).reviews.listForProperty({ propertyId });
    expect(page.items[0]?.hostResponse).toBe('First.');
  });

  it('accepts exactly one of several simultaneous responses', async () => {
    const { host, guest, reviewId } = await reviewedListing();
    const outcomes = await Promise.all(
      ['a', 'b', 'c', 'd'].map((response) =>
        outcomeOf(() => host.caller.reviews.respond({ reviewId, hostResponse: response })),
      ),
    );
    expect(outcomes.filter((outcome) => outcome === 'ok')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome !== 'ok')).toEqual(
      Array.from({ length: 3 }, () => ({
        code: 'CONFLICT',
        reason: 'ALREADY_RESPONDED',
        message: 'this review already has a response',
        fieldErrors: null,
        fieldPaths: [],
        retryAfterMs: null,
      })),
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
        outsider.caller.reviews.respond({ reviewId, hostResponse: 'Hijack.' }),
      );
      expect(failure).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    }
    const page = await callerFor(deps).reviews.listForProperty({ propertyId });
    expect(page.items[0]?.hostResponse).toBeNull();
  });

  it('asks an anonymous caller to sign in', async () => {
    const { reviewId } = await reviewedListing();
    const failure = await failureOf(() => callerFor(deps).reviews.respond({ reviewId, hostResponse: 'Hi.' }));
    expect(failure.code).toBe('UNAUTHORIZED');
  });

  it('answers NOT_FOUND for a review that does not exist', async () => {
    const { host } = await reviewedListing();
    const failure = await failureOf(() =>
      host.caller.reviews.respond({ reviewId: '00000000-0000-4000-8000-000000000000', hostResponse: 'Hi.' }),
    );
    expect(failure.code).toBe('NOT_FOUND');
  });

  it('refuses an empty response', async () => {
    const { host, reviewId } = await reviewedListing();
    const failure = await failureOf(() => host.caller.reviews.respond({ reviewId, hostResponse: '  ' }));
    expect(failure).toMatchObject({ code: 'BAD_REQUEST', fieldPaths: ['hostResponse'] });
  });
});

describe('reviews.respond with the deprecated `response` spelling (SDK 0.1.0)', () => {
  it('still records the answer sent as `response`', async () => {
    const { host, guest, reviewId } = await reviewedListing();

    const review = await host.caller.reviews.respond({ reviewId, response: ' Thanks for staying! ' });

    expect(review).toMatchObject({
      reviewId,
      hostResponse: 'Thanks for staying!',
      hostRespondedAt: clock.now(),
    });
    expect(await notificationsOf(deps, guest.userId, 'review_response')).toHaveLength(1);
  });

  it('refuses an empty answer under the old name, naming that field', async () => {
    const { host, reviewId } = await reviewedListing();
    const failure = await failureOf(() => host.caller.reviews.respond({ reviewId, response: '  ' }));
    expect(failure).toMatchObject({ code: 'BAD_REQUEST', fieldPaths: ['response'] });
  });

  it('refuses both spellings at once with BAD_REQUEST saying why, and records nothing', async () => {
    const { host, propertyId, reviewId } = await reviewedListing();

    const failure = await failureOf(() =>
      host.caller.reviews.respond({ reviewId, hostResponse: 'New name.', response: 'Old name.' }),
    );

    expect(failure).toMatchObject({
      code: 'BAD_REQUEST',
      reason: 'VALIDATION_FAILED',
      fieldErrors: [
        {
          path: 'response',
          message: 'send hostResponse only: response is its deprecated old name, not a second answer',
        },
      ],
    });
    const page = await callerFor(deps).reviews.listForProperty({ propertyId });
    expect(page.items[0]?.hostResponse).toBeNull();
  });

  it('refuses neither spelling with BAD_REQUEST on hostResponse', async () => {
    const { host, reviewId } = await reviewedListing();
    const failure = await failureOf(() => host.caller.reviews.respond({ reviewId }));
    expect(failure).toMatchObject({
      code: 'BAD_REQUEST',
      reason: 'VALIDATION_FAILED',
      fieldErrors: [{ path: 'hostResponse', message: 'hostResponse is required' }],
    });
  });
});
