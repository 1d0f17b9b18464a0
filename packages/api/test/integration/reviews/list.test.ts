import type { PropertyStatus } from '@stayhub/db';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/infra/clock.ts';
import { type Caller, callerFor, failureOf, signedIn, useTestDeps } from '../../../src/testing/index.ts';
import { consecutiveStays, guestWithStay, hostReviewsGuest, hostWithListing } from './helpers.ts';

const clock = new ManualClock('2031-06-20T12:00:00Z');
const deps = await useTestDeps({ clock });

/** A listing with `count` reviews written a minute apart (or all at once), oldest first. */
async function listingWithReviews(count: number, options: { status?: PropertyStatus; apart?: boolean } = {}) {
  const { host, propertyId } = await hostWithListing(deps);
  const reviewIds: string[] = [];
  for (const [i, dates] of consecutiveStays('2031-06-10', count).entries()) {
    const { guest, bookingId } = await guestWithStay(deps, propertyId, dates, 'completed', `Guest${i}`);
    // Blind reviews (SPEC §10): the host's review first, so the guest's is shown as soon as it is written.
    await hostReviewsGuest(host, bookingId);
    if (options.apart !== false) clock.advance(60_000);
    const review = await guest.caller.reviews.create({
      bookingId,
      rating: 1 + (i % 5),
      comment: `Review ${i}`,
    });
    reviewIds.push(review.reviewId);
  }
  if (options.status) {
    await deps.db
      .updateTable('properties')
      .set({ status: options.status })
      .where('property_id', '=', propertyId)
      .execute();
  }
  return { host, propertyId, reviewIds };
}

async function allPages(caller: Caller, propertyId: string, limit: number) {
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const page = await caller.reviews.listForProperty({ propertyId, cursor, limit });
    pages.push(page.items.map((item) => item.reviewId));
    cursor = page.nextCursor;
  } while (cursor !== null);
  return pages;
}

describe('reviews.listForProperty', () => {
  it("lists a listing's reviews newest first, with each author's first name and avatar, to anyone", async () => {
    const { propertyId, reviewIds } = await listingWithReviews(3);

    const page = await callerFor(deps).reviews.listForProperty({ propertyId });

    expect(page.items.map((item) => item.reviewId)).toEqual([...reviewIds].reverse());
    expect(page.items[0]).toMatchObject({
      author: { firstName: 'Guest2', avatarUrl: null },
      rating: 3,
      comment: 'Review 2',
      hostResponse: null,
    });
    expect(page.nextCursor).toBeNull();
    expect(JSON.stringify(page)).not.toMatch(/@example\.test/);
  });

  it('shows the host response with its time', async () => {
    const { host, propertyId, reviewIds } = await listingWithReviews(1);
    const [reviewId] = reviewIds;
    if (!reviewId) throw new Error('a review expected');
    await host.caller.reviews.respond({ reviewId, hostResponse: 'Thank you!' });

    const page = await callerFor(deps).reviews.listForProperty({ propertyId });

    expect(page.items[0]).toMatchObject({ hostResponse: 'Thank you!', hostRespondedAt: clock.now() });
  });

  it('pages through every review exactly once with the cursor', async () => {
    const { propertyId, reviewIds } = await listingWithReviews(5);
    const pages = await allPages(callerFor(deps), propertyId, 2);
    expect(pages).toEqual([[reviewIds[4], reviewIds[3]], [reviewIds[2], reviewIds[1]], [reviewIds[0]]]);
  });

  it('pages exactly once through reviews written at the same instant', async () => {
    const { propertyId, reviewIds } = await listingWithReviews(5, { apart: false });
    const pages = await allPages(callerFor(deps), propertyId, 2);
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
    expect(pages.flat().sort()).toEqual([...reviewIds].sort());
  });

  it('refuses a cursor that no page returned', async () => {
    const { propertyId } = await listingWithReviews(1);
    const failure = await failureOf(() =>
      callerFor(deps).reviews.listForProperty({ propertyId, cursor: 'bm90LWEtY3Vyc29y' }),
    );
    expect(failure).toMatchObject({ code: 'BAD_REQUEST', reason: 'INVALID_CURSOR', fieldPaths: ['cursor'] });
  });

  it.each(['unlisted', 'suspended'] as const)(
    'shows the reviews of a %s listing only to its host and admins; anyone else gets NOT_FOUND',
    async (status) => {
      const { host, propertyId, reviewIds } = await listingWithReviews(1, { status });
      const admin = await signedIn(deps, 'admin');
      for (const caller of [host.caller, admin.caller]) {
        const page = await caller.reviews.listForProperty({ propertyId });
        expect(page.items.map((item) => item.reviewId)).toEqual(reviewIds);
      }
      const outsiders = [
        callerFor(deps),
        (await signedIn(deps, 'guest')).caller,
        (await signedIn(deps, 'host')).caller,
      ];
      for (const caller of outsiders) {
        expect((await failureOf(() => caller.reviews.listForProperty({ propertyId }))).code).toBe(
          'NOT_FOUND',
        );
      }
    },
  );

  it('answers NOT_FOUND for a listing that does not exist', async () => {
    const failure = await failureOf(() =>
      callerFor(deps).reviews.listForProperty({ propertyId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(failure.code).toBe('NOT_FOUND');
  });
});
