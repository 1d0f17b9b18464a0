import { describe, expect, it } from 'vitest';
import { sendReviewReminder } from '../../../src/domain/reviews/review-reminder.service.ts';
import { ManualClock } from '../../../src/infra/clock.ts';
import { useTestDeps } from '../../../src/testing/index.ts';
import { guestWithStay, hostReviewsGuest, hostWithListing } from '../reviews/helpers.ts';

const clock = new ManualClock('2031-06-20T12:00:00Z');
const deps = await useTestDeps({ clock });

describe('notifications of review and message events', () => {
  it('gives each side one notification per event: reminder, review, response and messages', async () => {
    const { host, propertyId } = await hostWithListing(deps, { name: 'Harbour studio' });
    const { guest, bookingId } = await guestWithStay(deps, propertyId, {
      startDate: '2031-06-15',
      endDate: '2031-06-19',
    });

    await sendReviewReminder(deps, bookingId);
    clock.advance(60_000);
    // Two-sided reviews (SPEC §10): the host's review waits, hidden, until the guest's publishes both.
    const guestReview = await hostReviewsGuest(host, bookingId, 4, 'Left the place spotless.');
    clock.advance(60_000);
    const review = await guest.caller.reviews.create({ bookingId, rating: 5, comment: 'Wonderful.' });
    clock.advance(60_000);
    await host.caller.reviews.respond({ reviewId: review.reviewId, hostResponse: 'Thank you!' });
    clock.advance(60_000);
    const { conversation } = await guest.caller.messages.start({
      propertyId,
      bookingId,
      messageBody: 'I left my scarf.',
    });
    clock.advance(60_000);
    await host.caller.messages.send({
      conversationId: conversation.conversationId,
      messageBody: 'Found it, posting it today.',
    });

    const forGuest = await guest.caller.notifications.list();
    const forHost = await host.caller.notifications.list();

    expect(forGuest.items.map((item) => [item.type, item.payload])).toEqual([
      [
        'message_received',
        expect.objectContaining({ senderFirstName: 'Hana', preview: 'Found it, posting it today.' }),
      ],
      ['review_response', { reviewId: review.reviewId, propertyId, propertyName: 'Harbour studio' }],
      [
        'guest_review_received',
        {
          guestReviewId: guestReview.guestReviewId,
          bookingId,
          propertyId,
          propertyName: 'Harbour studio',
          rating: 4,
          authorFirstName: 'Hana',
        },
      ],
      ['review_reminder', { bookingId, propertyId, propertyName: 'Harbour studio', reviewBy: '2031-07-03' }],
    ]);
    expect(forHost.items.map((item) => [item.type, item.payload])).toEqual([
      [
        'message_received',
        expect.objectContaining({ senderFirstName: 'Amara', preview: 'I left my scarf.' }),
      ],
      [
        'review_received',
        {
          reviewId: review.reviewId,
          bookingId,
          propertyId,
          propertyName: 'Harbour studio',
          rating: 5,
          authorFirstName: 'Amara',
        },
      ],
    ]);
    expect(await guest.caller.notifications.unreadCount()).toEqual({ count: 4 });
    expect(await host.caller.notifications.unreadCount()).toEqual({ count: 2 });
  });
});
