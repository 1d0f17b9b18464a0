import { inTransaction } from '@stayhub/db';
import type { Viewer } from '../auth/viewer.ts';
import { isUniqueViolation } from '../db-errors.ts';
import type { Deps } from '../deps.ts';
import { ConflictError, NotFoundError, RuleViolationError } from '../errors.ts';
import { notify } from '../notifications/notify.ts';
import { lockPropertyById } from '../properties/property.queries.ts';
import { canManage, canView } from '../properties/property.rules.ts';
import { todayIn } from '../shared/dates.ts';
import { keysetPage, readKeysetCursor } from '../shared/keyset-cursor.ts';
import { enforceUserRateLimit } from '../shared/user-rate-limits.ts';
import type { CreateReviewInput, ListReviewsInput, RespondToReviewInput } from './review.commands.ts';
import {
  type BookingForReview,
  findBookingForReview,
  findPropertyAccess,
  hasReview,
  insertReview,
  listReviewRows,
  lockReviewForResponse,
  readReviewRow,
  setHostResponse,
} from './review.queries.ts';
import { isReviewWindowOpen, lastReviewDay } from './review.rules.ts';
import { type ReviewList, type ReviewView, toReviewView } from './review.views.ts';
import { publishStayReviewsLocked, schedulePublication } from './review-publication.service.ts';

export const alreadyReviewed = () =>
  new ConflictError('ALREADY_REVIEWED', 'this stay has already been reviewed');

/** A stay may be reviewed (either way) once completed, until its window closes (SPEC §4, §10). */
export function assertReviewable(booking: BookingForReview, now: Date): void {
  if (booking.status !== 'completed') {
    throw new RuleViolationError('STAY_NOT_COMPLETED', 'a stay can be reviewed once it is completed');
  }
  if (!isReviewWindowOpen(booking.end_date, todayIn(booking.timezone, now))) {
    throw new RuleViolationError(
      'REVIEW_WINDOW_CLOSED',
      `reviews of this stay closed after ${lastReviewDay(booking.end_date)}`,
    );
  }
}

/**
 * SPEC §4 Reviews: the guest of a completed booking reviews it once, within 14 days after its end date (the
 * property's calendar). Anyone else, admins included, gets NOT_FOUND. SPEC §10: the review is blind — it
 * is shown (and counts toward the listing's rating_avg/review_count, and the host hears of it) once the
 * host has reviewed the guest too or the window closes; the publication job for that instant is queued with
 * the review. Publication moves the aggregates in its own transaction (review-publication.service.ts).
 *
 * Both reviews of a stay, and two reviews of one listing, serialize on the listing's row lock, so each sees
 * the other's review: concurrent reviews leave the aggregates exact and never both wait for the other.
 * Two reviews of one booking: the second finds the first once it has the lock (ALREADY_REVIEWED);
 * reviews_booking_id_key is the last line of defence.
 */
export async function createReview(
  deps: Deps,
  viewer: Viewer,
  input: CreateReviewInput,
): Promise<ReviewView> {
  await enforceUserRateLimit(deps, 'reviews', viewer.userId);
  const now = deps.clock.now();
  const created = await inTransaction(deps.db, async (trx) => {
    const booking = await findBookingForReview(trx, input.bookingId);
    if (!booking || booking.user_id !== viewer.userId) throw new NotFoundError('booking');
    assertReviewable(booking, now);
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
    await schedulePublication(trx, booking);
    await publishStayReviewsLocked(trx, deps, booking);
    return toReviewView(await readReviewRow(trx, review_id));
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
