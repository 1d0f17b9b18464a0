import { inTransaction } from '@stayhub/db';
import type { Viewer } from '../auth/viewer.ts';
import { isUniqueViolation } from '../db-errors.ts';
import type { Deps } from '../deps.ts';
import { ConflictError, NotFoundError, RuleViolationError } from '../errors.ts';
import { notify } from '../notifications/notify.ts';
import { invalidateListing } from '../properties/listing-cache.ts';
import { lockPropertyById } from '../properties/property.queries.ts';
import { canManage, canView } from '../properties/property.rules.ts';
import { todayIn } from '../shared/dates.ts';
import { keysetPage, readKeysetCursor } from '../shared/keyset-cursor.ts';
import { forgetPublicProfile } from '../users/profile.service.ts';
import type { CreateReviewInput, ListReviewsInput, RespondToReviewInput } from './review.commands.ts';
import {
  findBookingForReview,
  findPropertyAccess,
  hasReview,
  insertReview,
  listReviewRows,
  lockReviewForResponse,
  readReviewRow,
  recomputePropertyRating,
  setHostResponse,
} from './review.queries.ts';
import { isReviewWindowOpen, lastReviewDay } from './review.rules.ts';
import { type ReviewList, type ReviewView, toReviewView } from './review.views.ts';

const alreadyReviewed = () => new ConflictError('ALREADY_REVIEWED', 'this stay has already been reviewed');

/**
 * SPEC §4 Reviews: the guest of a completed booking reviews it once, within 14 days after its end date (the
 * property's calendar). Anyone else, admins included, gets NOT_FOUND. The review, the listing's
 * rating_avg/review_count and the host's notification commit together; the listing's cached views and the
 * host's public profile (whose stats count reviews) are retired after the commit.
 *
 * Two reviews of one listing serialize on its row lock, so each recomputes the aggregates with the other's
 * review in view: concurrent reviews leave them exact. Two reviews of one booking: the second finds the first
 * once it has the lock (ALREADY_REVIEWED); reviews_booking_id_key is the last line of defence.
 */
export async function createReview(
  deps: Deps,
  viewer: Viewer,
  input: CreateReviewInput,
): Promise<ReviewView> {
  const now = deps.clock.now();
  const created = await inTransaction(deps.db, async (trx) => {
    const booking = await findBookingForReview(trx, input.bookingId);
    if (!booking || booking.user_id !== viewer.userId) throw new NotFoundError('booking');
    if (booking.status !== 'completed') {
      throw new RuleViolationError('STAY_NOT_COMPLETED', 'a stay can be reviewed once it is completed');
    }
    if (!isReviewWindowOpen(booking.end_date, todayIn(booking.timezone, now))) {
      throw new RuleViolationError(
        'REVIEW_WINDOW_CLOSED',
        `reviews of this stay closed after ${lastReviewDay(booking.end_date)}`,
      );
    }
    await lockPropertyById(trx, booking.property_id);
    if (await hasReview(trx, booking.booking_id)) throw alreadyReviewed();
    const { review_id } = await insertReview(trx, {
      bookingId: booking.booking_id,
      propertyId: booking.property_id,
      authorId: viewer.userId,
      rating: input.rating,
      comment: input.comment,
      createdAt: now,
    });
    await recomputePropertyRating(trx, booking.property_id);
    const review = toReviewView(await readReviewRow(trx, review_id));
    await notify(trx, deps, {
      userId: booking.host_id,
      type: 'review_received',
      payload: {
        reviewId: review_id,
        bookingId: booking.booking_id,
        propertyId: booking.property_id,
        propertyName: booking.property_name,
        rating: input.rating,
        authorFirstName: review.author.firstName,
      },
    });
    await invalidateListing(trx, deps, booking.property_id);
    await forgetPublicProfile(trx, deps, booking.host_id);
    return review;
  }).catch((error: unknown) => {
    throw isUniqueViolation(error, 'reviews_booking_id_key') ? alreadyReviewed() : error;
  });
  return created;
}

/**
 * A listing's reviews, newest first, keyset-paged; for whoever may see the listing (listed: anyone;
 * otherwise its host and admins; everyone else NOT_FOUND, SPEC §4).
 */
export async function listPropertyReviews(
  deps: Deps,
  viewer: Viewer | null,
  input: ListReviewsInput,
): Promise<ReviewList> {
  const property = await findPropertyAccess(deps.db, input.propertyId);
  if (!property || !canView(property.status, canManage(viewer, property.host_id))) {
    throw new NotFoundError('property');
  }
  const rows = await listReviewRows(deps.db, {
    propertyId: input.propertyId,
    after: readKeysetCursor(input.cursor),
    limit: input.limit + 1,
  });
  const { page, nextCursor } = keysetPage(rows, input.limit, (row) => ({
    at: row.position_key,
    id: row.review_id,
  }));
  return { items: page.map(toReviewView), nextCursor };
}

/**
 * The listing's host responds to a review, once (ALREADY_RESPONDED); anyone else gets NOT_FOUND. The author
 * is notified in the same transaction. Neither a listing's cached views nor public profiles show responses,
 * so there is nothing to invalidate.
 */
export async function respondToReview(
  deps: Deps,
  viewer: Viewer,
  input: RespondToReviewInput,
): Promise<ReviewView> {
  const now = deps.clock.now();
  return inTransaction(deps.db, async (trx) => {
    const review = await lockReviewForResponse(trx, input.reviewId);
    if (!review || review.host_id !== viewer.userId) throw new NotFoundError('review');
    const responded =
      review.host_response === null && (await setHostResponse(trx, review.review_id, input.response, now));
    if (!responded) throw new ConflictError('ALREADY_RESPONDED', 'this review already has a response');
    await notify(trx, deps, {
      userId: review.user_id,
      type: 'review_response',
      payload: {
        reviewId: review.review_id,
        propertyId: review.property_id,
        propertyName: review.property_name,
      },
    });
    return toReviewView(await readReviewRow(trx, review.review_id));
  });
}
