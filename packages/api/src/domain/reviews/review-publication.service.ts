import { type Executor, inTransaction } from '@stayhub/db';
import { enqueue } from '../../jobs/enqueue.ts';
import type { Deps } from '../deps.ts';
import { notify } from '../notifications/notify.ts';
import { invalidateListing } from '../properties/listing-cache.ts';
import { lockPropertyById } from '../properties/property.queries.ts';
import { todayIn } from '../shared/dates.ts';
import { forgetPublicProfile } from '../users/profile.service.ts';
import { lockUserById } from '../users/user.queries.ts';
import {
  type BookingForReview,
  findBookingForReview,
  findStayReviews,
  publishGuestReview,
  publishReview,
  readGuestReviewRow,
  readReviewRow,
  recomputeGuestRating,
  recomputePropertyRating,
} from './review.queries.ts';
import {
  isReviewWindowOpen,
  mayPublishReviews,
  reviewPublicationJobKey,
  reviewWindowClosesAt,
} from './review.rules.ts';

/**
 * Queues the publication of a stay's reviews for the instant its review window closes, on the caller's
 * transaction (the one that writes a first review). The job key keeps one per booking.
 */
export async function schedulePublication(executor: Executor, stay: BookingForReview): Promise<void> {
  await enqueue(
    executor,
    'publish_stay_reviews',
    { bookingId: stay.booking_id },
    {
      runAt: reviewWindowClosesAt(stay.end_date, stay.timezone),
      jobKey: reviewPublicationJobKey(stay.booking_id),
    },
  );
}

/**
 * SPEC §10 blind reviews: publishes the stay's unpublished reviews when both exist or the window has closed,
 * and in the same transaction moves what they count toward (the listing's rating_avg/review_count, the
 * guest's rating) and tells each party about the review of them. Does nothing otherwise, or when everything
 * is already published, so the job and both writers may all call it.
 *
 * The caller holds the listing's row lock (lockPropertyById), taken before it looked for the stay's reviews:
 * both reviews of a stay serialize there, so the second writer always sees the first. Returns whether
 * anything was published.
 */
export async function publishStayReviewsLocked(
  trx: Executor,
  deps: Deps,
  stay: BookingForReview,
): Promise<boolean> {
  const now = deps.clock.now();
  const { review, guestReview } = await findStayReviews(trx, stay.booking_id);
  const windowOpen = isReviewWindowOpen(stay.end_date, todayIn(stay.timezone, now));
  if (
    !mayPublishReviews(
      { guestReview: review !== undefined, hostReview: guestReview !== undefined },
      windowOpen,
    )
  ) {
    return false;
  }
  let published = false;
  if (review && review.published_at === null) {
    await publishReview(trx, review.review_id, now);
    await recomputePropertyRating(trx, stay.property_id);
    const row = await readReviewRow(trx, review.review_id);
    await notify(trx, deps, {
      userId: stay.host_id,
      type: 'review_received',
      payload: {
        reviewId: row.review_id,
        bookingId: stay.booking_id,
        propertyId: stay.property_id,
        propertyName: stay.property_name,
        rating: row.rating,
        authorFirstName: row.author_first_name,
      },
    });
    await invalidateListing(trx, deps, stay.property_id);
    await forgetPublicProfile(trx, deps, stay.host_id);
    published = true;
  }
  if (guestReview && guestReview.published_at === null) {
    await publishGuestReview(trx, guestReview.guest_review_id, now);
    await lockUserById(trx, stay.user_id);
    await recomputeGuestRating(trx, stay.user_id);
    const row = await readGuestReviewRow(trx, guestReview.guest_review_id);
    await notify(trx, deps, {
      userId: stay.user_id,
      type: 'guest_review_received',
      payload: {
        guestReviewId: row.guest_review_id,
        bookingId: stay.booking_id,
        propertyId: stay.property_id,
        propertyName: stay.property_name,
        rating: row.rating,
        authorFirstName: row.author_first_name,
      },
    });
    await forgetPublicProfile(trx, deps, stay.user_id);
    published = true;
  }
  return published;
}

/**
 * The `publish_stay_reviews` job, due when the stay's review window closes: publishes whatever review of
 * the stay is still hidden. Idempotent: a retry, or a run after both reviews were already published,
 * finds nothing to do.
 */
export async function publishStayReviews(deps: Deps, bookingId: string): Promise<void> {
  const outcome = await inTransaction(deps.db, async (trx) => {
    const stay = await findBookingForReview(trx, bookingId);
    if (!stay) return 'booking not found';
    await lockPropertyById(trx, stay.property_id);
    return (await publishStayReviewsLocked(trx, deps, stay)) ? 'published' : 'nothing to publish';
  });
  deps.logger.info({ bookingId, outcome }, 'review publication');
}
