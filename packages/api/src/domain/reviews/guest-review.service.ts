import { inTransaction } from '@stayhub/db';
import type { Viewer } from '../auth/viewer.ts';
import { isUniqueViolation } from '../db-errors.ts';
import type { Deps } from '../deps.ts';
import { NotFoundError } from '../errors.ts';
import { lockPropertyById } from '../properties/property.queries.ts';
import { enforceUserRateLimit } from '../shared/user-rate-limits.ts';
import type { CreateGuestReviewInput } from './review.commands.ts';
import {
  findBookingForReview,
  hasGuestReview,
  insertGuestReview,
  readGuestReviewRow,
} from './review.queries.ts';
import { alreadyReviewed, assertReviewable } from './review.service.ts';
import { type GuestReviewView, toGuestReviewView } from './review.views.ts';
import { publishStayReviewsLocked, schedulePublication } from './review-publication.service.ts';

/**
 * `reviews.createForGuest` (SPEC §10): the listing's host reviews the guest of a completed stay, once,
 * within the same 14-day window as the guest's review. Anyone else, admins included, gets NOT_FOUND. The
 * review is blind like the guest's: shown, and counted in the guest's rating, once both exist or the window
 * closes. It takes the listing's row lock first, as reviews.create does, so the second review of a stay
 * always sees the first and publishes both.
 */
export async function createGuestReview(
  deps: Deps,
  viewer: Viewer,
  input: CreateGuestReviewInput,
): Promise<GuestReviewView> {
  await enforceUserRateLimit(deps, 'reviews', viewer.userId);
  const now = deps.clock.now();
  return inTransaction(deps.db, async (trx) => {
    const booking = await findBookingForReview(trx, input.bookingId);
    if (!booking || booking.host_id !== viewer.userId) throw new NotFoundError('booking');
    assertReviewable(booking, now);
    await lockPropertyById(trx, booking.property_id);
    if (await hasGuestReview(trx, booking.booking_id)) throw alreadyReviewed();
    const { guest_review_id } = await insertGuestReview(trx, {
      bookingId: booking.booking_id,
      propertyId: booking.property_id,
      guestId: booking.user_id,
      authorId: viewer.userId,
      rating: input.rating,
      comment: input.comment,
      createdAt: now,
    });
    await schedulePublication(trx, booking);
    await publishStayReviewsLocked(trx, deps, booking);
    return toGuestReviewView(await readGuestReviewRow(trx, guest_review_id));
  }).catch((error: unknown) => {
    throw isUniqueViolation(error, 'guest_reviews_booking_id_key') ? alreadyReviewed() : error;
  });
}
