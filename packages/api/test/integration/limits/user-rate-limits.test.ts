import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/shared/dates.ts';
import { userRateLimits } from '../../../src/domain/shared/user-rate-limits.ts';
import { ManualClock } from '../../../src/infra/clock.ts';
import { failureOf, signedIn, useTestDeps } from '../../../src/testing/index.ts';
import { listing, stay } from '../bookings/helpers.ts';
import { guestWithStay } from '../reviews/helpers.ts';

const clock = new ManualClock('2031-06-20T12:00:00Z');
const testDeps = await useTestDeps({ clock });
/** Every call in this file goes through deps with small budgets: 3 of each kind a minute per user. */
const deps = { ...testDeps, userRateLimits: userRateLimits({ messages: 3, bookings: 3, reviews: 3 }) };

const RATE_LIMITED = { code: 'TOO_MANY_REQUESTS', reason: 'RATE_LIMITED' };

describe('per-user rate limits (SPEC §10)', () => {
  it('refuses a fourth message within the minute with RATE_LIMITED and a retry-after, writing nothing', async () => {
    const { propertyId } = await listing(deps);
    const guest = await signedIn(deps, 'guest');
    const { conversation } = await guest.caller.messages.start({ propertyId, messageBody: 'Hello' });
    await guest.caller.messages.send({ conversationId: conversation.conversationId, messageBody: 'Two' });
    await guest.caller.messages.send({ conversationId: conversation.conversationId, messageBody: 'Three' });

    const failure = await failureOf(() =>
      guest.caller.messages.send({ conversationId: conversation.conversationId, messageBody: 'Four' }),
    );

    expect(failure).toMatchObject(RATE_LIMITED);
    expect(failure.retryAfterMs).toBeGreaterThan(0);
    expect(failure.retryAfterMs).toBeLessThanOrEqual(60_000);
    const messages = await guest.caller.messages.list({ conversationId: conversation.conversationId });
    expect(messages.items).toHaveLength(3);
  });

  it('counts each user on their own: one user at the limit does not slow another', async () => {
    const { propertyId } = await listing(deps);
    const busy = await signedIn(deps, 'guest');
    for (const body of ['a', 'b', 'c']) await busy.caller.messages.start({ propertyId, messageBody: body });
    expect(await failureOf(() => busy.caller.messages.start({ propertyId, messageBody: 'd' }))).toMatchObject(
      RATE_LIMITED,
    );

    const other = await signedIn(deps, 'guest');
    await expect(other.caller.messages.start({ propertyId, messageBody: 'hi' })).resolves.toBeDefined();
  });

  it('refuses a fourth booking within the minute and books nothing', async () => {
    const { propertyId } = await listing(deps);
    const guest = await signedIn(deps, 'guest');
    for (const [start, end] of [
      ['2031-07-01', '2031-07-03'],
      ['2031-07-05', '2031-07-07'],
      ['2031-07-09', '2031-07-11'],
    ] as const) {
      await guest.caller.bookings.create(stay(propertyId, start, end));
    }

    const failure = await failureOf(() =>
      guest.caller.bookings.create(stay(propertyId, '2031-07-20', '2031-07-22')),
    );

    expect(failure).toMatchObject(RATE_LIMITED);
    expect((await guest.caller.bookings.listMine()).items).toHaveLength(3);
  });

  it('gives both kinds of review one budget', async () => {
    const { host, propertyId } = await listing(deps);
    const stays = [];
    for (const [i, startDate] of ['2031-06-10', '2031-06-12', '2031-06-14', '2031-06-16'].entries()) {
      const endDate = addDays(startDate, 2);
      stays.push(await guestWithStay(deps, propertyId, { startDate, endDate }, 'completed', `G${i}`));
    }
    for (const { bookingId } of stays.slice(0, 3)) {
      await host.caller.reviews.createForGuest({ bookingId, rating: 5, comment: 'Tidy.' });
    }
    const last = stays[3];
    if (!last) throw new Error('four stays expected');

    const failure = await failureOf(() =>
      host.caller.reviews.createForGuest({ bookingId: last.bookingId, rating: 5, comment: 'Tidy.' }),
    );

    expect(failure).toMatchObject(RATE_LIMITED);
    // The guest's own budget is untouched by the host's.
    await expect(
      last.guest.caller.reviews.create({ bookingId: last.bookingId, rating: 4, comment: 'Nice.' }),
    ).resolves.toBeDefined();
  });
});
