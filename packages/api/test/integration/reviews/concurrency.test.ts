import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/infra/clock.ts';
import { outcomeOf, useTestDeps } from '../../../src/testing/index.ts';
import {
  consecutiveStays,
  guestWithStay,
  hostReviewsGuest,
  hostWithListing,
  propertyRating,
} from './helpers.ts';

const clock = new ManualClock('2031-06-12T12:00:00Z');
const deps = await useTestDeps({ clock });

describe('reviews.create under concurrency', () => {
  it('leaves rating_avg and review_count exact when ten guests review one listing at once', async () => {
    const { host, propertyId } = await hostWithListing(deps);
    const stays = await Promise.all(
      consecutiveStays('2031-06-01', 10).map((dates, i) =>
        guestWithStay(deps, propertyId, dates, 'completed', `Guest${i}`),
      ),
    );
    // Blind reviews (SPEC §10): the host has reviewed every guest, so each guest review is published as written.
    for (const { bookingId } of stays) await hostReviewsGuest(host, bookingId);
    const ratings = [5, 4, 3, 5, 2, 1, 4, 5, 3, 4];

    const reviews = await Promise.all(
      stays.map(({ guest, bookingId }, i) =>
        guest.caller.reviews.create({ bookingId, rating: ratings[i] ?? 0, comment: `Stay ${i}.` }),
      ),
    );

    expect(reviews).toHaveLength(10);
    expect(await propertyRating(deps, propertyId)).toEqual({ rating_avg: 3.6, review_count: 10 });
    const { rows } = await sql<{ avg: number; count: number }>`
      select round(avg(rating), 2) as avg, count(*) as count from reviews where property_id = ${propertyId}
    `.execute(deps.db);
    expect(rows[0]).toEqual({ avg: 3.6, count: 10 });
  });

  it('accepts exactly one of several simultaneous reviews of one stay; the rest are ALREADY_REVIEWED', async () => {
    const { host, propertyId } = await hostWithListing(deps);
    const [dates] = consecutiveStays('2031-06-01', 1);
    if (!dates) throw new Error('a stay expected');
    const { guest, bookingId } = await guestWithStay(deps, propertyId, dates);
    await hostReviewsGuest(host, bookingId);

    const outcomes = await Promise.all(
      [5, 4, 3, 2, 1].map((rating) =>
        outcomeOf(() => guest.caller.reviews.create({ bookingId, rating, comment: `Try ${rating}.` })),
      ),
    );

    expect(outcomes.filter((outcome) => outcome === 'ok')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome !== 'ok')).toEqual(
      Array.from({ length: 4 }, () => ({
        code: 'CONFLICT',
        reason: 'ALREADY_REVIEWED',
        message: 'this stay has already been reviewed',
        fieldErrors: null,
        fieldPaths: [],
        retryAfterMs: null,
      })),
    );
    expect((await propertyRating(deps, propertyId)).review_count).toBe(1);
  });
});
