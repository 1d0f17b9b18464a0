import type { Deps } from '../../../src/domain/deps.ts';
import { addDays } from '../../../src/domain/shared/dates.ts';
import { createBooking, createProperty, signedIn } from '../../../src/testing/index.ts';

/** Shared by the reviews, messages and notifications integration tests. */

/** A signed-in host and one listed place of theirs. */
export async function hostWithListing(deps: Deps, overrides: Parameters<typeof createProperty>[2] = {}) {
  const host = await signedIn(deps, 'host', { first_name: 'Hana' });
  const { propertyId } = await createProperty(deps.db, host.userId, overrides);
  return { host, propertyId };
}

/** `count` back-to-back stays of `nights` nights from `from` (half-open ranges never overlap). */
export function consecutiveStays(from: string, count: number, nights = 1) {
  return Array.from({ length: count }, (_, i) => ({
    startDate: addDays(from, i * nights),
    endDate: addDays(from, (i + 1) * nights),
  }));
}

/** A signed-in guest with a booking of theirs at the place, `completed` unless told otherwise. */
export async function guestWithStay(
  deps: Deps,
  propertyId: string,
  dates: { startDate: string; endDate: string },
  status: 'completed' | 'confirmed' | 'canceled' = 'completed',
  firstName = 'Amara',
) {
  const guest = await signedIn(deps, 'guest', { first_name: firstName });
  const { bookingId } = await createBooking(deps.db, { propertyId, guestId: guest.userId, ...dates, status });
  return { guest, bookingId };
}

/**
 * The host's review of the stay's guest (SPEC §10). Reviews are blind until both sides have written, so
 * tests about a shown review have the host write theirs first: the guest's review is then published at once.
 */
export function hostReviewsGuest(
  host: Awaited<ReturnType<typeof signedIn>>,
  bookingId: string,
  rating = 5,
  comment = 'A considerate guest.',
) {
  return host.caller.reviews.createForGuest({ bookingId, rating, comment });
}

export function propertyRating(deps: Deps, propertyId: string) {
  return deps.db
    .selectFrom('properties')
    .select(['rating_avg', 'review_count'])
    .where('property_id', '=', propertyId)
    .executeTakeFirstOrThrow();
}

export function notificationsOf(deps: Deps, userId: string, type?: string) {
  let query = deps.db
    .selectFrom('notifications')
    .select(['notification_id', 'type', 'payload', 'read_at', 'emailed_at', 'created_at'])
    .where('user_id', '=', userId);
  if (type !== undefined) query = query.where('type', '=', type);
  return query.orderBy('created_at', 'asc').execute();
}

export { runJobsDueBy } from '../../../src/testing/index.ts';
